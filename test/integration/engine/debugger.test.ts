/**
 * A real FastMCP server run under debugpy (from PyPI, in the shared FastMCP venv), with MCP Lab as
 * the DAP client: a breakpoint in a tool pauses the call, its argument shows, stepping works, and
 * the health check says where it is paused (what else waits meanwhile: debugger-waits.test.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DebugState } from '../../../src-shared/api/schemas/debug';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { ensureDebugpy, ensureFastmcpVenv, type FastmcpVenv } from '../../helpers/fastmcp-venv';
import { FIXTURES } from '../../helpers/fixtures';
import { startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { TestClock } from '../../helpers/test-clock';
import { eventually } from '../../helpers/processes';
import { DEBUGPY_VERSION } from '../../../src-main/engine/debug/python-launch';

const run = promisify(execFile);
const SERVER = path.join(FIXTURES, 'fastmcp_debug_server.py');
const SETUP_TIMEOUT_MS = 15 * 60_000;
const lineOf = (mark: string) =>
  readFileSync(SERVER, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(`# mark: ${mark}`)) + 1;
const FIRST = lineOf('first line of double');
const SECOND = lineOf('second line of double');

let venv: FastmcpVenv;
let h: Harness;
beforeAll(async () => {
  venv = await ensureDebugpy(await ensureFastmcpVenv('3.4.11'));
}, SETUP_TIMEOUT_MS);
afterEach(async () => {
  await h?.dispose();
});

async function debugServer(options: Parameters<typeof startHarness>[0] = {}): Promise<string> {
  h = await startHarness({ handshakeTimeoutMs: 60_000, ...options });
  const { config } = await h.api.call('servers.add', { name: 'debug-target', transport: 'stdio', command: venv.python, args: [SERVER] });
  await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: FIRST }] });
  const s = await h.api.call('debug.start', { serverId: config.id });
  expect(s.status).toMatchObject({ state: 'ready' });
  return config.id;
}

const debugState = (serverId: string, pred: (s: DebugState) => boolean, timeoutMs = 30_000) =>
  waitForEvent<DebugState>((cb) => h.api.subscribe('debug.changed', { serverId }, cb), pred, timeoutMs);

describe('the Python debugger (debugpy)', () => {
  it('pauses a tool call at a breakpoint, shows the argument, steps, evaluates and continues to the result', async () => {
    const id = await debugServer();
    const paused = debugState(id, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 21 } });
    const at = await paused;
    expect(at.paused).toMatchObject({ reason: 'breakpoint', location: { path: SERVER, line: FIRST } });

    const [top] = await h.api.call('debug.stackTrace', { serverId: id });
    expect(top).toMatchObject({ name: 'double', location: { line: FIRST } });
    const scopes = await h.api.call('debug.scopes', { serverId: id, frameId: top!.id });
    const locals = await h.api.call('debug.variables', { serverId: id, variablesReference: scopes[0]!.variablesReference });
    expect(locals).toContainEqual(expect.objectContaining({ name: 'n', value: '21', type: 'int' }));
    expect(await h.api.call('debug.evaluate', { serverId: id, expression: 'n + 100' })).toMatchObject({ result: '121' });

    const stepped = debugState(id, (s) => s.state === 'paused' && s.paused?.location?.line === SECOND);
    await h.api.call('debug.step', { serverId: id, action: 'over' });
    await stepped;
    expect(await h.api.call('debug.evaluate', { serverId: id, expression: 'doubled' })).toMatchObject({ result: '42' });

    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    const out = await call;
    expect(out).toMatchObject({ status: 'ok', result: { structuredContent: { result: 42 } } });
  });

  it('while paused the health check says where instead of pinging; after it runs on, pings again', async () => {
    const clock = new TestClock();
    const id = await debugServer({ clock, health: { intervalMs: 15_000, timeoutMs: 1_000 } });
    let latest: ServerSummary | undefined;
    const sub = h.api.subscribe('servers.changed', {}, (l) => (latest = l.find((s) => s.config.id === id) ?? latest));
    // One health round per tick of the test's clock, until the verdict holds: the debugger's "continued" event can
    // come a moment after the continue request returns, and a round in between still (rightly) says "paused".
    const roundsUntil = async (pred: (s: ServerSummary) => boolean): Promise<ServerSummary> => {
      for (let round = 0; round < 30; round++) {
        clock.advance(15_000);
        if (await eventually(() => latest !== undefined && pred(latest), 2_000)) return latest!;
      }
      throw new Error(`the health verdict never came; last: ${JSON.stringify(latest?.health)}`);
    };
    const paused = debugState(id, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 1 } });
    await paused;
    expect((await roundsUntil((s) => s.health?.state === 'paused')).health).toMatchObject({
      state: 'paused',
      message: `paused at ${path.basename(SERVER)}:${FIRST}`,
    });

    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    expect((await call).status).toBe('ok');
    expect((await roundsUntil((s) => s.health?.state === 'ok')).health?.state).toBe('ok');
    sub.dispose();
  }, 120_000);

  it('breakpoints set while it runs reach it at once: a log point logs and goes on, a condition pauses only when it holds', async () => {
    const id = await debugServer();
    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [] });
    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: FIRST, logMessage: 'n is {n}' }] });
    expect((await h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 7 } })).status).toBe('ok');
    await waitForLog(h, id, (e) => e.text.includes('[debugger] n is 7'), 30_000);

    await h.api.call('debug.setBreakpoints', { path: SERVER, breakpoints: [{ line: SECOND, condition: 'n == 3' }] });
    expect(await h.api.call('debug.breakpoints', {})).toEqual([{ path: SERVER, breakpoints: [{ line: SECOND, condition: 'n == 3' }] }]);
    expect((await h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 2 } })).status).toBe('ok');
    const paused = debugState(id, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId: id, toolName: 'double', arguments: { n: 3 } });
    expect((await paused).paused).toMatchObject({ location: { line: SECOND } });
    await h.api.call('debug.step', { serverId: id, action: 'continue' });
    expect((await call).status).toBe('ok');
  });

  it(
    "installs debugpy into the server's own Python when asked (debug.installDebugpy)",
    async () => {
      h = await startHarness();
      const venvDir = path.join(h.workspaceDir, '..', 'fresh-venv');
      await run('python3', ['-m', 'venv', venvDir]);
      const python = path.join(venvDir, 'bin', 'python');
      const { config } = await h.api.call('servers.add', { name: 'fresh', transport: 'stdio', command: python, args: [SERVER] });
      const out = await h.api.call('debug.installDebugpy', { serverId: config.id });
      expect(out).toEqual({ installed: true, python, version: DEBUGPY_VERSION });
      // The debugger is there now: the start gets past it (FastMCP is not installed in this venv, so the server itself exits).
      const s = await h.api.call('debug.start', { serverId: config.id });
      expect(s.status).toMatchObject({ state: 'failed' });
      expect(s.status.state === 'failed' && s.status.kind).not.toBe('debuggerMissing');
    },
    5 * 60_000,
  );

  it("says how to install debugpy when the server's Python lacks it", async () => {
    h = await startHarness();
    const { config } = await h.api.call('servers.add', {
      name: 'no-debugpy',
      transport: 'stdio',
      command: 'python3',
      args: ['-S', SERVER],
    });
    const s = await h.api.call('debug.start', { serverId: config.id });
    expect(s.status).toMatchObject({
      state: 'failed',
      kind: 'debuggerMissing',
      message: expect.stringContaining('debugpy is not installed'),
      hint: expect.stringContaining('pip install debugpy=='),
    });
  });
});
