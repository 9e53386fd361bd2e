import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, readyServerId, waitForEvent, waitForLog } from '../../helpers/harness';
import type { ToolList } from '../../../src-shared/api/schemas/tool';

const h = harnessForEachTest();
let id: string;
beforeEach(async () => {
  id = await readyServerId(h, fixtureServer('echo-server.ts'));
});

describe('what a server tells us on its own', () => {
  it('refreshes the tool list when the server says it changed', async () => {
    const first = await waitForEvent<ToolList>(
      (cb) => h.api.subscribe('tools.changed', { serverId: id }, cb),
      () => true,
    );
    expect(first.tools.map((t) => t.name)).not.toContain('runtime_tool');

    const changed = waitForEvent<ToolList>(
      (cb) => h.api.subscribe('tools.changed', { serverId: id }, cb),
      (l) => l.tools.some((t) => t.name === 'runtime_tool'),
    );
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'add_tool', arguments: { name: 'runtime_tool' } });
    expect(out.status).toBe('ok');
    const list = await changed;
    expect(list.tools.length).toBe(first.tools.length + 1);
    expect(list.listedAt).toBeGreaterThanOrEqual(first.listedAt);

    // The new tool is callable, and the summary's count follows.
    const call = await h.api.call('tools.call', { serverId: id, toolName: 'runtime_tool', arguments: {} });
    expect(call.status).toBe('ok');
    const [summary] = await h.api.call('servers.list', {});
    expect(summary!.toolCount).toBe(list.tools.length);
  });

  it('logs server log messages as notification entries with level and logger, and stderr as stderr', async () => {
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'log', arguments: { text: 'disk almost full' } });
    expect(out.status).toBe('ok');

    const entries = await waitForLog(h, id, (e) => e.source === 'notification');
    const note = entries.at(-1)!;
    expect(note.level).toBe('warning');
    expect(note.logger).toBe('fixture');
    expect(note.data).toEqual({ said: 'disk almost full' });
    expect(note.text).toContain('disk almost full');

    const all = await waitForLog(h, id, (e) => e.source === 'stderr' && e.text === 'stderr says: disk almost full');
    expect(all.at(-1)!.level).toBe('info');
    // The startup line a server prints goes to the same log, before any call.
    expect(all.some((e) => e.source === 'stderr' && e.text === 'echo-fixture: ready on stdio')).toBe(true);
  });
});
