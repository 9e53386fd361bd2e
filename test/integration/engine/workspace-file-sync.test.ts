import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceConfigStatus } from '../../../src-shared/api/schemas/config-status';
import type { ServerSummary, StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';

/**
 * mcp-lab.json is edited by people too (another editor, git, MCP Lab's own editor). Their edits
 * are read back and never written over; a change MCP Lab wants to save on top of a version it has
 * not read is a conflict.
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

interface FileJson {
  version: 1;
  servers: (StdioServerConfig & Record<string, unknown>)[];
}
const fileOf = (h: Harness) => path.join(h.workspaceDir, 'mcp-lab.json');
const readJson = async (h: Harness): Promise<FileJson> => JSON.parse(await readFile(fileOf(h), 'utf8')) as FileJson;
/** An edit made outside MCP Lab, the way an editor saves: the whole file. */
const editFile = async (h: Harness, edit: (f: FileJson) => void) => {
  const f = await readJson(h);
  edit(f);
  await writeFile(fileOf(h), JSON.stringify(f, null, 2));
};
const serversUntil = (h: Harness, pred: (list: ServerSummary[]) => boolean) =>
  waitForEvent<ServerSummary[]>((cb) => h.api.subscribe('servers.changed', {}, cb), pred);
const handAdded = (id: string): StdioServerConfig => ({
  ...(fixtureServer('echo-server.ts', { id, name: `hand ${id}` }) as StdioServerConfig),
  args: [...fixtureServer('echo-server.ts').args!, '--hand-edit'],
});

describe('edits to mcp-lab.json made outside MCP Lab', () => {
  it('are read back while MCP Lab runs, and survive a server added afterwards', async () => {
    h = await startHarness();
    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'first' }));
    await editFile(h, (f) => {
      f.servers.push(handAdded('by-hand'));
      f.servers[0]!.args = [...f.servers[0]!.args, '--edited'];
    });
    const seen = await serversUntil(
      h,
      (l) => l.some((s) => s.config.id === 'by-hand') && (l[0]!.config as StdioServerConfig).args.includes('--edited'),
    );
    expect(seen.map((s) => s.config.id)).toEqual(['first', 'by-hand']);
    await waitForLog(h, 'by-hand', (e) => e.text === 'added to mcp-lab.json outside MCP Lab');

    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'from-the-app' }));
    const f = await readJson(h);
    expect(f.servers.map((s) => s.id)).toEqual(['first', 'by-hand', 'from-the-app']);
    expect(f.servers[0]!.args).toContain('--edited');
    expect(f.servers[1]!.args).toContain('--hand-edit');
  });

  it('that MCP Lab has not read yet make a save a conflict: nothing is written, the file is read, and the retry keeps both', async () => {
    // No watcher: the edit is certainly not read yet when the add comes.
    h = await startHarness({ watchWorkspaceFile: false });
    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'first' }));
    await editFile(h, (f) => f.servers.push(handAdded('by-hand')));
    const edited = await readFile(fileOf(h), 'utf8');

    await expect(h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'from-the-app' }))).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringContaining('was changed outside MCP Lab since MCP Lab read it'),
    });
    expect(await readFile(fileOf(h), 'utf8')).toBe(edited);
    await serversUntil(h, (l) => l.some((s) => s.config.id === 'by-hand'));

    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'from-the-app' }));
    expect((await readJson(h)).servers.map((s) => s.id)).toEqual(['first', 'by-hand', 'from-the-app']);
  });

  it('to a server someone is editing in MCP Lab make that edit a conflict (the edit carries the version it started from)', async () => {
    h = await startHarness();
    const added = await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'first' }));
    const base = added.configVersion!;
    await editFile(h, (f) => (f.servers[0]!.args = [...f.servers[0]!.args, '--from-git']));
    await serversUntil(h, (l) => (l[0]!.config as StdioServerConfig).args.includes('--from-git'));

    const stale = { ...(added.config as StdioServerConfig), name: 'renamed in the dialog', baseVersion: base };
    await expect(h.api.call('servers.update', stale)).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringContaining('changed in mcp-lab.json (outside MCP Lab) while you were editing'),
    });
    expect((await readJson(h)).servers[0]!.args).toContain('--from-git');

    // Started again from what is there now, the edit goes through.
    const [now] = await h.api.call('servers.list', {});
    await h.api.call('servers.update', {
      ...(now!.config as StdioServerConfig),
      name: 'renamed in the dialog',
      baseVersion: now!.configVersion!,
    });
    expect((await readJson(h)).servers[0]).toMatchObject({ name: 'renamed in the dialog', args: expect.arrayContaining(['--from-git']) });
  });

  it('to a running server are marked "restart to apply"; the restart runs the new settings; a new command is reviewed first', async () => {
    h = await startHarness({ requireConsent: true });
    const added = await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'live', env: [{ key: 'GREETING', value: 'hi' }] }));
    expect((await h.api.call('servers.start', { serverId: 'live' })).status.state).toBe('ready');

    await editFile(h, (f) => (f.servers[0]!.env = [{ key: 'GREETING', value: 'hello there', secret: false }]));
    const [marked] = await serversUntil(h, (l) => l[0]!.configChangedOnDisk === true);
    expect(marked!.status.state).toBe('ready');
    await waitForLog(h, 'live', (e) => e.text.includes('This run keeps the settings it started with: restart to apply them'));
    // The environment is part of what a person approved: changed on disk, it is reviewed again.
    expect(marked!.consent).toBeDefined();
    await expect(h.api.call('servers.restart', { serverId: 'live' })).rejects.toMatchObject({ code: 'ConsentRequired' });

    await h.api.call('servers.approve', { serverId: 'live', fingerprint: marked!.consent!.fingerprint });
    const restarted = await h.api.call('servers.restart', { serverId: 'live' });
    expect(restarted.configChangedOnDisk).toBeUndefined();
    const out = await h.api.call('tools.call', { serverId: 'live', toolName: 'env_present', arguments: { name: 'GREETING' } });
    expect(out.status === 'ok' && out.result.structuredContent).toEqual({ present: true, length: 'hello there'.length });

    // A new name applies at once: nothing to restart for.
    await editFile(h, (f) => (f.servers[0]!.name = 'renamed on disk'));
    const [renamed] = await serversUntil(h, (l) => l[0]!.config.name === 'renamed on disk');
    expect(renamed).toMatchObject({ config: { id: added.config.id }, status: { state: 'ready' } });
    expect(renamed!.configChangedOnDisk).toBeUndefined();
  });

  it('removing a server stops it; its secret is kept (a checkout may bring it back)', async () => {
    h = await startHarness();
    await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { id: 'gone', env: [{ key: 'API_KEY', value: 'keep-me', secret: true }] }),
    );
    await h.api.call('servers.start', { serverId: 'gone' });
    const before = await readFile(fileOf(h), 'utf8');
    await editFile(h, (f) => (f.servers = []));
    await serversUntil(h, (l) => l.length === 0);
    await writeFile(fileOf(h), before);
    await serversUntil(h, (l) => l.length === 1);
    await h.api.call('servers.start', { serverId: 'gone' });
    const out = await h.api.call('tools.call', { serverId: 'gone', toolName: 'env_present', arguments: { name: 'API_KEY' } });
    expect(out.status === 'ok' && out.result.structuredContent).toEqual({ present: true, length: 'keep-me'.length });
  });

  it('that break the file leave the servers as they were and block saves until it is fixed', async () => {
    h = await startHarness();
    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'first' }));
    const good = await readFile(fileOf(h), 'utf8');
    await writeFile(fileOf(h), good.slice(0, 40));
    const broken = await waitForEvent<WorkspaceConfigStatus>(
      (cb) => h!.api.subscribe('workspace.configChanged', {}, cb),
      (s) => s.problem !== undefined,
    );
    expect(broken.problem).toContain('is not valid JSON');
    expect((await h.api.call('servers.list', {})).map((s) => s.config.id)).toEqual(['first']);
    await expect(h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'second' }))).rejects.toMatchObject({ code: 'Conflict' });
    expect(await readFile(fileOf(h), 'utf8')).toBe(good.slice(0, 40));

    await writeFile(fileOf(h), good.replace('"first"', '"fixed"'));
    await waitForEvent<WorkspaceConfigStatus>(
      (cb) => h!.api.subscribe('workspace.configChanged', {}, cb),
      (s) => s.problem === undefined,
    );
    await serversUntil(h, (l) => l.map((s) => s.config.id).join() === 'fixed');
  });
});

describe("MCP Lab's own editor saving mcp-lab.json", () => {
  it('is picked up by the engine', async () => {
    h = await startHarness();
    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'first' }));
    const opened = await h.api.call('workspace.read', { path: 'mcp-lab.json' });
    const f = JSON.parse(opened.content) as FileJson;
    f.servers.push(handAdded('typed-in-the-editor'));
    const saved = await h.api.call('workspace.save', {
      path: 'mcp-lab.json',
      content: JSON.stringify(f, null, 2),
      baseVersion: opened.version,
    });
    expect(saved.status).toBe('saved');
    await serversUntil(h, (l) => l.some((s) => s.config.id === 'typed-in-the-editor'));
  });
});
