import { describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../../src-shared/api/schemas/server';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';
import { serverSummary } from '../helpers/fixtures';

const ENTRY = { id: 'h2', seq: 2, serverId: 's', kind: 'tools.call', params: {}, outcome: {}, replayOf: 'h1' };

function setup(server: ServerSummary, started: ServerSummary = serverSummary('s', 'ready')) {
  const fake = createFakeApi({ 'debug.start': async () => started, 'history.replay': async () => ENTRY });
  const wb = createWorkbenchStore(fake.api);
  wb.getState()._applyServerSnapshot([server]);
  return { fake, wb, methods: () => fake.call.mock.calls.map((c) => c[0]) };
}

describe('Replay under the debugger', () => {
  it('starts a server that is not under the debugger under it, then sends the request again', async () => {
    const { wb, methods, fake } = setup(serverSummary('s', 'ready'));
    await wb.getState().replayUnderDebugger('h1', 's');
    expect(methods()).toEqual(['debug.start', 'history.replay']);
    expect(fake.call).toHaveBeenCalledWith('debug.start', { serverId: 's' });
    expect(fake.call).toHaveBeenCalledWith('history.replay', { id: 'h1' });
  });

  it('only sends it again when the server runs under the debugger already', async () => {
    const { wb, methods } = setup(serverSummary('s', 'ready'));
    wb.getState()._applyDebugState('s', { serverId: 's', state: 'running', language: 'python' });
    await wb.getState().replayUnderDebugger('h1', 's');
    expect(methods()).toEqual(['history.replay']);
  });

  it('asks for consent first, as Debug does, and sends nothing meanwhile', async () => {
    const { wb, methods } = setup(serverSummary('s', 'stopped', { consent: { fingerprint: 'f', warnings: [] } }));
    await wb.getState().replayUnderDebugger('h1', 's');
    expect(methods()).toEqual([]);
    expect(wb.getState().dialog).toEqual({ kind: 'consent', serverId: 's', underDebugger: true });
  });

  it('sends nothing when the start under the debugger failed, and says why', async () => {
    const failed = serverSummary('s', 'stopped', {
      status: { state: 'failed', since: 1, kind: 'debuggerMissing', message: 'debugpy is not installed', stderrTail: [] },
    });
    const { wb, methods } = setup(serverSummary('s', 'stopped'), failed);
    await wb.getState().replayUnderDebugger('h1', 's');
    expect(methods()).toEqual(['debug.start']);
    expect(wb.getState().notices.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining('debugpy is not installed') });
  });
});
