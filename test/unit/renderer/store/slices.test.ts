import { describe, expect, it } from 'vitest';
import { toolKey } from '../../../../src-renderer/store/slices/console-draft';
import { consoleSelectors } from '../../../../src-renderer/store/slices/console-slice';
import { MAX_SAMPLES_PER_SERVER } from '../../../../src-renderer/store/slices/metrics-slice';
import { serverSelectors } from '../../../../src-renderer/store/slices/servers-slice';
import { uiSelectors } from '../../../../src-renderer/store/slices/ui-slice';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';
import { outcome, serverSummary } from '../helpers/fixtures';

describe('servers slice', () => {
  it('applies snapshots and keeps a valid selection', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._applyServerSnapshot([serverSummary('a'), serverSummary('b')]);
    expect(wb.getState().selectedServerId).toBe('a');
    expect(serverSelectors.list(wb.getState()).map((s) => s.config.id)).toEqual(['a', 'b']);
    wb.getState().selectServer('b');
    wb.getState()._applyServerSnapshot([serverSummary('a')]);
    expect(wb.getState().selectedServerId).toBe('a');
    wb.getState()._applyServerSnapshot([]);
    expect(wb.getState().selectedServerId).toBeNull();
    expect(wb.getState().serversLoaded).toBe(true);
  });

  it('start asks the engine and does not touch mirrored state; errors become notices', async () => {
    const fake = createFakeApi({ 'servers.start': () => Promise.reject(new Error('spawn node ENOENT')) });
    const wb = createWorkbenchStore(fake.api);
    wb.getState()._applyServerSnapshot([serverSummary('a', 'stopped')]);
    const before = wb.getState().serversById;
    await wb.getState().startServer('a');
    expect(fake.call).toHaveBeenCalledWith('servers.start', { serverId: 'a' });
    expect(wb.getState().serversById).toBe(before);
    expect(wb.getState().notices[0]?.text).toMatch(/Could not start "Server a": spawn node ENOENT/);
  });
});

describe('tools slice', () => {
  it('applies lists per server and drops them', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._applyToolList({ serverId: 'a', tools: [{ name: 'x', inputSchema: {} }], pages: 1, listedAt: 1 });
    expect(wb.getState().toolsByServer.a?.tools[0]?.name).toBe('x');
    wb.getState()._dropServerTools('a');
    expect(wb.getState().toolsByServer.a).toBeUndefined();
  });
});

describe('metrics slice', () => {
  const sample = (ts: number, serverId = 'a') => ({ ts, serverId, rssBytes: 1000 + ts, cpuPercent: ts === 1 ? null : 5, processCount: 1 });

  it('keeps samples per server, oldest first, ignores replays, bounded', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._appendSamples([sample(1), sample(2), sample(1, 'b')]);
    wb.getState()._appendSamples([sample(2), sample(3)]); // replay overlap
    expect(wb.getState().samplesByServer.a?.map((s) => s.ts)).toEqual([1, 2, 3]);
    expect(wb.getState().samplesByServer.b).toHaveLength(1);
    wb.getState()._appendSamples(Array.from({ length: MAX_SAMPLES_PER_SERVER + 10 }, (_, i) => sample(10 + i)));
    const kept = wb.getState().samplesByServer.a!;
    expect(kept).toHaveLength(MAX_SAMPLES_PER_SERVER);
    expect(kept.at(-1)!.ts).toBe(10 + MAX_SAMPLES_PER_SERVER + 9);
  });

  it('replaces tool stats with each snapshot', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    const stat = {
      serverId: 'a',
      toolName: 't',
      calls: 2,
      errors: 1,
      byStatus: { ok: 1, toolError: 1 },
      latency: { count: 2, p50: 1, p95: 2, p99: 2, max: 2, mean: 1.5 },
    };
    wb.getState()._applyToolStats([stat]);
    expect(wb.getState().toolStats).toEqual([stat]);
  });
});

describe('console slice', () => {
  it('calls with the draft, its timeout and its own callId; keeps a bounded history', async () => {
    const fake = createFakeApi({ 'tools.call': (p) => ({ ...outcome('ok'), callId: (p as { callId: string }).callId }) });
    const wb = createWorkbenchStore(fake.api);
    const key = toolKey('s', 'greet');
    wb.getState().ensureDraft(key, { style: 'casual' });
    wb.getState().setDraftValue(key, { style: 'casual', name: 'Ada' });
    wb.getState().setDraftTimeout(key, 5);
    await wb.getState().callTool('s', 'greet');
    const [, params, opts] = fake.call.mock.calls[0]!;
    expect(params).toMatchObject({ serverId: 's', toolName: 'greet', arguments: { style: 'casual', name: 'Ada' }, timeoutMs: 5000 });
    expect((params as { callId: string }).callId).toMatch(/^ui-/);
    expect(opts?.signal).toBeInstanceOf(AbortSignal);
    expect(consoleSelectors.viewedOutcome(key)(wb.getState())?.callId).toBe((params as { callId: string }).callId);
    expect(wb.getState().inFlight[key]).toBeUndefined();
    for (let i = 0; i < 12; i++) await wb.getState().callTool('s', 'greet');
    expect(consoleSelectors.history(key)(wb.getState())).toHaveLength(10);
  });

  it('refuses to send malformed JSON; switching back to the form waits for valid JSON', async () => {
    const fake = createFakeApi({ 'tools.call': () => outcome('ok') });
    const wb = createWorkbenchStore(fake.api);
    const key = toolKey('s', 't');
    wb.getState().ensureDraft(key, {});
    wb.getState().setDraftMode(key, 'json');
    wb.getState().setDraftText(key, '{ "a": ');
    expect(wb.getState().drafts[key]?.parseError).toMatch(/Malformed JSON/);
    await wb.getState().callTool('s', 't');
    expect(fake.call).not.toHaveBeenCalled();
    wb.getState().setDraftMode(key, 'form');
    expect(wb.getState().drafts[key]?.mode).toBe('json');
    wb.getState().setDraftText(key, '[1]');
    expect(wb.getState().drafts[key]?.parseError).toMatch(/must be a JSON object/);
    wb.getState().setDraftText(key, '{"a": 1}');
    expect(wb.getState().drafts[key]?.value).toEqual({ a: 1 });
  });

  it('cancel aborts the signal of the call in flight; the engine answers with the outcome', async () => {
    let seen: AbortSignal | undefined;
    const fake = createFakeApi({
      'tools.call': (_p, o) =>
        new Promise((resolve) => {
          seen = o?.signal;
          o?.signal?.addEventListener('abort', () => resolve(outcome('cancelled')));
        }),
    });
    const wb = createWorkbenchStore(fake.api);
    const pending = wb.getState().callTool('s', 'slow');
    expect(wb.getState().inFlight[toolKey('s', 'slow')]).toBeDefined();
    wb.getState().cancelCall('s', 'slow');
    await pending;
    expect(seen?.aborted).toBe(true);
    expect(consoleSelectors.viewedOutcome(toolKey('s', 'slow'))(wb.getState())?.status).toBe('cancelled');
  });

  it('a call the engine refuses is an error message, not an outcome', async () => {
    const fake = createFakeApi({ 'tools.call': () => Promise.reject(new Error('server "x" is not running (stopped)')) });
    const wb = createWorkbenchStore(fake.api);
    await wb.getState().callTool('s', 't');
    expect(consoleSelectors.callError(toolKey('s', 't'))(wb.getState())).toMatch(/not running/);
    expect(consoleSelectors.history(toolKey('s', 't'))(wb.getState())).toEqual([]);
  });

  it('mirrors calls.active', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._applyActiveCalls([{ callId: 'ui-1', serverId: 's', toolName: 't', startedAt: 1, progress: { progress: 2, total: 10 } }]);
    expect(consoleSelectors.activeCall('ui-1')(wb.getState())?.progress?.total).toBe(10);
  });
});

describe('ui slice', () => {
  it('shows reconnecting only after a first connection', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._setConnection({ state: 'closed' });
    expect(uiSelectors.connectionView(wb.getState())).toBe('connecting');
    wb.getState()._setConnection({ state: 'open' });
    wb.getState()._setConnection({ state: 'closed' });
    expect(uiSelectors.connectionView(wb.getState())).toBe('reconnecting');
  });
});
