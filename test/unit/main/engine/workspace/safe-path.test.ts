import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, lexicallyInside, resolveInside, toWirePath } from '../../../../../src-main/engine/workspace/safe-path';

let tmp: string;
let ws: string;
beforeEach(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-safe-path-')));
  ws = path.join(tmp, 'ws');
  await mkdir(path.join(ws, 'src'), { recursive: true });
  await writeFile(path.join(ws, 'src', 'server.py'), 'print(1)\n');
  await writeFile(path.join(tmp, 'secret.txt'), 'top secret');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const refusedOutside = { code: 'InvalidParams', message: expect.stringMatching(/outside the workspace folder/) };

describe('resolveInside', () => {
  it('resolves files and not-yet-existing paths inside the folder', async () => {
    expect(await resolveInside(ws, 'src/server.py')).toBe(path.join(ws, 'src', 'server.py'));
    expect(await resolveInside(ws, 'src/new/deeper/file.txt')).toBe(path.join(ws, 'src', 'new', 'deeper', 'file.txt'));
    expect(await resolveInside(ws, '')).toBe(ws);
    expect(await resolveInside(ws, 'src/../src/server.py')).toBe(path.join(ws, 'src', 'server.py'));
  });

  it('refuses ".." that climbs out, with a message that says where files may be', async () => {
    await expect(resolveInside(ws, '../secret.txt')).rejects.toMatchObject(refusedOutside);
    await expect(resolveInside(ws, 'src/../../secret.txt')).rejects.toMatchObject(refusedOutside);
    await expect(resolveInside(ws, '..\\secret.txt')).rejects.toMatchObject(refusedOutside);
  });

  it('refuses absolute paths (POSIX and Windows drive forms)', async () => {
    for (const p of [path.join(tmp, 'secret.txt'), '/etc/passwd', 'C:/Windows/win.ini', 'c:\\x']) {
      await expect(resolveInside(ws, p), p).rejects.toMatchObject({
        code: 'InvalidParams',
        message: expect.stringMatching(/must be relative/),
      });
    }
  });

  it('refuses a NUL character and says so', async () => {
    await expect(resolveInside(ws, 'src/server.py\0.txt')).rejects.toMatchObject({
      code: 'InvalidParams',
      message: expect.stringMatching(/NUL/),
    });
  });

  it('treats a percent-encoded escape as a plain name, never decoding it into a climb', async () => {
    // The wire carries plain paths: "%2e%2e" is a folder of that name inside the workspace.
    expect(await resolveInside(ws, '%2e%2e/secret.txt')).toBe(path.join(ws, '%2e%2e', 'secret.txt'));
  });

  it('refuses a symlinked file whose target is outside', async () => {
    await symlink(path.join(tmp, 'secret.txt'), path.join(ws, 'link.txt'));
    await expect(resolveInside(ws, 'link.txt')).rejects.toMatchObject(refusedOutside);
  });

  it('refuses a path through a symlinked folder that leads outside, even to a file that does not exist yet', async () => {
    await symlink(tmp, path.join(ws, 'escape'));
    await expect(resolveInside(ws, 'escape/secret.txt')).rejects.toMatchObject(refusedOutside);
    await expect(resolveInside(ws, 'escape/new-file.txt')).rejects.toMatchObject(refusedOutside);
  });

  it('follows a symlink that stays inside the folder', async () => {
    await symlink(path.join(ws, 'src'), path.join(ws, 'alias'));
    expect(await resolveInside(ws, 'alias/server.py')).toBe(path.join(ws, 'src', 'server.py'));
  });

  it('works when the workspace folder itself is reached through a symlink', async () => {
    const via = path.join(tmp, 'via');
    await symlink(ws, via);
    expect(await resolveInside(via, 'src/server.py')).toBe(path.join(ws, 'src', 'server.py'));
    await expect(resolveInside(via, '../secret.txt')).rejects.toMatchObject(refusedOutside);
  });
});

describe('lexical helpers', () => {
  it('lexicallyInside refuses climbing out without touching the disk', () => {
    expect(lexicallyInside('/r', 'a/b')).toBe(path.resolve('/r', 'a/b'));
    expect(() => lexicallyInside('/r', '../x')).toThrow(/outside the workspace folder/);
    expect(() => lexicallyInside('/r', 'a/../../x')).toThrow(/outside the workspace folder/);
  });

  it('isInside does not mistake a sibling with the same prefix for the folder', () => {
    expect(isInside('/r/ws', '/r/ws/a')).toBe(true);
    expect(isInside('/r/ws', '/r/ws')).toBe(true);
    expect(isInside('/r/ws', '/r/ws-evil/a')).toBe(false);
    expect(isInside('/r/ws', '/r')).toBe(false);
  });

  it('toWirePath gives a relative "/"-separated path', () => {
    expect(toWirePath('/r', path.join('/r', 'a', 'b.txt'))).toBe('a/b.txt');
  });
});
