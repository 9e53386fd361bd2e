/**
 * The test runner against real servers: suites that start their own command and suites that name
 * a workspace server; failures with diffs; a crash mid-suite; a hang bounded by its timeout;
 * snapshots recorded, broken and accepted; re-running what failed; a broken suite file that does
 * not stop the others.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestRun } from '../../../src-shared/api/schemas/testing';
import { REPO_ROOT, TSX_IMPORT, tsFixture } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let tests: string;
beforeEach(async () => {
  // As the CLI is: suites here start their own command.
  h = await startHarness({}, { capabilities: ['runCommands'] });
  tests = path.join(h.workspaceDir, '.mcp-lab', 'tests');
  await mkdir(tests, { recursive: true });
});
afterEach(() => h.dispose());

const echo = tsFixture('echo-server.ts');
const writeSuite = (name: string, suite: unknown) =>
  writeFile(path.join(tests, name), typeof suite === 'string' ? suite : JSON.stringify(suite, null, 2));

async function run(req: Parameters<Harness['api']['call']>[1] & object = {}): Promise<TestRun> {
  const started = await h.api.call('tests.run', req as never);
  return h.engine.testing.runner.finished((started as TestRun).runId);
}
const byName = (r: TestRun, name: string) => r.results.find((x) => x.name === name)!;

describe('test runner', () => {
  it('runs a standalone suite: passes, a failure with its diff, a hang bounded by its timeout, a crash that fails its case and restarts the server', async () => {
    await writeSuite('echo.test.json', {
      name: 'Echo',
      server: { command: echo.command, args: echo.args },
      cases: [
        {
          name: 'adds',
          tool: 'add',
          arguments: { a: 2, b: 40 },
          expect: [{ status: 'ok' }, { structuredContent: { sum: 42 } }, { outputSchema: true }, { textContains: '42' }],
        },
        { name: 'adds wrong', tool: 'add', arguments: { a: 2, b: 3 }, expect: [{ pointer: '/structuredContent/sum', equals: 6 }] },
        { name: 'hangs', tool: 'hang', timeoutMs: 300, expect: [{ status: 'ok' }] },
        { name: 'still answers', tool: 'echo', arguments: { text: 'hi' }, expect: [{ textContains: 'hi' }] },
        { name: 'crashes', tool: 'crash', arguments: { code: 7 }, expect: [{ status: ['ok', 'toolError'] }] },
        { name: 'after the crash', tool: 'echo', arguments: { text: 'x' } },
        { name: 'skipped', tool: 'echo', skip: true },
      ],
    });
    const progress: number[] = [];
    const sub = h.api.subscribe('tests.progressed', {}, (r) => progress.push(r.passed + r.failed + r.skipped));
    const r = await run();
    sub.dispose();
    expect(r).toMatchObject({ state: 'done', total: 7, passed: 3, failed: 3, skipped: 1 });
    // Live progress: the count grew case by case.
    expect(progress.at(-1)).toBe(7);
    expect(new Set(progress).size).toBeGreaterThan(3);
    expect(byName(r, 'adds').status).toBe('passed');
    const wrong = byName(r, 'adds wrong');
    expect(wrong.failures[0]!.diff).toEqual([
      { op: 'removed', text: '6' },
      { op: 'added', text: '5' },
    ]);
    expect(byName(r, 'hangs')).toMatchObject({ status: 'failed', outcomeStatus: 'timeout' });
    expect(byName(r, 'still answers').status).toBe('passed');
    expect(byName(r, 'crashes')).toMatchObject({
      status: 'failed',
      error: 'the server crashed during this case: the server process exited (exit code 7); it was restarted for the next case',
    });
    expect(byName(r, 'after the crash')).toMatchObject({ status: 'passed', failures: [] });
    // The suite's own server is gone when the suite is done.
    expect(h.engine.servers.list()).toEqual([]);
  });

  it('after a crash the setup runs again on the restarted server; a case that expects the crash passes', async () => {
    await writeSuite('crash.test.json', {
      server: { command: echo.command, args: echo.args },
      setup: [{ tool: 'echo', arguments: { text: 'setup' } }],
      cases: [
        { name: 'crash expected', tool: 'crash', arguments: { code: 4 }, expect: [{ status: 'crashed' }] },
        { name: 'crash unexpected', tool: 'crash', arguments: { code: 5 } },
        { name: 'last', tool: 'echo', arguments: { text: 'y' }, expect: [{ textContains: 'y' }] },
      ],
    });
    const setupCalls: string[] = [];
    const sub = h.engine.logs.onDidAppend((b) => {
      for (const e of b.entries) {
        const params = (e.data as { params?: { name?: string; arguments?: { text?: string } } } | undefined)?.params;
        if (
          e.source === 'protocol' &&
          e.protocol?.dir === 'out' &&
          e.protocol.method === 'tools/call' &&
          params?.arguments?.text === 'setup'
        )
          setupCalls.push(e.serverId);
      }
    });
    const r = await run();
    h.engine.logs.flush(); // log entries reach listeners in batches: take the last one before counting
    sub.dispose();
    expect(r).toMatchObject({ passed: 2, failed: 1 });
    expect(byName(r, 'crash expected')).toMatchObject({ status: 'passed' });
    expect(byName(r, 'crash unexpected').error).toBe(
      'the server crashed during this case: the server process exited (exit code 5); it was restarted for the next case',
    );
    expect(byName(r, 'last').status).toBe('passed');
    // Once at the start, once after each of the two restarts.
    expect(setupCalls).toHaveLength(3);
  });

  it('runs a suite against a workspace server (resources and prompts too), and a broken file does not stop it', async () => {
    await h.api.call('servers.add', {
      id: 'example',
      name: 'Example',
      transport: 'stdio',
      command: process.execPath,
      args: ['--import', TSX_IMPORT, path.join(REPO_ROOT, 'src-main/examples/example-server.ts')],
      env: [],
    });
    await writeSuite(
      'example.test.jsonc',
      `// comments are fine
{
  "server": "example",
  "setup": [{ "tool": "health_check" }],
  "cases": [
    { "name": "greets", "tool": "greet", "arguments": { "name": "Ada", "style": "pirate" }, "expect": [{ "textMatches": "^Ahoy, Ada" }] },
    { "name": "bad input is a tool error", "tool": "greet", "arguments": { "name": "" }, "expect": [{ "status": "toolError" }] },
    { "name": "reads a note", "resource": "notes://n1", "expect": [{ "pointer": "/contents/0/uri", "equals": "notes://n1" }] },
    { "name": "unknown note", "resource": "notes://zzz", "expect": [{ "status": "protocolError", "code": -32002 }] },
    { "name": "prompt", "prompt": "summarize_notes", "arguments": { "topic": "testing" }, "expect": [{ "textContains": "testing" }] },
  ],
}`,
    );
    await writeSuite(
      'broken.test.json',
      '{\n  "server": "example",\n  "cases": [ { "name": "x", "tool": "greet", "expect": [ { "stat": "ok" } ] } ]\n}',
    );
    const list = await h.api.call('tests.list', {});
    expect(list.suites.map((s) => s.id)).toEqual(['example.test.jsonc']);
    expect(list.problems).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('unknown assertion "stat" (did you mean "status"?)') }),
    ]);
    const r = await run();
    expect(r.results.map((x) => [x.name, x.status, x.error ?? x.failures.map((f) => f.message).join('; ')])).toEqual([
      ['greets', 'passed', ''],
      ['bad input is a tool error', 'passed', ''],
      ['reads a note', 'passed', ''],
      ['unknown note', 'passed', ''],
      ['prompt', 'passed', ''],
    ]);
    expect(r.problems).toHaveLength(1);
    // The runner started the workspace server; it is left running for the user.
    expect(h.engine.servers.summary('example').status.state).toBe('ready');
  });

  it('snapshots: recorded on the first run, a change fails with a diff, accepting it rewrites the file', async () => {
    await writeSuite('snap.test.json', {
      server: { command: echo.command, args: echo.args },
      cases: [{ name: 'sum', tool: 'add', arguments: { a: 1, b: 2 }, expect: [{ snapshot: true }] }],
    });
    const first = await run();
    expect(first.results[0]).toMatchObject({ status: 'passed', snapshot: { key: 'sum', state: 'written' } });
    const snapFile = path.join(tests, '__snapshots__', 'snap.snap.json');
    const stored = JSON.parse(await readFile(snapFile, 'utf8'));
    expect(stored.sum.structuredContent).toEqual({ sum: 3 });
    stored.sum.structuredContent.sum = 4;
    await writeFile(snapFile, JSON.stringify(stored));
    const second = await run();
    expect(second.results[0]).toMatchObject({ status: 'failed', snapshot: { state: 'mismatched' } });
    expect(second.results[0]!.failures[0]!.diff!.filter((d) => d.op !== 'same').map((d) => d.text.trim())).toEqual([
      '"sum": 4',
      '"sum": 3',
    ]);
    await h.api.call('tests.acceptSnapshot', { runId: second.runId, suiteId: 'snap.test.json', caseIndex: 0 });
    expect(JSON.parse(await readFile(snapFile, 'utf8')).sum.structuredContent).toEqual({ sum: 3 });
    expect((await run()).results[0]).toMatchObject({ status: 'passed', snapshot: { state: 'matched' } });
  });

  it('re-runs only what failed, one case on its own, and bails at the first failure', async () => {
    await writeSuite('mix.test.json', {
      server: { command: echo.command, args: echo.args },
      cases: [
        { name: 'a', tool: 'echo', arguments: { text: 'a' } },
        { name: 'b', tool: 'echo', arguments: { text: 'b' }, expect: [{ textContains: 'nope' }] },
        { name: 'c', tool: 'echo', arguments: { text: 'c' } },
      ],
    });
    const all = await run();
    expect(all.results.map((r) => r.status)).toEqual(['passed', 'failed', 'passed']);
    const again = await run({ rerunFailedOf: all.runId });
    expect(again.results.map((r) => r.name)).toEqual(['b']);
    const one = await run({ cases: [{ suiteId: 'mix.test.json', caseIndex: 2 }] });
    expect(one.results.map((r) => [r.name, r.status])).toEqual([['c', 'passed']]);
    const bail = await run({ bail: true });
    expect(bail.results.map((r) => r.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(bail.results[2]!.error).toContain('bail');
  });

  it('a connection not granted runCommands (a window) cannot make a suite start its own command', async () => {
    await writeSuite('cmd.test.json', {
      server: { command: echo.command, args: echo.args },
      cases: [{ name: 'a', tool: 'echo', arguments: { text: 'a' } }],
    });
    const window = { signal: new AbortController().signal, origin: 'websocket' as const, capabilities: new Set<never>() };
    const started = await h.engine.handlers['tests.run']({ bail: false }, window);
    const r = await h.engine.testing.runner.finished(started.runId);
    expect(r.results[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('run it with `mcp-lab test` in a terminal') });
    expect(h.engine.servers.list()).toEqual([]);
  });
});
