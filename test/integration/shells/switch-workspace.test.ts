import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/api-client';
import { createLinkedPorts } from '../../../src-shared/rpc/in-memory-port';
import { createEngineWithServices, type Engine, type EngineServices } from '../../../src-main/engine/create-engine';
import { MemorySecretStore } from '../../../src-main/engine/workspace/secret-store';
import { serveApi } from '../../../src-main/rpc/serve-api';
import { createSwitchableEngine, type SwitchableEngine } from '../../../src-main/shells/common/switchable-engine';
import { fixtureServer } from '../../helpers/fixtures';

let root: string;
let sw: SwitchableEngine;
let api: ApiClient;
let engines: (Engine & EngineServices)[];
beforeEach(async () => {
  engines = [];
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-switch-'));
});
afterEach(async () => {
  api?.dispose();
  await sw?.shutdown();
  await rm(root, { recursive: true, force: true });
});

async function start(allowedRoots: string[]) {
  const first = path.join(root, 'first');
  sw = await createSwitchableEngine(first, async (dir, openWorkspace) => {
    const engine = await createEngineWithServices({
      workspaceDir: dir,
      appDataDir: path.join(root, 'app'),
      host: 'test',
      secrets: new MemorySecretStore(),
      allowedRoots,
      openWorkspace,
    });
    // The switcher hands shells only handlers, streams and shutdown: the test keeps each engine to look inside.
    engines.push(engine);
    return engine;
  });
  const [a, b] = createLinkedPorts();
  serveApi(b, sw.handlers, sw.streams, { origin: 'in-memory' });
  api = createApiClient(a, { validateResults: true });
  return first;
}

it('opens another folder: its servers replace the old ones (which stop), and it becomes a recent workspace', async () => {
  const other = path.join(root, 'other');
  await mkdir(other, { recursive: true });
  await writeFile(
    path.join(other, 'mcp-lab.json'),
    JSON.stringify({ version: 1, servers: [{ id: 'there', ...fixtureServer('echo-server.ts') }] }),
  );
  const first = await start([root]);
  const here = await api.call('servers.add', fixtureServer('echo-server.ts', { id: 'here' }));
  expect((await api.call('servers.start', { serverId: here.config.id })).status.state).toBe('ready');
  const oldEngine = engines.at(-1)!;

  expect(await api.call('workspace.open', { dir: other })).toMatchObject({ dir: other, name: 'other' });
  expect((await api.call('app.info', {})).workspaceDir).toBe(other);
  expect((await api.call('servers.list', {})).map((s) => s.config.id)).toEqual(['there']);
  await expect
    .poll(() => oldEngine.servers.list().length === 0 || oldEngine.servers.list().every((s) => s.status.state === 'stopped'))
    .toBe(true);
  expect((await api.call('workspace.recent', {})).map((r) => r.dir)).toEqual([other, first]);
});

it('refuses a folder outside the allowed roots, a relative path and a missing folder, and keeps the workspace', async () => {
  const first = await start([path.join(root, 'first')]);
  await mkdir(path.join(root, 'elsewhere'), { recursive: true });
  await expect(api.call('workspace.open', { dir: path.join(root, 'elsewhere') })).rejects.toMatchObject({
    code: 'InvalidParams',
    message: expect.stringMatching(/outside the folders.*--allow-root/),
  });
  await expect(api.call('workspace.open', { dir: 'relative/dir' })).rejects.toMatchObject({ code: 'InvalidParams' });
  await expect(api.call('workspace.open', { dir: path.join(root, 'first', 'nope') })).rejects.toMatchObject({ code: 'NotFound' });
  expect((await api.call('app.info', {})).workspaceDir).toBe(first);
});
