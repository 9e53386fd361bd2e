/**
 * What waits while debugpy holds a real FastMCP server paused: the start's handshake (a breakpoint
 * on a line that runs at import), a call's timeout (the case: 5 s timeout, 30 s at the
 * breakpoint), and a test case's guard. Also: breakpoints outlive MCP Lab (a second engine on the
 * same workspace and app-data folder has them).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DebugState } from '../../../src-shared/api/schemas/debug';
import { breakpointFileFor } from '../../../src-main/engine/debug/breakpoint-store';
import { ensureDebugpy, ensureFastmcpVenv, type FastmcpVenv } from '../../helpers/fastmcp-venv';
import { FIXTURES } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { TestClock } from '../../helpers/test-clock';

const SERVER = path.join(FIXTURES, 'fastmcp_debug_server.py');
const SETUP_TIMEOUT_MS = 15 * 60_000;
const lineOf = (mark: string) =>
  readFileSync(SERVER, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(`# mark: ${mark}`)) + 1;
const MODULE_LEVEL = lineOf('module level');
const FIRST = lineOf('first line of double');

let venv: FastmcpVenv;
let h: Harness | undefined;
beforeAll(async () => {
  venv = await ensureDebugpy(await ensureFastmcpVenv('3.4.11'));
}, SETUP_TIMEOUT_MS);
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function addDebugTarget(harness: Harness): Promise<string> {
  const { config } = await harness.api.call('servers.add', {
    name: 'debug-target',
    transport: 'stdio',
    command: venv.python,
    args: [SERVER],
  });
  return config.id;
}

const debugState = (harness: Harness, serverId: string, pred: (s: DebugState) => boolean, timeoutMs = 60_000) =>
  waitForEvent<DebugState>((cb) => harness.api.subscribe('debug.changed', { serverId }, cb), pred, timeoutMs);

/** Until the wall clock has moved `ms` past `from` (the SDK's own request timers run on it). */
const wallClockPast = (from: number, ms: number) =>
  expect.poll(() => Date.now() - from, { timeout: ms + 30_000, interval: 100 }).toBeGreaterThan(ms);

describe('while the debugger holds the server paused', () => {
  it('a breakpoint at import holds the start: no handshake timeout while paused, ready once it runs on', async () => {
    const clock = new TestClock();
    h = await startHarness({ clock, handshakeTimeoutMs: 3_000 });
    const id = await addDebugTarget(h);
    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: MODULE_LEVEL }] });
    const paused = debugState(h, id, (s) => s.state === 'paused');
    const starting = h.api.call('debug.start', { serverId: id });
    expect((await paused).paused).toMatchObject({ reason: 'breakpoint', location: { line: MODULE_LEVEL } });
    const pausedAt = Date.now();
    // Well past the handshake's 3 s, on both clocks: the engine's deadline and the SDK's real timers.
    clock.advance(60_000);
    await wallClockPast(pausedAt, 4_000);
    expect((await h.api.call('servers.list', {})).find((s) => s.config.id === id)?.status).toMatchObject({ state: 'starting' });

    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    expect((await starting).status).toMatchObject({ state: 'ready' });
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 4 } });
    expect(out).toMatchObject({ status: 'ok', result: { structuredContent: { result: 8 } } });
  }, 120_000);

  it('a call with a 5 s timeout completes after 30 s at the breakpoint', async () => {
    const clock = new TestClock();
    h = await startHarness({ clock, handshakeTimeoutMs: 60_000 });
    const id = await addDebugTarget(h);
    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: FIRST }] });
    expect((await h.api.call('debug.start', { serverId: id })).status).toMatchObject({ state: 'ready' });

    const paused = debugState(h, id, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 5 }, timeoutMs: 5_000 });
    await paused;
    const pausedAt = Date.now();
    // The engine's clock (durations, health checks) moves 30 s while it sits at the breakpoint; the
    // SDK's timer of the call runs on the wall clock, which must pass the 5 s timeout for real.
    clock.advance(30_000);
    await wallClockPast(pausedAt, 6_000);
    expect((await h.api.call('debug.stackTrace', { serverId: id }))[0]).toMatchObject({ name: 'double' });

    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    const out = await call;
    expect(out).toMatchObject({ status: 'ok', result: { structuredContent: { result: 10 } } });
    expect(out.durationMs).toBeGreaterThan(30_000);
  }, 120_000);

  it('a test case run under the debugger waits at the breakpoint past its timeout and guard, then passes', async () => {
    h = await startHarness({ handshakeTimeoutMs: 60_000 });
    const id = await addDebugTarget(h);
    await h.api.call('tests.saveCase', {
      newSuite: { name: 'doubling', serverId: id },
      case: { name: 'doubles 3', tool: 'double', arguments: { n: 3 }, timeoutMs: 1_000, expect: [{ status: 'ok' }] },
    });
    const [suite] = await h.api.call('tests.list', {}).then((l) => l.suites);
    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: FIRST }] });
    expect((await h.api.call('debug.start', { serverId: id })).status).toMatchObject({ state: 'ready' });

    const paused = debugState(h, id, (s) => s.state === 'paused');
    const run = await h.api.call('tests.run', { cases: [{ suiteId: suite!.id, caseIndex: 0 }] });
    await paused;
    // Past the case's 1 s timeout and the runner's 5 s guard above it.
    await wallClockPast(Date.now(), 7_000);
    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    const done = await h.engine.testing.runner.finished(run.runId);
    expect(done).toMatchObject({ passed: 1, failed: 0 });
  }, 120_000);
});

describe('breakpoints across runs of MCP Lab', () => {
  it('a second engine on the same workspace has the breakpoints of the first, conditions and log points too', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-bp-'));
    const options = { workspaceDir: path.join(root, 'ws'), appDataDir: path.join(root, 'app') };
    const first = await startHarness(options);
    await first.api.call('debug.setBreakpoints', {
      path: 'server.py',
      breakpoints: [{ line: 3 }, { line: 7, condition: 'n > 2' }, { line: 9, logMessage: 'n is {n}' }],
    });
    await first.api.call('debug.setBreakpoints', { path: 'gone.py', breakpoints: [{ line: 1 }] });
    await first.api.call('debug.setBreakpoints', { path: 'gone.py', breakpoints: [] });
    await first.dispose();

    h = await startHarness(options);
    expect(await h.api.call('debug.breakpoints', {})).toEqual([
      { path: 'server.py', breakpoints: [{ line: 3 }, { line: 7, condition: 'n > 2' }, { line: 9, logMessage: 'n is {n}' }] },
    ]);
    await rm(root, { recursive: true, force: true });
  });

  it('a breakpoint file it cannot read is left as it is: breakpoints work in memory and the file is not written over', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-bp-'));
    const options = { workspaceDir: path.join(root, 'ws'), appDataDir: path.join(root, 'app') };
    const file = breakpointFileFor(options.appDataDir, options.workspaceDir);
    const first = await startHarness(options);
    await first.api.call('debug.setBreakpoints', { path: 'server.py', breakpoints: [{ line: 1 }] });
    await first.dispose();
    await writeFile(file, '{"not": "ours"');

    h = await startHarness(options);
    expect(await h.api.call('debug.breakpoints', {})).toEqual([]);
    await h.api.call('debug.setBreakpoints', { path: 'server.py', breakpoints: [{ line: 2 }] });
    expect(await h.api.call('debug.breakpoints', {})).toEqual([{ path: 'server.py', breakpoints: [{ line: 2 }] }]);
    await h.engine.shutdown();
    expect(await readFile(file, 'utf8')).toBe('{"not": "ours"');
    await rm(root, { recursive: true, force: true });
  });
});
