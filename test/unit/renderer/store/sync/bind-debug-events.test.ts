import { describe, expect, it } from 'vitest';
import { bindDebugEvents } from '../../../../../src-renderer/store/sync/bind-debug-events';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';

describe('bindDebugEvents', () => {
  it("follows each server's debug state, and forgets a removed server's state and watches", () => {
    const fake = createFakeApi();
    const wb = createWorkbenchStore(fake.api);
    const streams = bindDebugEvents(fake.api, wb);
    streams.reconcile(['a', 'b']);
    fake.emit('debug.changed', { serverId: 'a', state: 'running', language: 'python' });
    wb.getState().addWatch('a', 'n');
    expect(Object.keys(wb.getState().debugByServer)).toEqual(['a', 'b']);
    streams.reconcile(['b']);
    expect(wb.getState().debugByServer).not.toHaveProperty('a');
    expect(wb.getState().watchesByServer).not.toHaveProperty('a');
    streams.dispose();
  });
});
