/**
 * `mcp-lab call … --break FILE:LINE` on a project fresh from `mcp-lab new fastmcp`: the server runs
 * under debugpy, the stop is reported with the tool's locals, and the call still completes.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDebugpy, ensureFastmcpVenv } from '../../helpers/fastmcp-venv';
import { runCli } from '../../helpers/run-cli';
import { PINNED } from '../../../src-main/engine/projects/scaffold';

let root: string;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  const venv = await ensureDebugpy(await ensureFastmcpVenv(PINNED.fastmcp));
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-debug-'));
  dir = path.join(root, 'hello');
  env = { MCP_LAB_HOME: path.join(root, 'home') };
  const made = await runCli(['new', 'fastmcp', dir, '--no-setup'], { env });
  expect(made.code, made.stderr).toBe(0);
  // The project's .venv is the shared test venv (same pinned FastMCP, debugpy installed): no install per test.
  await symlink(path.dirname(path.dirname(venv.python)), path.join(dir, '.venv'));
}, 15 * 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The line of greet's body, found in the generated file (the template may move it). */
function greetBodyLine(): number {
  const lines = readFileSync(path.join(dir, 'server.py'), 'utf8').split('\n');
  const def = lines.findIndex((l) => l.startsWith('async def greet('));
  return lines.findIndex((l, i) => i > def && /^\s+return /.test(l)) + 1;
}

it('--json prints the stop with the argument among the locals, then the result, in one envelope', async () => {
  const line = greetBodyLine();
  const out = await runCli(
    ['call', 'greet', '--args', '{"name": "Ada"}', '--break', `${path.join(dir, 'server.py')}:${line}`, '--json', '--workspace', dir],
    { env, timeoutMs: 120_000 },
  );
  expect(out.code, out.stderr).toBe(0);
  const report = JSON.parse(out.stdout) as {
    ok: boolean;
    data: {
      status: string;
      stops: Array<{ location: { line: number; path: string }; function: string; locals: Array<{ name: string; value: string }> }>;
      result: { content: Array<{ text: string }> };
    };
  };
  expect(report).toMatchObject({ ok: true, verb: 'call', data: { status: 'ok' } });
  expect(report.data.stops).toHaveLength(1);
  expect(report.data.stops[0]).toMatchObject({ function: 'greet', location: { line, path: path.join(dir, 'server.py') } });
  expect(report.data.stops[0]!.locals).toContainEqual(expect.objectContaining({ name: 'name', value: "'Ada'" }));
  expect(report.data.result.content[0]!.text).toBe('Hello, Ada!');
}, 180_000);

it('human output: where it paused and the locals, then the result; a bad --break is a usage error', async () => {
  const line = greetBodyLine();
  const out = await runCli(['call', 'greet', '--args', '{"name": "Bo"}', '--break', `server.py:${line}`, '--workspace', dir], {
    env,
    timeoutMs: 120_000,
  });
  expect(out.code, out.stderr).toBe(0);
  expect(out.stdout).toMatch(
    new RegExp(`^paused at .*server\\.py:${line} in greet \\(breakpoint\\)\\n(.*\\n)*  name = 'Bo'  \\(str\\)\\n`, 'm'),
  );
  expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('Hello, Bo!');

  const bad = await runCli(['call', 'greet', '--break', 'nope.py:3', '--workspace', dir], { env });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--break nope\.py:3: there is no file/);
}, 180_000);
