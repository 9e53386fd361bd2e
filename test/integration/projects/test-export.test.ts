/**
 * Exported tests run in the template projects with their own runners, without MCP Lab: a suite
 * saved through the engine (as "Save as test" does) and run once (snapshots recorded) is exported
 * by the real `mcp-lab test --export`, then the project's pytest / `npm test` passes; after the
 * tool is broken in the source, it fails on the exported case.
 *
 * Environments: the FastMCP project's `.venv` is the shared test venv of FastMCP 3.4.11 (the
 * version the template pins) with pytest, both from PyPI (test/helpers/fastmcp-venv.ts); the
 * TypeScript project's `node_modules` is a symlink to this repository's, which holds the packages
 * the template's package.json names (SDK, zod, vitest, typescript, tsx, @types/node).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { TestCaseInput, TestRun } from '../../../src-shared/api/schemas/testing';
import { ensureFastmcpVenv } from '../../helpers/fastmcp-venv';
import { REPO_ROOT } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';
import { runCli } from '../../helpers/run-cli';
import { edit } from './project-helpers';

let root: string;
let h: Harness | undefined;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-test-export-'));
});
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const home = () => ({ MCP_LAB_HOME: path.join(root, 'home') });

/** A child process to its end: exit code and everything it printed. */
function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  // The outer vitest's variables would make the project's vitest think it is a worker of ours.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_OPTIONS$)/.test(k)));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Save the cases through the engine, as "Save as test" does, and run the suite once: its snapshots are recorded. */
async function recordSuite(dir: string, serverId: string, cases: TestCaseInput[]): Promise<string> {
  h = await startHarness({ workspaceDir: dir, handshakeTimeoutMs: 60_000 });
  let suite = await h.api.call('tests.saveCase', { newSuite: { name: 'Shop', serverId }, case: cases[0]! });
  for (const c of cases.slice(1)) suite = await h.api.call('tests.saveCase', { suiteId: suite.id, case: c });
  const started = (await h.api.call('tests.run', { suiteIds: [suite.id] })) as TestRun;
  const done = await h.engine.testing.runner.finished(started.runId);
  expect(done.results.map((r) => [r.name, r.status, r.failures[0]?.message ?? r.error])).toEqual(
    cases.map((c) => [c.name, 'passed', undefined]),
  );
  await h.dispose();
  h = undefined;
  return suite.file;
}

/** The same checks in both languages; argument and field names differ as the templates' do. */
function shopCases(n: { inStock: string; uptime: string }): TestCaseInput[] {
  return [
    { name: 'greets Ada', tool: 'greet', arguments: { name: 'Ada' }, expect: [{ status: 'ok' }, { textContains: 'Hello, Ada!' }] },
    {
      name: 'multiplies',
      tool: 'calculate',
      arguments: { operation: 'multiply', a: 6, b: 7 },
      expect: [
        { status: 'ok' },
        { structuredContent: { result: 42 }, match: 'subset' },
        { pointer: '/structuredContent/result', equals: 42 },
        { outputSchema: true },
      ],
    },
    {
      name: 'divide by zero is a tool error',
      tool: 'calculate',
      arguments: { operation: 'divide', a: 1, b: 0 },
      expect: [{ status: 'toolError' }, { textMatches: 'DIVIDE by zero', flags: 'i' }],
    },
    {
      name: 'search tools in stock',
      tool: 'search_items',
      arguments: { query: 'set', category: 'tools', [n.inStock]: true },
      expect: [{ snapshot: true }],
    },
    { name: 'health', tool: 'health_check', expect: [{ snapshot: true, ignore: [`/structuredContent/${n.uptime}`, '/content'] }] },
    {
      name: 'reads item 2',
      resource: 'items://item-2',
      expect: [{ status: 'ok' }, { textContains: 'Claw hammer' }, { pointer: '/contents/0/uri', equals: 'items://item-2' }],
    },
    {
      name: 'an unknown item is a protocol error',
      resource: 'items://item-99',
      expect: [{ status: 'protocolError' }, { textContains: 'item-99' }],
    },
    {
      name: 'prompt names the item',
      prompt: 'describe_item',
      arguments: { item_id: 'item-1' },
      expect: [{ textContains: 'items://item-1' }, { snapshot: 'prompt' }],
    },
  ];
}

it('a suite exported to pytest passes in the FastMCP template project, and fails once the tool breaks', async () => {
  const dir = path.join(root, 'shop');
  const made = await runCli(['new', 'fastmcp', dir, '--name', 'Shop', '--no-setup'], { env: home() });
  expect(made.code, made.stderr).toBe(0);
  const venv = await ensureFastmcpVenv('3.4.11', [], ['pytest>=8']);
  await symlink(path.dirname(path.dirname(venv.python)), path.join(dir, '.venv'));
  const suiteFile = await recordSuite(dir, 'shop', shopCases({ inStock: 'in_stock_only', uptime: 'uptime_seconds' }));

  const out = path.join(dir, 'tests', 'test_shop_export.py');
  const exported = await runCli(['test', suiteFile, '--export', 'pytest', '--out', out], { env: home() });
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/Wrote .*test_shop_export\.py \(8 cases, pytest\)/);
  const text = await readFile(out, 'utf8');
  expect(text).toMatch(/^# Exported by MCP Lab from \.mcp-lab\/tests\/shop\.test\.json/);
  expect(text).toContain('from server import mcp\n');
  expect(text).toContain('async with Client(mcp) as client:');
  expect(text).toContain('async def test_greets_ada(client):');

  const python = path.join(dir, '.venv', 'bin', 'python');
  const green = await run(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], dir);
  expect(green.output).toMatch(/\b21 passed\b/); // the template's 13 and the 8 exported
  expect(green.code).toBe(0);

  await edit(path.join(dir, 'server.py'), 'return f"{settings.greeting}, {name}!"', 'return f"{settings.greeting} {name}"');
  const red = await run(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/test_shop_export.py'], dir);
  expect(red.output).toMatch(/FAILED tests\/test_shop_export\.py::test_greets_ada/);
  expect(red.output).toMatch(/\b1 failed, 7 passed\b/);
  expect(red.code).toBe(1);
}, 600_000);

it('a suite exported to vitest passes `npm test` in the TypeScript template project, and fails once the tool breaks', async () => {
  const dir = path.join(root, 'shop-ts');
  const made = await runCli(['new', 'typescript', dir, '--name', 'Shop TS', '--no-setup'], { env: home() });
  expect(made.code, made.stderr).toBe(0);
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const suiteFile = await recordSuite(dir, 'shop-ts', shopCases({ inStock: 'inStockOnly', uptime: 'uptimeSeconds' }));

  const out = path.join(dir, 'test', 'shop-export.test.ts');
  const exported = await runCli(['test', suiteFile, '--export', 'vitest', '--out', out], { env: home() });
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  const text = await readFile(out, 'utf8');
  expect(text).toMatch(/^\/\/ Exported by MCP Lab from \.mcp-lab\/tests\/shop\.test\.json/);
  expect(text).toContain("import { createServer } from '../src/server.js';");
  expect(text).toContain('InMemoryTransport.createLinkedPair()');
  expect(text).toContain("it('greets Ada', async () => {");

  // The project's own script: `tsc --noEmit && vitest run`, so the exported file typechecks too.
  const green = await run('npm', ['test', '--silent'], dir);
  expect(green.output).toMatch(/Tests\s+21 passed \(21\)/);
  expect(green.code).toBe(0);

  await edit(path.join(dir, 'src', 'server.ts'), 'text: `${settings.greeting}, ${name}!`', 'text: `${settings.greeting} ${name}`');
  const red = await run('npx', ['vitest', 'run', 'test/shop-export.test.ts'], dir);
  expect(red.output).toMatch(/FAIL .*shop-export\.test\.ts > Shop > greets Ada/);
  expect(red.output).toMatch(/Tests\s+1 failed \| 7 passed \(8\)/);
  expect(red.code).toBe(1);
}, 600_000);

it('export keeps what it did not write: a file without its header is refused (exit 2) and left as it was; --force replaces it', async () => {
  const dir = path.join(root, 'keep');
  const made = await runCli(['new', 'fastmcp', dir, '--name', 'Keep', '--no-setup'], { env: home() });
  expect(made.code, made.stderr).toBe(0);
  const suite = path.join(dir, '.mcp-lab', 'tests', 'keep.test.json');
  await mkdir(path.dirname(suite), { recursive: true });
  await writeFile(
    suite,
    JSON.stringify({
      server: 'keep',
      cases: [{ name: 'greets', tool: 'greet', arguments: { name: 'A' }, expect: [{ textContains: 'A' }] }],
    }),
  );
  const mine = path.join(dir, 'tests', 'test_server.py');
  const before = await readFile(mine, 'utf8');
  const refused = await runCli(['test', suite, '--export', 'pytest', '--out', mine], { env: home() });
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/test_server\.py exists and was not written by MCP Lab's export, so it was left alone.*--force/);
  expect(await readFile(mine, 'utf8')).toBe(before);

  const ours = path.join(dir, 'tests', 'test_keep.py');
  expect((await runCli(['test', suite, '--export', 'pytest', '--out', ours], { env: home() })).code).toBe(0);
  expect((await runCli(['test', suite, '--export', 'pytest', '--out', ours], { env: home() })).code).toBe(0); // its own file: replaced
  const forced = await runCli(['test', suite, '--export', 'pytest', '--out', mine, '--force'], { env: home() });
  expect(forced.code).toBe(0);
  expect(await readFile(mine, 'utf8')).toMatch(/^# Exported by MCP Lab from .*\n.*\n.*--out tests\/test_server\.py\n/);

  // Usage errors say what to do, and exit 2.
  const usage = async (args: string[], message: RegExp) => {
    const r = await runCli(args, { env: home() });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  };
  await usage(['test', suite, '--export', 'jest', '--out', ours], /--export takes pytest or vitest, not "jest"/);
  await usage(['test', suite, '--export', 'pytest'], /--export needs --out <file>/);
  await usage(['test', suite, suite, '--export', 'pytest', '--out', ours], /--export takes exactly one suite file \(got 2\)/);
  await usage(['test', suite, '--out', ours], /--out and --force go with --export pytest\|vitest/);
  await usage(['test', path.join(dir, 'nope.test.json'), '--export', 'pytest', '--out', ours], /no suite file .*nope\.test\.json/);
}, 120_000);
