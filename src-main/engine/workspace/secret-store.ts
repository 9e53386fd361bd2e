import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readTextIfExists, writeFileAtomically } from './atomic-file';

export interface SecretStore {
  get(serverId: string, key: string): string | undefined;
  set(serverId: string, key: string, value: string): Promise<void>;
  deleteServer(serverId: string): Promise<void>;
  retain(serverId: string, keys: string[]): Promise<void>;
}

/** Turns secret values into something safe to write down and back (the desktop: the OS keychain via Electron safeStorage). */
export interface SecretCipher {
  readonly name: string;
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

interface SealedFile {
  cipher: string;
  secrets: Record<string, Record<string, string>>;
}

/**
 * Secrets in a file of the app-data folder, readable by the user only (0600). With a cipher (the
 * desktop app) the values on disk are sealed by it and the file is `secrets.sealed.json`; a plain
 * file left from browser mode is sealed and removed on first open. Values are held decrypted in
 * memory because servers need them synchronously when they start.
 */
export class FileSecretStore implements SecretStore {
  private data: Record<string, Record<string, string>> = {};
  private readonly plainFile: string;
  private readonly sealedFile: string;

  private constructor(
    appDataDir: string,
    private readonly cipher?: SecretCipher,
  ) {
    this.plainFile = path.join(appDataDir, 'secrets.json');
    this.sealedFile = path.join(appDataDir, 'secrets.sealed.json');
  }

  static async open(appDataDir: string, cipher?: SecretCipher): Promise<FileSecretStore> {
    const s = new FileSecretStore(appDataDir, cipher);
    const plain = parse<Record<string, Record<string, string>>>(await readTextIfExists(s.plainFile)) ?? {};
    if (!cipher) {
      s.data = plain;
      return s;
    }
    const sealed = parse<SealedFile>(await readTextIfExists(s.sealedFile));
    if (sealed && sealed.cipher === cipher.name) {
      for (const [server, keys] of Object.entries(sealed.secrets)) {
        for (const [key, value] of Object.entries(keys)) (s.data[server] ??= {})[key] = await cipher.decrypt(value);
      }
    }
    if (Object.keys(plain).length) {
      for (const [server, keys] of Object.entries(plain)) Object.assign((s.data[server] ??= {}), keys);
      await s.flush();
      await rm(s.plainFile, { force: true }); // sealed now: no plain copy stays behind
    }
    return s;
  }

  get(serverId: string, key: string): string | undefined {
    return this.data[serverId]?.[key];
  }

  async set(serverId: string, key: string, value: string): Promise<void> {
    (this.data[serverId] ??= {})[key] = value;
    await this.flush();
  }

  async deleteServer(serverId: string): Promise<void> {
    if (!(serverId in this.data)) return;
    delete this.data[serverId];
    await this.flush();
  }

  async retain(serverId: string, keys: string[]): Promise<void> {
    const cur = this.data[serverId];
    if (!cur) return;
    let changed = false;
    for (const k of Object.keys(cur)) {
      if (!keys.includes(k)) {
        delete cur[k];
        changed = true;
      }
    }
    if (changed) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.cipher) return writeFileAtomically(this.plainFile, JSON.stringify(this.data, null, 2), 0o600);
    const secrets: SealedFile['secrets'] = {};
    for (const [server, keys] of Object.entries(this.data)) {
      for (const [key, value] of Object.entries(keys)) (secrets[server] ??= {})[key] = await this.cipher.encrypt(value);
    }
    await writeFileAtomically(this.sealedFile, JSON.stringify({ cipher: this.cipher.name, secrets } satisfies SealedFile, null, 2), 0o600);
  }
}

function parse<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // a damaged file only means entering the secrets again
  }
}

export class MemorySecretStore implements SecretStore {
  private readonly data = new Map<string, string>();
  get(serverId: string, key: string) {
    return this.data.get(`${serverId}\u0000${key}`);
  }
  async set(serverId: string, key: string, value: string) {
    this.data.set(`${serverId}\u0000${key}`, value);
  }
  async deleteServer(serverId: string) {
    for (const k of [...this.data.keys()]) if (k.startsWith(`${serverId}\u0000`)) this.data.delete(k);
  }
  async retain(serverId: string, keys: string[]) {
    for (const k of [...this.data.keys()]) {
      const [sid, key] = k.split('\u0000');
      if (sid === serverId && !keys.includes(key!)) this.data.delete(k);
    }
  }
}
