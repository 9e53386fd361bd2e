import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, type SecretCipher } from '../../../../../src-main/engine/workspace/secret-store';

/** A stand-in for the OS keychain: reversible, and visibly not the plain text. */
const cipher: SecretCipher = {
  name: 'test-rot',
  encrypt: async (t) => Buffer.from([...Buffer.from(t)].map((b) => b ^ 0x5a)).toString('base64'),
  decrypt: async (t) => Buffer.from([...Buffer.from(t, 'base64')].map((b) => b ^ 0x5a)).toString(),
};

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-secrets-'));
  dirs.push(d);
  return d;
};

describe('FileSecretStore', () => {
  it('keeps plain secrets in a file only its user can read', async () => {
    const dir = await tmp();
    const s = await FileSecretStore.open(dir);
    await s.set('srv', 'TOKEN', 'hunter22');
    expect((await stat(path.join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    expect((await FileSecretStore.open(dir)).get('srv', 'TOKEN')).toBe('hunter22');
  });

  it('with a cipher, writes only sealed values and reads them back', async () => {
    const dir = await tmp();
    const s = await FileSecretStore.open(dir, cipher);
    await s.set('srv', 'TOKEN', 'hunter22');
    const onDisk = await readFile(path.join(dir, 'secrets.sealed.json'), 'utf8');
    expect(onDisk).not.toContain('hunter22');
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    expect((await FileSecretStore.open(dir, cipher)).get('srv', 'TOKEN')).toBe('hunter22');
  });

  it('seals a plain file left by browser mode and removes the plain copy', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'secrets.json'), JSON.stringify({ srv: { TOKEN: 'from-browser-mode' } }));
    const s = await FileSecretStore.open(dir, cipher);
    expect(s.get('srv', 'TOKEN')).toBe('from-browser-mode');
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    expect(await readFile(path.join(dir, 'secrets.sealed.json'), 'utf8')).not.toContain('from-browser-mode');
  });
});
