import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceFiles } from '../../../../../src-main/engine/workspace/workspace-files';

let root: string;
let ws: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-wsf-'));
  ws = path.join(root, 'ws');
  await mkdir(path.join(ws, 'src'), { recursive: true });
  await writeFile(path.join(ws, 'src', 'server.py'), 'print("v1")\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('tree', () => {
  it('lists one level, folders first, and counts ignored folders instead of listing them', async () => {
    await mkdir(path.join(ws, 'node_modules', 'x'), { recursive: true });
    await mkdir(path.join(ws, '.venv'));
    await writeFile(path.join(ws, 'README.md'), '# hi');
    const files = new WorkspaceFiles(ws);
    const top = await files.tree('', false);
    expect(top.entries.map((e) => `${e.kind}:${e.path}`)).toEqual(['dir:src', 'file:README.md']);
    expect(top.ignored).toBe(2);
    const all = await files.tree('', true);
    expect(all.entries.map((e) => e.name)).toContain('node_modules');
    expect((await files.tree('src', false)).entries.map((e) => e.path)).toEqual(['src/server.py']);
  });

  it('marks a symlink that leads outside the workspace', async () => {
    await writeFile(path.join(root, 'secret.txt'), 'top secret');
    await symlink(path.join(root, 'secret.txt'), path.join(ws, 'link.txt'));
    const top = await new WorkspaceFiles(ws).tree('', false);
    expect(top.entries.find((e) => e.name === 'link.txt')).toMatchObject({ outside: true });
  });

  it('lists a workspace whose folder does not exist yet as missing and empty, and its first file as usual', async () => {
    const files = new WorkspaceFiles(path.join(root, 'not-yet'));
    expect(await files.tree('', false)).toEqual({ dir: '', entries: [], ignored: 0, missing: true });
    await mkdir(path.join(root, 'not-yet'));
    await writeFile(path.join(root, 'not-yet', 'server.py'), '');
    expect(await files.tree('', false)).toEqual({ dir: '', entries: [expect.objectContaining({ path: 'server.py' })], ignored: 0 });
  });
});

describe('path safety', () => {
  it('refuses .. escapes, absolute paths and symlinks that lead outside', async () => {
    await writeFile(path.join(root, 'secret.txt'), 'top secret');
    await symlink(path.join(root, 'secret.txt'), path.join(ws, 'link.txt'));
    await symlink(root, path.join(ws, 'up'));
    const files = new WorkspaceFiles(ws);
    await expect(files.read('../secret.txt')).rejects.toThrow(/outside the workspace/);
    await expect(files.read('src/../../secret.txt')).rejects.toThrow(/outside the workspace/);
    await expect(files.read(path.join(root, 'secret.txt'))).rejects.toThrow(/relative to the workspace/);
    await expect(files.read('link.txt')).rejects.toThrow(/outside the workspace/);
    await expect(files.read('up/secret.txt')).rejects.toThrow(/outside the workspace/);
    // Writing through a symlinked folder would create a file outside: refused, nothing written.
    const o = files.save('up/new.txt', 'x', null);
    await expect(o).rejects.toThrow(/outside the workspace/);
    await expect(readFile(path.join(root, 'new.txt'))).rejects.toThrow();
    await expect(files.tree('..', false)).rejects.toThrow(/outside the workspace/);
  });

  it('allows a symlink that stays inside', async () => {
    await symlink(path.join(ws, 'src', 'server.py'), path.join(ws, 'alias.py'));
    expect((await new WorkspaceFiles(ws).read('alias.py')).content).toBe('print("v1")\n');
  });
});

describe('save', () => {
  it('saves when the disk still holds the version the buffer came from', async () => {
    const files = new WorkspaceFiles(ws);
    const r = await files.read('src/server.py');
    const o = await files.save('src/server.py', 'print("v2")\n', r.version);
    expect(o.status).toBe('saved');
    expect(await readFile(path.join(ws, 'src/server.py'), 'utf8')).toBe('print("v2")\n');
    // The returned version is the new base: a second save goes through too.
    if (o.status !== 'saved') throw new Error('unreachable');
    expect((await files.save('src/server.py', 'print("v3")\n', o.version)).status).toBe('saved');
  });

  it('returns a conflict with the disk content when the file changed underneath, and writes nothing', async () => {
    const files = new WorkspaceFiles(ws);
    const r = await files.read('src/server.py');
    await writeFile(path.join(ws, 'src/server.py'), 'print("someone else")\n');
    const o = await files.save('src/server.py', 'print("mine")\n', r.version);
    expect(o).toMatchObject({ status: 'conflict', disk: { content: 'print("someone else")\n' } });
    expect(await readFile(path.join(ws, 'src/server.py'), 'utf8')).toBe('print("someone else")\n');
    // "Keep mine" is an explicit force.
    expect((await files.save('src/server.py', 'print("mine")\n', r.version, true)).status).toBe('saved');
    expect(await readFile(path.join(ws, 'src/server.py'), 'utf8')).toBe('print("mine")\n');
  });

  it('a second save of the same content (or the same edit made elsewhere) is not a conflict', async () => {
    const files = new WorkspaceFiles(ws);
    const r = await files.read('src/server.py');
    await writeFile(path.join(ws, 'src/server.py'), 'print("same")\n');
    expect(await files.save('src/server.py', 'print("same")\n', r.version)).toMatchObject({ status: 'saved' });
  });

  it('reports a deleted file as a conflict with no disk content', async () => {
    const files = new WorkspaceFiles(ws);
    const r = await files.read('src/server.py');
    await rm(path.join(ws, 'src/server.py'));
    expect(await files.save('src/server.py', 'x', r.version)).toMatchObject({ status: 'conflict', disk: null });
  });

  it('refuses to create a file over one that appeared meanwhile', async () => {
    const files = new WorkspaceFiles(ws);
    expect(await files.save('src/server.py', 'new', null)).toMatchObject({ status: 'conflict' });
    expect((await files.save('src/new_tool.py', 'new', null)).status).toBe('saved');
  });

  it('a failed write (disk full) reports the file name, keeps the original and changes nothing', async () => {
    const files = new WorkspaceFiles(ws, async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const r = await files.read('src/server.py');
    const o = await files.save('src/server.py', 'print("v2")\n', r.version);
    expect(o).toMatchObject({ status: 'failed', code: 'ENOSPC' });
    if (o.status !== 'failed') throw new Error('unreachable');
    expect(o.message).toMatch(/src\/server\.py.*disk is full/);
    expect(await readFile(path.join(ws, 'src/server.py'), 'utf8')).toBe('print("v1")\n');
  });

  it('a save into a read-only folder fails with the file name and leaves the original intact', async (ctx) => {
    const dir = path.join(ws, 'src');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      // Root ignores permission bits: an immutable folder refuses new files (the atomic save's temp file) even for root.
      try {
        execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
      } catch {
        ctx.skip();
      }
    } else {
      await chmod(dir, 0o555);
    }
    try {
      const files = new WorkspaceFiles(ws);
      const r = await files.read('src/server.py');
      const o = await files.save('src/server.py', 'print("v2")\n', r.version);
      expect(o.status).toBe('failed');
      if (o.status !== 'failed') throw new Error('unreachable');
      expect(o.message).toMatch(/Could not save src\/server\.py: permission denied/);
      expect(await readFile(path.join(dir, 'server.py'), 'utf8')).toBe('print("v1")\n');
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
      else await chmod(dir, 0o755);
    }
  });
});
