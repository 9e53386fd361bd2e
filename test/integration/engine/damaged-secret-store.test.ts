import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceConfigStatus } from '../../../src-shared/api/schemas/config-status';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { FileSecretStore } from '../../../src-main/engine/workspace/secret-store';

/** A secret store someone broke (a bad merge of dotfiles, a disk error, a hand edit). */
const BROKEN = '{"format": 2, "workspaces": {"/somewhere": {"holdout": {"API_KEY": "the-only-copy"}}}, "setAside": {';

let root: string;
let app: string;
let h: Harness | undefined;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-damaged-'));
  app = path.join(root, 'app');
  await mkdir(app, { recursive: true });
  await writeFile(path.join(app, 'secrets.json'), BROKEN);
});
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  await rm(root, { recursive: true, force: true });
});

async function engineOnRealStore(): Promise<Harness> {
  const secrets = await FileSecretStore.open(app);
  h = await startHarness({ workspaceDir: path.join(root, 'ws'), appDataDir: app, secrets });
  return h;
}

describe('a secret store that cannot be read', () => {
  it('fails closed: servers that need a secret refuse to start and say why, the others run, and the file is never written', async () => {
    const h = await engineOnRealStore();
    const file = path.join(app, 'secrets.json');

    const status = await waitForEvent<WorkspaceConfigStatus>(
      (cb) => h.api.subscribe('workspace.configChanged', {}, cb),
      () => true,
    );
    expect(status.secrets).toMatchObject({ state: 'damaged', file, message: expect.stringContaining('is not valid JSON') });

    // A server that declares a secret: refused, with the file named.
    const needs = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { id: 'holdout', env: [{ key: 'API_KEY', secret: true }] }),
    );
    expect(needs.secretsProblem).toContain(file);
    const refused = await h.api.call('servers.start', { serverId: 'holdout' });
    expect(refused.status).toMatchObject({
      state: 'failed',
      kind: 'secretsUnavailable',
      message: expect.stringContaining(`the secret store ${file} cannot be read: it is not valid JSON`),
    });

    // A server that needs none starts as usual.
    const plain = await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'plain' }));
    expect((await h.api.call('servers.start', { serverId: plain.config.id })).status.state).toBe('ready');

    // A new secret value is refused rather than written over the file (the old code rewrote it with this one value).
    await expect(
      h.api.call('servers.update', { ...(needs.config as StdioServerConfig), env: [{ key: 'API_KEY', value: 'typed-now', secret: true }] }),
    ).rejects.toMatchObject({ code: 'Conflict', message: expect.stringContaining('will not write over the file') });
    await h.api.call('servers.remove', { serverId: 'plain' });
    expect(await readFile(file, 'utf8')).toBe(BROKEN);
  });

  it('can be moved aside on request: kept under a new name, and the secrets typed afterwards work', async () => {
    const h = await engineOnRealStore();
    await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'holdout', env: [{ key: 'API_KEY', secret: true }] }));
    const { movedTo } = await h.api.call('secrets.moveAside', {});
    expect(path.dirname(movedTo)).toBe(app);
    expect(path.basename(movedTo)).toMatch(/^secrets\.json\.damaged-/);
    expect(await readFile(movedTo, 'utf8')).toBe(BROKEN);
    expect((await readdir(app)).filter((f) => f.startsWith('secrets'))).toEqual([path.basename(movedTo)]);
    await waitForEvent<WorkspaceConfigStatus>(
      (cb) => h.api.subscribe('workspace.configChanged', {}, cb),
      (s) => s.secrets.state === 'ok',
    );

    const [listed] = await h.api.call('servers.list', {});
    expect(listed!.secretsProblem).toBeUndefined();
    await h.api.call('servers.update', {
      ...(listed!.config as StdioServerConfig),
      env: [{ key: 'API_KEY', value: 'typed-now', secret: true }],
    });
    await h.api.call('servers.start', { serverId: 'holdout' });
    const out = await h.api.call('tools.call', { serverId: 'holdout', toolName: 'env_present', arguments: { name: 'API_KEY' } });
    expect(out.status === 'ok' && out.result.structuredContent).toEqual({ present: true, length: 'typed-now'.length });
  });

  it('breaking it while MCP Lab runs is noticed at the next start', async () => {
    await rm(path.join(app, 'secrets.json'));
    const h = await engineOnRealStore();
    const added = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { id: 'holdout', env: [{ key: 'API_KEY', value: 'v-123', secret: true }] }),
    );
    expect((await h.api.call('servers.start', { serverId: added.config.id })).status.state).toBe('ready');
    await h.api.call('servers.stop', { serverId: added.config.id });
    await writeFile(path.join(app, 'secrets.json'), BROKEN);
    const refused = await h.api.call('servers.start', { serverId: added.config.id });
    expect(refused.status).toMatchObject({ state: 'failed', kind: 'secretsUnavailable' });
    expect(await readFile(path.join(app, 'secrets.json'), 'utf8')).toBe(BROKEN);
  });
});
