/**
 * Era detection against servers of the initialize era that nobody wrote for it (the TypeScript
 * SDK 1.x, a Python stdlib server, real FastMCP 2.x and 3.x), and pinning a revision either way.
 * What a person would check: one process per start, the version and era in the summary, and the
 * log saying why.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureServer, FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../../helpers/fastmcp-venv';
import { addAndStart, startHarness, type Harness } from '../../helpers/harness';
import type { LogEntry } from '../../../src-shared/api/schemas/log';
import type { ServerConfigInput, ServerSummary } from '../../../src-shared/api/schemas/server';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

function logOf(id: string): LogEntry[] {
  h!.engine.logs.flush();
  return h!.engine.logs.since(id, 0).entries;
}
const sentMethods = (id: string) =>
  logOf(id)
    .filter((e) => e.source === 'protocol' && e.protocol?.dir === 'out' && e.protocol.kind === 'request')
    .map((e) => e.protocol!.method);
const starts = (id: string) => logOf(id).filter((e) => e.source === 'lifecycle' && e.text.startsWith('starting:')).length;
/** Every pid the server had while starting: one process per start. */
async function startWatchingPids(
  input: ServerConfigInput,
  options: Parameters<typeof startHarness>[0] = {},
): Promise<{ s: ServerSummary; pids: Set<number> }> {
  h = await startHarness(options);
  const pids = new Set<number>();
  const sub = h.api.subscribe('servers.changed', {}, (list: ServerSummary[]) => {
    for (const x of list) if ((x.status.state === 'starting' || x.status.state === 'ready') && x.status.pid) pids.add(x.status.pid);
  });
  const s = await addAndStart(h, input);
  sub.dispose();
  return { s, pids };
}
function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe('initialize-era servers under auto detection', () => {
  it.each([
    ['the TypeScript SDK 1.x (echo fixture)', 'echo-server.ts', '-32601'],
    ['a Python stdlib server', 'py_stdlib_server.py', '-32601'],
  ])('%s: server/discover is refused, initialize follows on the same process', async (_what, file, code) => {
    const { s, pids } = await startWatchingPids(fixtureServer(file));
    expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
    expect(s.info).toMatchObject({ era: 'initialize', protocolVersion: '2025-11-25' });
    expect(s.info!.eraReason).toContain(`server/discover answered ${code}`);
    expect(pids.size).toBe(1);
    expect(starts(s.config.id)).toBe(1);
    expect(sentMethods(s.config.id).slice(0, 2)).toEqual(['server/discover', 'initialize']);
    // The refusal is the normal answer of an earlier revision: logged as information that says so.
    const refusal = logOf(s.config.id).find(
      (e) => e.protocol?.dir === 'in' && e.protocol.kind === 'error' && e.protocol.method === 'server/discover',
    );
    expect(refusal?.level).toBe('info');
    expect(refusal?.text).toContain('falls back to initialize');
    expect(logOf(s.config.id).filter((e) => e.level === 'error')).toEqual([]);
  });

  it.each(FASTMCP_VERSIONS)(
    'FastMCP %s: the Python SDK answers -32602, and the server is used with initialize without a restart',
    async (version) => {
      const venv = await ensureFastmcpVenv(version);
      const { s, pids } = await startWatchingPids(
        { name: `fastmcp-${version}`, transport: 'stdio', command: venv.python, args: [path.join(FIXTURES, 'fastmcp_seed_server.py')] },
        { handshakeTimeoutMs: 60_000 },
      );
      expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
      expect(s.info).toMatchObject({ name: 'fastmcp-seed', era: 'initialize', protocolVersion: '2025-11-25' });
      expect(s.info!.eraReason).toContain('server/discover answered -32602');
      expect(pids.size).toBe(1);
      expect(sentMethods(s.config.id).slice(0, 2)).toEqual(['server/discover', 'initialize']);
      expect(text(await h!.api.call('tools.call', { serverId: s.config.id, toolName: 'divide', arguments: { a: 6, b: 3 } }))).toContain(
        '2',
      );
    },
    15 * 60_000,
  );

  it('a server that exits on the probe is started once more with initialize, and later starts skip the probe', async () => {
    const { s, pids } = await startWatchingPids(fixtureServer('probe-intolerant.ts'));
    expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
    expect(pids.size).toBe(2);
    expect(s.info).toMatchObject({ era: 'initialize', protocolVersion: '2025-11-25' });
    const id = s.config.id;
    const log = logOf(id);
    expect(
      log.some(
        (e) =>
          e.source === 'lifecycle' &&
          e.level === 'warning' &&
          e.text.includes('starting it once more with initialize only') &&
          e.text.includes('exit code 4'),
      ),
    ).toBe(true);
    expect(log.some((e) => e.source === 'stderr' && e.text.includes('"server/discover" before initialize'))).toBe(true);
    expect(text(await h!.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { text: 'still here' } }))).toBe('still here');

    // Remembered: a restart goes straight to initialize, on one process.
    const before = sentMethods(id).length;
    const again = await h!.api.call('servers.restart', { serverId: id });
    expect(again.status.state).toBe('ready');
    expect(sentMethods(id).slice(before)[0]).toBe('initialize');
    expect(again.info!.eraReason).toContain('exited when asked server/discover before');
  });

  it('a server that exits at start anyway is started once more, then reported as before, saying the probe was not the cause', async () => {
    const { s } = await startWatchingPids(fixtureServer('exit-early.ts'));
    expect(s.status).toMatchObject({ state: 'failed', kind: 'exitedBeforeHandshake' });
    expect(logOf(s.config.id).some((e) => e.text.includes('the probe was not the cause'))).toBe(true);
  });
});

describe('pinning a revision', () => {
  it('an initialize-era version: no probe, and initialize asks for that version', async () => {
    const { s } = await startWatchingPids(fixtureServer('echo-server.ts', { protocol: '2024-11-05' }));
    expect(s.status.state).toBe('ready');
    expect(s.info).toMatchObject({ era: 'initialize', protocolVersion: '2024-11-05', eraReason: 'pinned to 2024-11-05' });
    expect(sentMethods(s.config.id)[0]).toBe('initialize');
    const init = logOf(s.config.id).find((e) => e.protocol?.method === 'initialize' && e.protocol.dir === 'out')!;
    expect((init.data as { params: { protocolVersion: string } }).params.protocolVersion).toBe('2024-11-05');
  });

  it('a 2026-07-28 server pinned to 2025-11-25 speaks initialize, and its input asks arrive as server→client requests', async () => {
    const { s } = await startWatchingPids(
      fixtureServer('modern-server.ts', {
        protocol: '2025-11-25',
        clientFeatures: { elicitation: { enabled: true, rules: [{ action: 'accept', content: { name: 'Lin' } }] } },
      }),
    );
    expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
    expect(s.info).toMatchObject({ name: 'modern-fixture', era: 'initialize', protocolVersion: '2025-11-25' });
    expect(sentMethods(s.config.id)).not.toContain('server/discover');
    expect(text(await h!.api.call('tools.call', { serverId: s.config.id, toolName: 'ask_name', arguments: {} }))).toBe('Hello, Lin!');
    expect(logOf(s.config.id).some((e) => e.protocol?.method === 'elicitation/create' && e.protocol.dir === 'in')).toBe(true);
  });

  it('pinned to 2026-07-28, an initialize-era server fails to start with the probe answer and what to change', async () => {
    const { s, pids } = await startWatchingPids(fixtureServer('echo-server.ts', { protocol: '2026-07-28' }));
    expect(s.status).toMatchObject({ state: 'failed', kind: 'handshakeError' });
    if (s.status.state !== 'failed') return;
    expect(s.status.message).toContain('pinned to 2026-07-28');
    expect(s.status.message).toContain('-32601');
    expect(s.status.hint).toContain('auto');
    expect(pids.size).toBe(1);
    expect(sentMethods(s.config.id)).not.toContain('initialize');
  });

  it('pinned to 2026-07-28, a 2026-07-28 server is used as under auto', async () => {
    const { s } = await startWatchingPids(fixtureServer('modern-server.ts', { protocol: '2026-07-28' }));
    expect(s.info).toMatchObject({ era: 'stateless', protocolVersion: '2026-07-28', eraReason: 'pinned to 2026-07-28' });
  });
});
