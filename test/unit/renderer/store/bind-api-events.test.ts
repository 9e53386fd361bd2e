import { describe, expect, it } from 'vitest';
import { createLogStore } from '../../../../src-renderer/store/log-store';
import { bindApiEvents } from '../../../../src-renderer/store/sync/bind-api-events';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';
import { logEntry, serverSummary } from '../helpers/fixtures';

describe('bindApiEvents', () => {
  it('mirrors streams into the stores, one tools stream per existing server, logs resuming from lastSeq', async () => {
    const fake = createFakeApi({
      'app.info': () => ({ name: 'MCP Lab', version: '0', host: 'test', workspaceDir: '/ws', platform: 'linux' }),
    });
    const wb = createWorkbenchStore(fake.api);
    const logs = createLogStore();
    const d = bindApiEvents(fake.api, wb, logs);
    await Promise.resolve();
    expect(wb.getState().appInfo?.workspaceDir).toBe('/ws');

    fake.emit('servers.changed', [serverSummary('a'), serverSummary('b')]);
    const toolSubs = () =>
      (fake.api.subscribe as unknown as { mock: { calls: unknown[][] } }).mock.calls.filter((c) => c[0] === 'tools.changed');
    expect(toolSubs().map((c) => c[1])).toEqual([{ serverId: 'a' }, { serverId: 'b' }]);
    fake.emit('tools.changed', { serverId: 'a', tools: [{ name: 't', inputSchema: {} }], pages: 1, listedAt: 1 });
    expect(wb.getState().toolsByServer.a?.tools).toHaveLength(1);
    fake.emit('servers.changed', [serverSummary('b')]);
    expect(wb.getState().toolsByServer.a).toBeUndefined();
    expect(toolSubs()).toHaveLength(2);

    const logSub = (fake.api.subscribe as unknown as { mock: { calls: unknown[][] } }).mock.calls.find((c) => c[0] === 'logs.appended')!;
    const thunk = logSub[1] as () => { afterSeq: number };
    expect(thunk()).toEqual({ afterSeq: 0 });
    fake.emit('logs.appended', { entries: [logEntry({ seq: 41 }), logEntry({ seq: 42 })], missed: 0 });
    expect(thunk()).toEqual({ afterSeq: 42 });

    fake.emit('calls.active', [{ callId: 'x', serverId: 'b', toolName: 't', startedAt: 1 }]);
    expect(wb.getState().activeCalls).toHaveLength(1);
    fake.emit('metrics.sampled', { samples: [{ ts: 5, serverId: 'b', rssBytes: 1, cpuPercent: null, processCount: 1 }] });
    expect(wb.getState().samplesByServer.b).toHaveLength(1);

    fake.setConnection({ state: 'closed' });
    expect(wb.getState().connection.state).toBe('closed');
    d.dispose();
  });
});
