import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurfaceVersion } from '../../../../../src-shared/api/schemas/surface';
import { buildSurface } from '../../../../../src-shared/surface/build-surface';
import { SurfaceStore } from '../../../../../src-main/engine/surface/surface-store';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-surface-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const version = (n: number): SurfaceVersion => ({
  id: `v${n}`,
  recordedAt: n,
  trigger: 'start',
  surface: buildSurface({
    info: { name: 's', version: `${n}.0.0`, capabilities: {} },
    tools: [],
    resources: [],
    resourceTemplates: [],
    prompts: [],
  }),
});

describe('SurfaceStore', () => {
  it('keeps the newest versions up to its bound, on disk', async () => {
    const store = new SurfaceStore(dir, 2);
    for (const n of [1, 2, 3]) await store.add('srv', version(n));
    await store.flushed();
    expect((await store.versions('srv')).map((v) => v.id)).toEqual(['v3', 'v2']);
    const reopened = new SurfaceStore(dir, 2);
    expect((await reopened.versions('srv')).map((v) => v.id)).toEqual(['v3', 'v2']);
  });

  it('never writes over a file it cannot read, and says so', async () => {
    const file = path.join(dir, 'srv.json');
    await writeFile(file, 'not json {');
    const store = new SurfaceStore(dir, 2);
    await store.add('srv', version(1));
    await store.flushed();
    expect(await readFile(file, 'utf8')).toBe('not json {');
    expect(store.problem).toContain('left as it is');
    expect((await store.versions('srv')).map((v) => v.id)).toEqual(['v1']);
  });
});
