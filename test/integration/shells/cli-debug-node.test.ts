/**
 * `mcp-lab call … --break FILE:LINE` on a project fresh from `mcp-lab new typescript`: the server
 * (node --import tsx) runs under Node's inspector, the stop on the .ts line is reported with the
 * tool's arguments among the locals, and the call still completes.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

let root: string;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-debug-node-'));
  dir = path.join(root, 'hello-ts');
  env = { MCP_LAB_HOME: path.join(root, 'home') };
  const made = await runCli(['new', 'typescript', dir, '--no-setup'], { env });
  expect(made.code, made.stderr).toBe(0);
  // The project's node_modules is this repository's (the same SDK, zod and tsx): no install per test.
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The line of greet's handler, found in the generated file (the template may move it). */
function greetLine(): number {
  return (
    readFileSync(path.join(dir, 'src', 'server.ts'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('async ({ name }) =>')) + 1
  );
}

it('--json prints the stop on the .ts line with the argument among the locals, then the result', async () => {
  const line = greetLine();
  const file = path.join(dir, 'src', 'server.ts');
  const out = await runCli(['call', 'greet', '--args', '{"name": "Ada"}', '--break', `${file}:${line}`, '--json', '--workspace', dir], {
    env,
    timeoutMs: 120_000,
  });
  expect(out.code, out.stderr).toBe(0);
  const report = JSON.parse(out.stdout) as {
    ok: boolean;
    data: {
      status: string;
      stops: Array<{
        reason: string;
        location: { line: number; path: string };
        locals: Array<{ name: string; value: string; type: string }>;
      }>;
      result: { content: Array<{ text: string }> };
    };
  };
  expect(report).toMatchObject({ ok: true, verb: 'call', data: { status: 'ok' } });
  expect(report.data.stops).toHaveLength(1);
  expect(report.data.stops[0]).toMatchObject({ reason: 'breakpoint', location: { line, path: file } });
  expect(report.data.stops[0]!.locals).toContainEqual(expect.objectContaining({ name: 'name', value: '"Ada"', type: 'string' }));
  expect(report.data.result.content[0]!.text).toBe('Hello, Ada!');
}, 180_000);

it('after --, the command itself: where it paused and the locals, then the result', async () => {
  const line = greetLine();
  const out = await runCli(
    [
      'call',
      'greet',
      '--args',
      '{"name": "Bo"}',
      '--break',
      `${path.join(dir, 'src', 'server.ts')}:${line}`,
      '--',
      'npx',
      'tsx',
      path.join(dir, 'src', 'main.ts'),
    ],
    { env, timeoutMs: 120_000 },
  );
  expect(out.code, out.stderr).toBe(0);
  expect(out.stdout).toMatch(
    new RegExp(`^paused at .*server\\.ts:${line} in .* \\(breakpoint\\)\\n(.*\\n)*  name = "Bo"  \\(string\\)\\n`, 'm'),
  );
  expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('Hello, Bo!');
}, 180_000);
