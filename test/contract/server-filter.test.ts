import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToolList } from '../../src-shared/api/schemas/tool';
import { fixtureServer } from '../helpers/fixtures';
import { waitForEvent } from '../helpers/harness';
import { connections, type ContractConnection } from './connections';

/** A stream's serverId is an optional filter: with it, one server; without it, every server, each event naming its own. */
describe.each(Object.keys(connections))('streams without a serverId over the %s port', (kind) => {
  let c: ContractConnection;
  beforeEach(async () => {
    c = await connections[kind]!();
  });
  afterEach(async () => {
    await c.dispose();
  });

  it('follow every server, one added after the subscription too', async () => {
    const first = (await c.api.call('servers.add', { ...fixtureServer('echo-server.ts'), name: 'first' })).config.id;
    const seen: ToolList[] = [];
    const sub = c.api.subscribe('tools.changed', {}, (l) => seen.push(l));
    const tasks: string[] = [];
    const taskSub = c.api.subscribe('tasks.changed', {}, (e) => tasks.push(`${e.serverId}:${e.tasks.length}`));
    const second = (await c.api.call('servers.add', { ...fixtureServer('echo-server.ts'), name: 'second' })).config.id;
    await c.api.call('servers.start', { serverId: second });
    const listed = (l: ToolList) => l.serverId === second && l.tools.some((t) => t.name === 'add');
    await waitForEvent<ToolList>((cb) => c.api.subscribe('tools.changed', {}, cb), listed);
    await expect.poll(() => seen.some(listed)).toBe(true);
    sub.dispose();
    taskSub.dispose();
    // The first server's (empty) list came first, and nothing of the second server was left out.
    expect(seen[0]!.serverId).toBe(first);
    expect(new Set(seen.map((l) => l.serverId))).toEqual(new Set([first, second]));
    expect(tasks).toContain(`${first}:0`);
    expect(tasks).toContain(`${second}:0`);
  });

  it('follow only the named server with a serverId', async () => {
    const a = (await c.api.call('servers.add', { ...fixtureServer('echo-server.ts'), name: 'a' })).config.id;
    const b = (await c.api.call('servers.add', { ...fixtureServer('echo-server.ts'), name: 'b' })).config.id;
    const seen: string[] = [];
    const sub = c.api.subscribe('tools.changed', { serverId: b }, (l) => seen.push(l.serverId));
    await c.api.call('servers.start', { serverId: a });
    await c.api.call('servers.start', { serverId: b });
    await waitForEvent<ToolList>(
      (cb) => c.api.subscribe('tools.changed', { serverId: b }, cb),
      (l) => l.tools.length > 0,
    );
    sub.dispose();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((id) => id === b)).toBe(true);
  });
});
