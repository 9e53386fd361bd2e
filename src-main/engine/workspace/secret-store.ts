import path from 'node:path';
import { readTextIfExists, writeFileAtomically } from './atomic-file';

export interface SecretStore {
  get(serverId: string, key: string): string | undefined;
  set(serverId: string, key: string, value: string): Promise<void>;
  deleteServer(serverId: string): Promise<void>;
  retain(serverId: string, keys: string[]): Promise<void>;
}

/**
 * Secrets for browser mode and the CLI: a file in the app-data folder readable by the user only
 * (0600). The desktop shell can swap in an OS-keychain-backed store (Electron safeStorage).
 */
export class FileSecretStore implements SecretStore {
  private data: Record<string, Record<string, string>> = {};
  private readonly file: string;

  private constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'secrets.json');
  }

  static async open(appDataDir: string): Promise<FileSecretStore> {
    const s = new FileSecretStore(appDataDir);
    const text = await readTextIfExists(s.file);
    if (text) {
      try {
        s.data = JSON.parse(text) as Record<string, Record<string, string>>;
      } catch {
        s.data = {};
      }
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

  private flush(): Promise<void> {
    return writeFileAtomically(this.file, JSON.stringify(this.data, null, 2), 0o600);
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
