import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStatic } from '../../../../../src-main/shells/common/static-files';

let tmp: string;
let root: string;
beforeEach(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-static-')));
  root = path.join(tmp, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'w');
  await writeFile(path.join(root, 'assets', 'mod.wasm'), 'w');
  await writeFile(path.join(root, 'assets', 'data.bin'), 'b');
  await writeFile(path.join(tmp, 'secret.txt'), 'do not serve me');
  await mkdir(path.join(tmp, 'renderer-evil'));
  await writeFile(path.join(tmp, 'renderer-evil', 'x.js'), 'do not serve me');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('readStatic', () => {
  it('serves files with the content type the browser needs', async () => {
    const types = async (p: string) => (await readStatic(root, p))?.type;
    expect(await types('/')).toBe('text/html; charset=utf-8');
    expect(await types('/assets/app.js')).toBe('text/javascript; charset=utf-8');
    expect(await types('/assets/app.css')).toBe('text/css; charset=utf-8');
    expect(await types('/assets/font.woff2')).toBe('font/woff2');
    expect(await types('/assets/mod.wasm')).toBe('application/wasm');
    // Unknown kinds are never guessed as something executable.
    expect(await types('/assets/data.bin')).toBe('application/octet-stream');
    expect((await readStatic(root, '/assets/app.js?v=2'))?.body.toString()).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes, but not for missing assets', async () => {
    expect((await readStatic(root, '/servers/abc'))?.body.toString()).toContain('<title>app</title>');
    expect(await readStatic(root, '/assets/missing.js')).toBeUndefined();
    expect(await readStatic(root, '/assets')).toMatchObject({ type: 'text/html; charset=utf-8' });
  });

  it('never serves anything outside the root, whatever the encoding', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A', // malformed escape
      '/../renderer-evil/x.js',
      `/${path.join(tmp, 'secret.txt')}`,
      `//${tmp}/secret.txt`,
    ]) {
      const f = await readStatic(root, p);
      expect(f?.body.toString() ?? '', p).not.toContain('do not serve me');
    }
  });

  it('refuses a symlink inside the root that points outside it', async () => {
    await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    await symlink(tmp, path.join(root, 'up'));
    expect(await readStatic(root, '/assets/leak.js')).toBeUndefined();
    expect(await readStatic(root, '/up/secret.txt')).toBeUndefined();
  });

  it('serves a symlink that stays inside the root', async () => {
    await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    expect((await readStatic(root, '/alias.js'))?.body.toString()).toBe('console.log(1)');
  });
});
