import { describe, expect, it } from 'vitest';
import type { HistoryEntry, HistorySummary } from '../../../../src-shared/api/schemas/history';
import { toolKey } from '../../../../src-renderer/store/slices/console-draft';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';
import { serverSummary } from '../helpers/fixtures';

const summary = (seq: number, over: Partial<HistorySummary> = {}): HistorySummary => ({
  id: `e${seq}`,
  seq,
  serverId: 'a',
  serverName: 'Server a',
  kind: 'tools.call',
  method: 'tools/call',
  target: 'echo',
  status: 'ok',
  startedAt: seq,
  durationMs: 1,
  requestBytes: 10,
  preview: '{}',
  origin: 'websocket',
  ...over,
});
const list = (entries: HistorySummary[]) => ({
  entries,
  matched: entries.length,
  kept: entries.length,
  dropped: 0,
  oldestSeq: 1,
  maxEntries: 5000,
  maxBytes: 1,
});

describe('history slice', () => {
  it('loads a page for the filter, then adds matching live entries on top and drops what fell out', async () => {
    const fake = createFakeApi({ 'history.list': () => list([summary(2), summary(1)]) });
    const wb = createWorkbenchStore(fake.api);
    await wb.getState().loadHistory('a');
    expect(fake.call).toHaveBeenCalledWith('history.list', { serverId: 'a', limit: 200 });
    wb.getState()._appendHistory({ entries: [summary(3), summary(4, { serverId: 'b' })], kept: 3, dropped: 1, oldestSeq: 2 });
    expect(wb.getState().historyEntries.map((e) => e.id)).toEqual(['e3', 'e2']);
    expect(wb.getState().historyCounts).toMatchObject({ kept: 3, dropped: 1, matched: 3 });
    expect(wb.getState().historyLastSeq).toBe(4);
  });

  it('does not guess which new entries match a text search: it offers a refresh', async () => {
    const fake = createFakeApi({ 'history.list': () => list([summary(1)]) });
    const wb = createWorkbenchStore(fake.api);
    wb.getState().setHistoryFilter({ text: 'penguin' });
    await Promise.resolve();
    await wb.getState().loadHistory('a');
    expect(fake.call).toHaveBeenLastCalledWith('history.list', { serverId: 'a', text: 'penguin', limit: 200 });
    wb.getState()._appendHistory({ entries: [summary(2)], kept: 2, dropped: 0, oldestSeq: 1 });
    expect(wb.getState().historyEntries.map((e) => e.id)).toEqual(['e1']);
    expect(wb.getState().historyNewHidden).toBe(1);
  });

  it('keeps at most two entries for a diff: picking a third drops the oldest pick', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    for (const id of ['e1', 'e2', 'e3']) wb.getState().toggleHistoryCompare(id);
    expect(wb.getState().historyCompare).toEqual(['e2', 'e3']);
    wb.getState().toggleHistoryCompare('e3');
    expect(wb.getState().historyCompare).toEqual(['e2']);
  });

  it('edit and resend puts a tool call back in the console with its arguments as the draft', () => {
    const wb = createWorkbenchStore(createFakeApi().api);
    wb.getState()._applyServerSnapshot([serverSummary('a'), serverSummary('b')]);
    const entry = {
      ...summary(1, { serverId: 'b', target: 'add' }),
      params: { toolName: 'add', arguments: { a: 2, b: 3 }, timeoutMs: 5000 },
      outcome: {},
    } as HistoryEntry;
    wb.getState().editAndResend(entry);
    const s = wb.getState();
    expect(s.selectedServerId).toBe('b');
    expect(s.activeTab).toBe('tools');
    expect(s.selectedToolByServer.b).toBe('add');
    expect(s.drafts[toolKey('b', 'add')]).toMatchObject({ value: { a: 2, b: 3 }, timeoutSec: 5 });

    wb.getState().editAndResend({ ...entry, kind: 'prompts.get', target: 'greet', params: { name: 'greet', arguments: { name: 'Ada' } } });
    expect(wb.getState().activeTab).toBe('prompts');
    expect(wb.getState().promptValues['b\ngreet']).toEqual({ name: 'Ada' });
  });

  it('a cleared server leaves the list at once', async () => {
    const fake = createFakeApi({ 'history.list': () => list([summary(2, { serverId: 'b' }), summary(1)]) });
    const wb = createWorkbenchStore(fake.api);
    await wb.getState().loadHistory(null);
    wb.getState()._clearHistoryLocal('a');
    expect(wb.getState().historyEntries.map((e) => e.id)).toEqual(['e2']);
  });
});
