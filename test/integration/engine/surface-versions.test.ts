/**
 * The engine records a server's surface on each run that became ready, as a new version only
 * when it changed, persisted per server in the app-data folder and replayed to a new engine.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurfaceVersion } from '../../../src-shared/api/schemas/surface';
import { compareSurfaces } from '../../../src-shared/surface/compare-surfaces';
import { fixtureServer, tsFixture } from '../../helpers/fixtures';
import { readyServerId, startHarness, waitForEvent, type Harness } from '../../helpers/harness';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-surfaces-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const versionsWhen = (h: Harness, serverId: string, pred: (v: SurfaceVersion[]) => boolean, timeoutMs?: number) =>
  waitForEvent<{ versions: SurfaceVersion[] }>(
    (cb) => h.api.subscribe('surface.recorded', { serverId }, cb),
    (e) => pred(e.versions),
    timeoutMs,
  ).then((e) => e.versions);

describe('surface versions', () => {
  it('records a version per changed run, classifies the change, and keeps them across engines', async () => {
    const options = { workspaceDir: path.join(root, 'ws'), appDataDir: path.join(root, 'app') };
    const h = await startHarness(options);
    let id = '';
    try {
      id = await readyServerId(h, fixtureServer('surface-server.ts', { env: [{ key: 'SURFACE_VARIANT', value: 'v1', secret: false }] }));
      const first = await versionsWhen(h, id, (v) => v.length === 1);
      expect(first[0]).toMatchObject({ trigger: 'start', surface: { server: { name: 'surface-fixture', version: '1.0.0' } } });
      expect((await h.api.call('surface.get', { serverId: id })).tools.map((t) => t.name)).toEqual(['forecast']);

      // The same surface again: no new version.
      await h.api.call('servers.restart', { serverId: id });
      await h.engine.surfaces.whenRecorded();
      expect(await h.engine.surfaces.versions(id)).toHaveLength(1);

      const config = (await h.api.call('servers.list', {})).find((s) => s.config.id === id)!.config;
      if (config.transport !== 'stdio') throw new Error('a stdio fixture');
      await h.api.call('servers.update', { ...config, env: [{ key: 'SURFACE_VARIANT', value: 'days-required', secret: false }] });
      await h.api.call('servers.restart', { serverId: id });
      const two = await versionsWhen(h, id, (v) => v.length === 2);
      expect(two[0]!.surface.server.version).toBe('1.1.0');
      expect(compareSurfaces(two[1]!.surface, two[0]!.surface)).toEqual([
        { severity: 'breaking', kind: 'tool', name: 'forecast', at: 'input.days', message: 'parameter became required' },
      ]);
    } finally {
      await h.dispose();
    }

    // Another engine on the same workspace and app-data folder: the versions are there before any start.
    const again = await startHarness(options);
    try {
      const kept = await versionsWhen(again, id, (v) => v.length === 2);
      expect(kept.map((v) => v.surface.server.version)).toEqual(['1.1.0', '1.0.0']);
    } finally {
      await again.dispose();
    }
  });

  it('a hot reload that changed the surface is recorded as a reload', async () => {
    const h = await startHarness();
    try {
      const dir = path.join(h.workspaceDir, 'weather');
      await mkdir(dir, { recursive: true });
      const variant = path.join(dir, 'variant.txt');
      await writeFile(variant, 'v1');
      const cmd = tsFixture('surface-server.ts');
      const id = await readyServerId(h, {
        name: 'weather',
        transport: 'stdio',
        command: cmd.command,
        args: [...cmd.args, '--variant-file', variant],
        cwd: 'weather',
        env: [],
        watch: { enabled: true, globs: ['variant.txt'] },
      });
      await versionsWhen(h, id, (v) => v.length === 1);
      await h.engine.reload.whenWatching(id);
      await writeFile(variant, 'days-required');
      const two = await versionsWhen(h, id, (v) => v.length === 2, 60_000);
      expect(two[0]).toMatchObject({ trigger: 'reload', surface: { server: { version: '1.1.0' } } });
      expect(two[1]!.trigger).toBe('start');
    } finally {
      await h.dispose();
    }
  });
});
