import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCwd, resolveCommand, SpawnFailure } from '../../../../../src-main/engine/servers/resolve-command';

let tmp: string;
let binA: string;
let binB: string;

async function file(p: string, mode: number): Promise<string> {
  await writeFile(p, '#!/bin/sh\nexit 0\n');
  await chmod(p, mode);
  return p;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-resolve-'));
  binA = path.join(tmp, 'a');
  binB = path.join(tmp, 'b');
  await mkdir(binA);
  await mkdir(binB);
  await file(path.join(binA, 'tool'), 0o755);
  await file(path.join(binB, 'tool'), 0o755);
  await file(path.join(binA, 'plain'), 0o644); // on PATH but not executable
  await file(path.join(binB, 'plain'), 0o755);
  await mkdir(path.join(binA, 'dironly'));
  await file(path.join(tmp, 'local.sh'), 0o755);
  await file(path.join(tmp, 'noexec.py'), 0o644);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<SpawnFailure> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SpawnFailure);
  return e as SpawnFailure;
}

describe.skipIf(process.platform === 'win32')('resolveCommand', () => {
  it('takes the first match in PATH order', async () => {
    expect(await resolveCommand('tool', { PATH: `${binA}:${binB}` }, tmp)).toBe(path.join(binA, 'tool'));
    expect(await resolveCommand('tool', { PATH: `${binB}:${binA}` }, tmp)).toBe(path.join(binB, 'tool'));
  });

  it('skips files that are not executable and folders of the same name', async () => {
    expect(await resolveCommand('plain', { PATH: `${binA}:${binB}` }, tmp)).toBe(path.join(binB, 'plain'));
    await expect(resolveCommand('dironly', { PATH: binA }, tmp)).rejects.toMatchObject({ kind: 'commandNotFound' });
  });

  it('names the command and the PATH it searched when nothing matches', async () => {
    const f = await failure(resolveCommand('uv', { PATH: `${binA}:${binB}` }, tmp));
    expect(f.kind).toBe('commandNotFound');
    expect(f.message).toContain('"uv"');
    expect(f.message).toContain(`${binA}:${binB}`);
    expect(f.hint).toMatch(/absolute path|PATH/);
  });

  it('says so when PATH is empty', async () => {
    const f = await failure(resolveCommand('uv', {}, tmp));
    expect(f.message).toContain('(empty PATH)');
  });

  it('resolves a path with a slash against the working directory, without searching PATH', async () => {
    expect(await resolveCommand('./local.sh', { PATH: binA }, tmp)).toBe(path.join(tmp, 'local.sh'));
    expect(await resolveCommand(path.join(binA, 'tool'), {}, '/')).toBe(path.join(binA, 'tool'));
    const f = await failure(resolveCommand('./missing.sh', { PATH: binA }, tmp));
    expect(f.kind).toBe('commandNotFound');
    expect(f.message).toContain(path.join(tmp, 'missing.sh'));
  });

  it('explains a file without the execute bit, with a chmod hint', async () => {
    const f = await failure(resolveCommand('./noexec.py', {}, tmp));
    expect(f.kind).toBe('notExecutable');
    expect(f.hint).toContain(`chmod +x ${path.join(tmp, 'noexec.py')}`);
    expect(f.hint).toContain('python3');
  });

  it('explains a folder given as the command', async () => {
    const f = await failure(resolveCommand(binA, {}, tmp));
    expect(f.kind).toBe('notExecutable');
    expect(f.message).toContain('folder');
  });
});

describe('checkCwd', () => {
  it('accepts an existing folder', async () => {
    await expect(checkCwd(tmp)).resolves.toBeUndefined();
  });

  it('reports a missing folder, and a file given as a folder, as cwdMissing', async () => {
    const missing = await failure(checkCwd(path.join(tmp, 'nope')));
    expect(missing.kind).toBe('cwdMissing');
    expect(missing.message).toContain(path.join(tmp, 'nope'));
    const notDir = await failure(checkCwd(path.join(tmp, 'local.sh')));
    expect(notDir.kind).toBe('cwdMissing');
    expect(notDir.message).toContain('not a folder');
  });
});
