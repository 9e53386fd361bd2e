import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/api-client';
import { createLinkedPorts } from '../../../src-shared/rpc/in-memory-port';
import { createEngine, type Engine, type EngineOptions } from '../../../src-main/engine/create-engine';
import { FileSecretStore } from '../../../src-main/engine/workspace/secret-store';
import { workspaceKey } from '../../../src-main/engine/workspace/workspace-key';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { serveApi } from '../../../src-main/rpc/serve-api';
import { createSwitchableEngine } from '../../../src-main/shells/common/switchable-engine';
import { fixtureServer } from '../../helpers/fixtures';
import { bearerOnly, startFixture } from '../../fixtures/remote/mcp-http';

/**
 * Secrets belong to a workspace and a server together. Real child processes: the echo fixture's
 * `env_present` tool says whether the server's process got API_KEY (never its value).
 */
let root: string;
let app: string;
const open: { api: ApiClient; engine: { shutdown(): Promise<void> } }[] = [];
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-ws-secrets-'));
  app = path.join(root, 'app');
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.api.dispose();
    await o.engine.shutdown();
  }
  await rm(root, { recursive: true, force: true });
});

/** An engine on the real secret store of the app-data folder (no stand-in), behind the real dispatcher. */
async function openWorkspace(workspaceDir: string, extra: Partial<EngineOptions> = {}): Promise<{ api: ApiClient; engine: Engine }> {
  const engine = await createEngine({ workspaceDir, appDataDir: app, host: 'test', handshakeTimeoutMs: 15_000, ...extra });
  const [a, b] = createLinkedPorts();
  serveApi(b, engine.handlers, engine.streams, { origin: 'in-memory' });
  const api = createApiClient(a, { validateResults: true });
  open.push({ api, engine });
  return { api, engine };
}

const holdout = () => fixtureServer('echo-server.ts', { id: 'holdout', name: 'holdout', env: [{ key: 'API_KEY', secret: true }] });

/** Start the server and ask it whether its process has API_KEY. */
async function apiKeySeenBy(api: ApiClient, serverId = 'holdout'): Promise<{ present: boolean; length: number }> {
  const started = await api.call('servers.start', { serverId });
  expect(started.status).toMatchObject({ state: 'ready' });
  const out = await api.call('tools.call', { serverId, toolName: 'env_present', arguments: { name: 'API_KEY' } });
  if (out.status !== 'ok') throw new Error(`env_present: ${out.status}`);
  await api.call('servers.stop', { serverId });
  return out.result.structuredContent as { present: boolean; length: number };
}

/** Workspace A gives `holdout` a secret; B is a clone of A's repository (same mcp-lab.json, same app data). */
async function workspaceAndClone(): Promise<{ a: string; clone: string }> {
  const a = path.join(root, 'a');
  const clone = path.join(root, 'clone');
  const ws = await openWorkspace(a);
  await ws.api.call(
    'servers.add',
    fixtureServer('echo-server.ts', { id: 'holdout', name: 'holdout', env: [{ key: 'API_KEY', value: 'value-of-a', secret: true }] }),
  );
  await mkdir(clone, { recursive: true });
  await cp(path.join(a, 'mcp-lab.json'), path.join(clone, 'mcp-lab.json'));
  return { a, clone };
}

describe('two workspaces with the same server id', () => {
  it('keep their secrets apart: the clone starts its server without the value A entered', async () => {
    const { a, clone } = await workspaceAndClone();
    const b = await openWorkspace(clone);
    const [listed] = await b.api.call('servers.list', {});
    // Nothing waits for a decision either: A's value is A's, not a candidate for the clone.
    expect(listed).toMatchObject({ config: { id: 'holdout' } });
    expect(listed!.secretsProblem).toBeUndefined();
    expect(await apiKeySeenBy(b.api)).toEqual({ present: false, length: 0 });

    // The clone enters its own value; A's is untouched, and each process sees its own.
    await b.api.call('servers.update', {
      ...(listed!.config as StdioServerConfig),
      env: [{ key: 'API_KEY', value: 'clone-value-longer', secret: true }],
    });
    expect(await apiKeySeenBy(b.api)).toEqual({ present: true, length: 'clone-value-longer'.length });
    const again = await openWorkspace(a);
    expect(await apiKeySeenBy(again.api)).toEqual({ present: true, length: 'value-of-a'.length });
  });

  it("a remote server's secret header goes only to its own workspace's connection", async () => {
    const token = 'Bearer only-for-a-3f9c';
    const remote = await startFixture(bearerOnly(token));
    try {
      const a = path.join(root, 'a');
      const clone = path.join(root, 'clone');
      const inA = await openWorkspace(a);
      await inA.api.call('servers.add', {
        id: 'api',
        name: 'api',
        transport: 'http',
        url: `${remote.base}/mcp`,
        headers: [{ key: 'Authorization', value: token, secret: true }],
      });
      expect((await inA.api.call('servers.start', { serverId: 'api' })).status.state).toBe('ready');
      await inA.api.call('servers.stop', { serverId: 'api' });
      await mkdir(clone, { recursive: true });
      await cp(path.join(a, 'mcp-lab.json'), path.join(clone, 'mcp-lab.json'));
      const inClone = await openWorkspace(clone);
      // The clone's request goes out without A's token, and the server turns it away.
      expect((await inClone.api.call('servers.start', { serverId: 'api' })).status).toMatchObject({
        state: 'failed',
        kind: 'authRequired',
      });
    } finally {
      await remote.close();
    }
  });

  it('a symlinked path to the same folder is the same workspace', async () => {
    const { a } = await workspaceAndClone();
    const link = path.join(root, 'link-to-a');
    await symlink(a, link);
    const viaLink = await openWorkspace(link);
    expect(await apiKeySeenBy(viaLink.api)).toEqual({ present: true, length: 'value-of-a'.length });
  });

  it('switching workspaces at run time (workspace.open) gives each workspace its own secrets', async () => {
    const { a, clone } = await workspaceAndClone();
    // As the desktop app does: one secret store shared by the engine of each opened workspace.
    const store = await FileSecretStore.open(app);
    const sw = await createSwitchableEngine(a, (dir, openWorkspace) =>
      createEngine({ workspaceDir: dir, appDataDir: app, host: 'test', secrets: store, openWorkspace, handshakeTimeoutMs: 15_000 }),
    );
    const [c, s] = createLinkedPorts();
    serveApi(s, sw.handlers, sw.streams, { origin: 'in-memory' });
    const api = createApiClient(c, { validateResults: true });
    open.push({ api, engine: sw });

    expect(await apiKeySeenBy(api)).toEqual({ present: true, length: 'value-of-a'.length });
    await api.call('workspace.open', { dir: clone });
    expect((await api.call('app.info', {})).workspaceDir).toBe(clone);
    expect(await apiKeySeenBy(api)).toEqual({ present: false, length: 0 });
    await api.call('workspace.open', { dir: a });
    expect(await apiKeySeenBy(api)).toEqual({ present: true, length: 'value-of-a'.length });
  });
});

describe('secrets saved before they were kept per workspace', () => {
  /** The app data an earlier MCP Lab left: secrets under the server id alone, A and its clone both opened, the server approved in A. */
  async function earlierStore(): Promise<{ a: string; clone: string }> {
    const a = path.join(root, 'a');
    const clone = path.join(root, 'clone');
    const file = JSON.stringify({ version: 1, servers: [holdout()] });
    for (const d of [a, clone]) {
      await mkdir(d, { recursive: true });
      await writeFile(path.join(d, 'mcp-lab.json'), file);
    }
    await mkdir(app, { recursive: true });
    await writeFile(path.join(app, 'secrets.json'), JSON.stringify({ holdout: { API_KEY: 'legacy-value' } }));
    await writeFile(path.join(app, 'consent.json'), JSON.stringify({ [a]: { holdout: 'fingerprint' } }));
    await writeFile(
      path.join(app, 'recent-workspaces.json'),
      JSON.stringify({
        recent: [
          { dir: clone, openedAt: 2 },
          { dir: a, openedAt: 1 },
        ],
      }),
    );
    return { a, clone };
  }

  it('flow into no workspace by themselves: the server refuses to start and says why, until a person decides', async () => {
    const { a, clone } = await earlierStore();
    const b = await openWorkspace(clone);
    const [waiting] = await b.api.call('servers.list', {});
    expect(waiting!.secretsSetAside).toEqual(['API_KEY']);
    const refused = await b.api.call('servers.start', { serverId: 'holdout' });
    expect(refused.status).toMatchObject({
      state: 'failed',
      kind: 'secretsUnavailable',
      message: expect.stringContaining('saved by an earlier MCP Lab under the server id alone'),
    });

    // The person says they belong to A: A's server gets them.
    const inA = await openWorkspace(a);
    const decided = await inA.api.call('secrets.resolveSetAside', { serverId: 'holdout', decision: 'use' });
    expect(decided.secretsSetAside).toBeUndefined();
    expect(await apiKeySeenBy(inA.api)).toEqual({ present: true, length: 'legacy-value'.length });
    // The clone's server starts now, without them.
    expect(await apiKeySeenBy(b.api)).toEqual({ present: false, length: 0 });
    // On disk: filed under A, nothing left aside.
    expect(JSON.parse(await readFile(path.join(app, 'secrets.json'), 'utf8'))).toEqual({
      format: 2,
      workspaces: { [await workspaceKey(a)]: { holdout: { API_KEY: 'legacy-value' } } },
      setAside: {},
    });
  });

  it('go to the workspace that set them when its record is the only one', async () => {
    const { a, clone } = await earlierStore();
    // Only A was ever opened: the clone is new to this machine.
    await writeFile(path.join(app, 'recent-workspaces.json'), JSON.stringify({ recent: [{ dir: a, openedAt: 1 }] }));
    const inA = await openWorkspace(a);
    expect(await apiKeySeenBy(inA.api)).toEqual({ present: true, length: 'legacy-value'.length });
    const b = await openWorkspace(clone);
    expect(await apiKeySeenBy(b.api)).toEqual({ present: false, length: 0 });
  });
});
