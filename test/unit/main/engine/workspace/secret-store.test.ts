import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, type SecretCipher } from '../../../../../src-main/engine/workspace/secret-store';
import { workspaceKey } from '../../../../../src-main/engine/workspace/workspace-key';

/** A stand-in for the OS keychain: reversible, and visibly not the plain text. */
const cipher: SecretCipher = {
  name: 'test-rot',
  encrypt: async (t) => Buffer.from([...Buffer.from(t)].map((b) => b ^ 0x5a)).toString('base64'),
  decrypt: async (t) => Buffer.from([...Buffer.from(t, 'base64')].map((b) => b ^ 0x5a)).toString(),
};
/** The keychain of another machine or user: it cannot open what ours sealed. */
const foreignKeychain: SecretCipher = {
  ...cipher,
  decrypt: async () => Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString')),
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
const WS_A = '/work/a';
const WS_B = '/work/b';

describe('FileSecretStore', () => {
  it('keeps plain secrets in a file only its user can read', async () => {
    const dir = await tmp();
    const s = await FileSecretStore.open(dir);
    await s.forWorkspace(WS_A).set('srv', 'TOKEN', 'hunter22');
    expect((await stat(path.join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    expect((await FileSecretStore.open(dir)).forWorkspace(WS_A).get('srv', 'TOKEN')).toBe('hunter22');
  });

  it('files a secret under its workspace and server together: the same server id in another workspace gets nothing', async () => {
    const dir = await tmp();
    const s = await FileSecretStore.open(dir);
    await s.forWorkspace(WS_A).set('holdout', 'API_KEY', 'from-a');
    expect(s.forWorkspace(WS_B).get('holdout', 'API_KEY')).toBeUndefined();
    await s.forWorkspace(WS_B).set('holdout', 'API_KEY', 'from-b');
    await s.forWorkspace(WS_B).deleteServer('holdout');
    const again = await FileSecretStore.open(dir);
    expect(again.forWorkspace(WS_A).get('holdout', 'API_KEY')).toBe('from-a');
    expect(again.forWorkspace(WS_B).get('holdout', 'API_KEY')).toBeUndefined();
  });

  it('with a cipher, writes only sealed values and reads them back', async () => {
    const dir = await tmp();
    const s = await FileSecretStore.open(dir, { cipher });
    await s.forWorkspace(WS_A).set('srv', 'TOKEN', 'hunter22');
    const onDisk = await readFile(path.join(dir, 'secrets.sealed.json'), 'utf8');
    expect(onDisk).not.toContain('hunter22');
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    expect((await FileSecretStore.open(dir, { cipher })).forWorkspace(WS_A).get('srv', 'TOKEN')).toBe('hunter22');
  });

  it('seals a plain file left by browser mode and removes the plain copy', async () => {
    const dir = await tmp();
    await (await FileSecretStore.open(dir)).forWorkspace(WS_A).set('srv', 'TOKEN', 'from-browser-mode');
    const s = await FileSecretStore.open(dir, { cipher });
    expect(s.forWorkspace(WS_A).get('srv', 'TOKEN')).toBe('from-browser-mode');
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    expect(await readFile(path.join(dir, 'secrets.sealed.json'), 'utf8')).not.toContain('from-browser-mode');
  });

  it('re-reads the file before each change, so two MCP Labs sharing the folder do not undo each other', async () => {
    const dir = await tmp();
    const desktop = await FileSecretStore.open(dir);
    const cli = await FileSecretStore.open(dir);
    await desktop.forWorkspace(WS_A).set('srv', 'ONE', '1');
    await cli.forWorkspace(WS_A).set('srv', 'TWO', '2');
    await desktop.forWorkspace(WS_A).set('srv', 'THREE', '3');
    const fresh = (await FileSecretStore.open(dir)).forWorkspace(WS_A);
    expect([fresh.get('srv', 'ONE'), fresh.get('srv', 'TWO'), fresh.get('srv', 'THREE')]).toEqual(['1', '2', '3']);
  });
});

describe('a secret store that cannot be read', () => {
  const broken = '{"format": 2, "workspaces": {"/work/a": {"srv": {"TOKEN": "keep-me"}}}, ';

  it('fails closed: names the file, gives nothing, refuses new secrets and never writes over it', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'secrets.json');
    await writeFile(file, broken);
    const s = await FileSecretStore.open(dir);
    expect(s.status).toMatchObject({
      state: 'damaged',
      file,
      message: expect.stringContaining(`The secret store ${file} cannot be read: it is not valid JSON`),
    });
    const ws = s.forWorkspace(WS_A);
    expect(ws.get('srv', 'TOKEN')).toBeUndefined();
    await expect(ws.set('srv', 'OTHER', 'new')).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringContaining('will not write over the file'),
    });
    // Forgetting (a server removed, a key dropped) is skipped, not written.
    await ws.retain('srv', []);
    await ws.deleteServer('srv');
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('is noticed when it breaks while MCP Lab runs, and recovers when it is repaired', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'secrets.json');
    const s = await FileSecretStore.open(dir);
    await s.forWorkspace(WS_A).set('srv', 'TOKEN', 'keep-me');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.slice(0, -3));
    await s.refresh();
    expect(s.status.state).toBe('damaged');
    await expect(s.forWorkspace(WS_A).set('srv', 'OTHER', 'x')).rejects.toMatchObject({ code: 'Conflict' });
    expect(await readFile(file, 'utf8')).toBe(good.slice(0, -3));
    await writeFile(file, good);
    await s.refresh();
    expect(s.status.state).toBe('ok');
    expect(s.forWorkspace(WS_A).get('srv', 'TOKEN')).toBe('keep-me');
  });

  it('moves aside on request: the damaged file is kept under a new name and the store starts afresh', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'secrets.json');
    await writeFile(file, broken);
    const s = await FileSecretStore.open(dir, { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    const movedTo = await s.moveAside();
    expect(movedTo).toBe(`${file}.damaged-2026-01-02T03-04-05-000Z`);
    expect(await readFile(movedTo, 'utf8')).toBe(broken);
    expect(s.status.state).toBe('ok');
    await s.forWorkspace(WS_A).set('srv', 'TOKEN', 'fresh');
    expect((await FileSecretStore.open(dir)).forWorkspace(WS_A).get('srv', 'TOKEN')).toBe('fresh');
    await expect(s.moveAside()).rejects.toMatchObject({ code: 'Conflict' });
  });

  it('a file of a newer format is not guessed at', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'secrets.json'), JSON.stringify({ format: 3, everything: {} }));
    expect((await FileSecretStore.open(dir)).status).toMatchObject({
      state: 'damaged',
      message: expect.stringContaining('written by a newer MCP Lab (format 3'),
    });
  });

  it('a sealed file the keychain cannot open is damaged, not empty, and stays as it was', async () => {
    const dir = await tmp();
    await (await FileSecretStore.open(dir, { cipher })).forWorkspace(WS_A).set('srv', 'TOKEN', 'sealed-value');
    const sealedFile = path.join(dir, 'secrets.sealed.json');
    const before = await readFile(sealedFile, 'utf8');
    const s = await FileSecretStore.open(dir, { cipher: foreignKeychain, sealedIsMine: true });
    expect(s.status).toMatchObject({
      state: 'damaged',
      file: sealedFile,
      message: expect.stringContaining('the OS keychain cannot unseal its values'),
    });
    await expect(s.forWorkspace(WS_A).set('srv', 'OTHER', 'x')).rejects.toMatchObject({ code: 'Conflict' });
    expect(await readFile(sealedFile, 'utf8')).toBe(before);
  });

  it('the desktop without a keyring now reports its sealed file as unreadable; browser mode leaves it alone', async () => {
    const dir = await tmp();
    await (await FileSecretStore.open(dir, { cipher })).forWorkspace(WS_A).set('srv', 'TOKEN', 'sealed-value');
    const desktop = await FileSecretStore.open(dir, { sealedIsMine: true });
    expect(desktop.status).toMatchObject({
      state: 'damaged',
      message: expect.stringContaining('sealed with the OS keychain, which MCP Lab cannot use now'),
    });
    const browserMode = await FileSecretStore.open(dir);
    expect(browserMode.status.state).toBe('ok');
  });

  it('a sealed file from another cipher is named as such', async () => {
    const dir = await tmp();
    await (await FileSecretStore.open(dir, { cipher })).forWorkspace(WS_A).set('srv', 'TOKEN', 'v');
    const s = await FileSecretStore.open(dir, { cipher: { ...cipher, name: 'electron-safeStorage' } });
    expect(s.status).toMatchObject({ state: 'damaged', message: expect.stringContaining('sealed by "test-rot"') });
  });
});

describe('a store from before secrets were kept per workspace', () => {
  /** The app data an earlier MCP Lab leaves: which workspaces it opened and which commands were approved where. */
  async function earlierMcpLab(workspaces: { dir: string; servers: string[]; approved: string[] }[]) {
    const app = await tmp();
    const consent: Record<string, Record<string, string>> = {};
    for (const w of workspaces) {
      await mkdir(w.dir, { recursive: true });
      await writeFile(
        path.join(w.dir, 'mcp-lab.json'),
        JSON.stringify({ version: 1, servers: w.servers.map((id) => ({ id, name: id, transport: 'stdio', command: 'node' })) }),
      );
      consent[w.dir] = Object.fromEntries(w.approved.map((id) => [id, 'fingerprint']));
    }
    await writeFile(path.join(app, 'consent.json'), JSON.stringify(consent));
    await writeFile(
      path.join(app, 'recent-workspaces.json'),
      JSON.stringify({ recent: workspaces.map((w, i) => ({ dir: w.dir, openedAt: i })) }),
    );
    await writeFile(path.join(app, 'secrets.json'), JSON.stringify({ holdout: { API_KEY: 'legacy-value' } }));
    return app;
  }

  it('goes to the one workspace that holds the server and where it was approved', async () => {
    const root = await tmp();
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const app = await earlierMcpLab([
      { dir: a, servers: ['holdout'], approved: ['holdout'] },
      { dir: b, servers: ['other'], approved: ['other'] },
    ]);
    const s = await FileSecretStore.open(app);
    expect(s.forWorkspace(await workspaceKey(a)).get('holdout', 'API_KEY')).toBe('legacy-value');
    expect(s.forWorkspace(await workspaceKey(b)).get('holdout', 'API_KEY')).toBeUndefined();
    // Rewritten once in the current format: no entry is filed under the id alone any more.
    expect(JSON.parse(await readFile(path.join(app, 'secrets.json'), 'utf8'))).toEqual({
      format: 2,
      workspaces: { [await workspaceKey(a)]: { holdout: { API_KEY: 'legacy-value' } } },
      setAside: {},
    });
  });

  it('is set aside when two workspaces hold a server with that id (a clone): neither gets it until a person decides', async () => {
    const root = await tmp();
    const a = path.join(root, 'a');
    const clone = path.join(root, 'clone');
    const app = await earlierMcpLab([
      { dir: a, servers: ['holdout'], approved: ['holdout'] },
      { dir: clone, servers: ['holdout'], approved: [] },
    ]);
    const s = await FileSecretStore.open(app);
    for (const w of [a, clone]) {
      expect(s.forWorkspace(await workspaceKey(w)).get('holdout', 'API_KEY')).toBeUndefined();
      expect(s.forWorkspace(await workspaceKey(w)).waiting('holdout', ['API_KEY'])).toEqual(['API_KEY']);
    }
    await s.forWorkspace(await workspaceKey(a)).resolveSetAside('holdout', true);
    expect(s.forWorkspace(await workspaceKey(a)).get('holdout', 'API_KEY')).toBe('legacy-value');
    // Used in one workspace: it no longer waits anywhere else (and is not given there).
    expect(s.forWorkspace(await workspaceKey(clone)).waiting('holdout', ['API_KEY'])).toEqual([]);
    expect(s.forWorkspace(await workspaceKey(clone)).get('holdout', 'API_KEY')).toBeUndefined();
  });

  it('is set aside when no workspace has a record of approving it, and can be discarded', async () => {
    const root = await tmp();
    const a = path.join(root, 'a');
    const app = await earlierMcpLab([{ dir: a, servers: ['holdout'], approved: [] }]);
    const s = await FileSecretStore.open(app);
    expect(s.forWorkspace(await workspaceKey(a)).waiting('holdout', ['API_KEY'])).toEqual(['API_KEY']);
    await s.forWorkspace(await workspaceKey(a)).resolveSetAside('holdout', false);
    expect(s.forWorkspace(await workspaceKey(a)).waiting('holdout', ['API_KEY'])).toEqual([]);
    expect(await readFile(path.join(app, 'secrets.json'), 'utf8')).not.toContain('legacy-value');
  });

  it('a sealed legacy file is migrated without unsealing anything to disk', async () => {
    const root = await tmp();
    const a = path.join(root, 'a');
    const app = await earlierMcpLab([{ dir: a, servers: ['holdout'], approved: ['holdout'] }]);
    await rm(path.join(app, 'secrets.json'));
    await writeFile(
      path.join(app, 'secrets.sealed.json'),
      JSON.stringify({ cipher: cipher.name, secrets: { holdout: { API_KEY: await cipher.encrypt('legacy-value') } } }),
    );
    const s = await FileSecretStore.open(app, { cipher });
    expect(s.forWorkspace(await workspaceKey(a)).get('holdout', 'API_KEY')).toBe('legacy-value');
    const files = await readdir(app);
    expect(files).not.toContain('secrets.json');
    expect(await readFile(path.join(app, 'secrets.sealed.json'), 'utf8')).not.toContain('legacy-value');
  });
});
