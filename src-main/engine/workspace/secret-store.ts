import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import type { SecretStoreStatus } from '../../../src-shared/api/schemas/config-status';
import { Emitter, type Event } from '../../../src-shared/base/event';
import { writeFileAtomically } from './atomic-file';
import { attributeLegacySecrets } from './legacy-secrets';
import {
  type SecretData,
  UnreadableSecretFile,
  emptySecretData,
  mapSecretData,
  mapValues,
  mergeSecretData,
  parseSecretFile,
  serializeSecretData,
} from './secret-file';

/** Turns secret values into something safe to write down and back (the desktop: the OS keychain via Electron safeStorage). */
export interface SecretCipher {
  readonly name: string;
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

/** The secrets of one workspace's servers. A server id means nothing without its workspace. */
export interface WorkspaceSecrets {
  readonly store: SecretStore;
  get(serverId: string, key: string): string | undefined;
  /** Refused (with the reason) while the store cannot be read: nothing writes over a damaged file. */
  set(serverId: string, key: string, value: string): Promise<void>;
  /** Keep only these keys of the server (a no-op while the store cannot be read). */
  retain(serverId: string, keys: string[]): Promise<void>;
  deleteServer(serverId: string): Promise<void>;
  /**
   * Of `keys`, those an earlier MCP Lab saved for a server with this id that wait for a person's decision
   * (this workspace has no value of its own).
   */
  waiting(serverId: string, keys: string[]): string[];
  /** A person's decision on those entries: they belong to this workspace (`use`), or to none (discarded). */
  resolveSetAside(serverId: string, use: boolean): Promise<void>;
}

export interface SecretStore {
  readonly status: SecretStoreStatus;
  readonly onDidChange: Event<void>;
  forWorkspace(workspaceKey: string): WorkspaceSecrets;
  /** Read the file again when it changed since (another MCP Lab wrote it, or someone broke it). */
  refresh(): Promise<void>;
  /** Rename an unreadable file next to itself and start with an empty store; returns the new name. */
  moveAside(): Promise<string>;
}

/** The store's data, one change at a time, with the workspace views and the damage state. */
abstract class SecretStoreBase implements SecretStore {
  protected data: SecretData = emptySecretData();
  protected damaged: UnreadableSecretFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly _onDidChange = new Emitter<void>();
  readonly onDidChange = this._onDidChange.event;

  /** Re-read the file if it changed; true when the data or the damage state changed. */
  protected abstract reload(): Promise<boolean>;
  protected abstract write(): Promise<void>;
  protected abstract moveFileAside(file: string): Promise<string>;

  get status(): SecretStoreStatus {
    if (!this.damaged) return { state: 'ok' };
    return { state: 'damaged', file: this.damaged.file, reason: this.damaged.reason, message: damagedMessage(this.damaged) };
  }

  forWorkspace(workspaceKey: string): WorkspaceSecrets {
    return new ScopedSecrets(this, workspaceKey);
  }

  refresh(): Promise<void> {
    return this.serial(async () => {
      if (await this.reload()) this._onDidChange.fire();
    });
  }

  moveAside(): Promise<string> {
    return this.serial(async () => {
      if (!this.damaged) throw new ApiError('Conflict', 'the secret store can be read: there is nothing to move aside');
      const movedTo = await this.moveFileAside(this.damaged.file);
      this.damaged = undefined;
      await this.reload();
      this._onDidChange.fire();
      return movedTo;
    });
  }

  read(workspace: string, serverId: string, key: string): string | undefined {
    return this.damaged ? undefined : this.data.workspaces[workspace]?.[serverId]?.[key];
  }

  setAsideOf(serverId: string): Record<string, string> {
    return this.damaged ? {} : (this.data.setAside[serverId] ?? {});
  }

  /**
   * Apply one change to what the file holds now and write it. While the store cannot be read the
   * change is refused (`throw`) or skipped (`skip`: forgetting is no loss): never written over it.
   */
  change(fn: (d: SecretData) => boolean, whenDamaged: 'throw' | 'skip'): Promise<void> {
    return this.serial(async () => {
      const reloaded = await this.reload();
      if (this.damaged) {
        if (reloaded) this._onDidChange.fire();
        if (whenDamaged === 'throw') throw new ApiError('Conflict', damagedMessage(this.damaged));
        return;
      }
      const before = structuredClone(this.data);
      const changed = fn(this.data);
      if (changed) {
        try {
          await this.write();
        } catch (e) {
          this.data = before;
          throw e;
        }
      }
      if (changed || reloaded) this._onDidChange.fire();
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

class ScopedSecrets implements WorkspaceSecrets {
  constructor(
    readonly store: SecretStoreBase,
    private readonly workspace: string,
  ) {}

  get(serverId: string, key: string): string | undefined {
    return this.store.read(this.workspace, serverId, key);
  }

  set(serverId: string, key: string, value: string): Promise<void> {
    return this.store.change((d) => {
      const keys = ((d.workspaces[this.workspace] ??= {})[serverId] ??= {});
      if (keys[key] === value) return false;
      keys[key] = value;
      return true;
    }, 'throw');
  }

  retain(serverId: string, keys: string[]): Promise<void> {
    return this.store.change((d) => {
      const cur = d.workspaces[this.workspace]?.[serverId];
      if (!cur) return false;
      let changed = false;
      for (const k of Object.keys(cur)) {
        if (keys.includes(k)) continue;
        delete cur[k];
        changed = true;
      }
      return changed;
    }, 'skip');
  }

  deleteServer(serverId: string): Promise<void> {
    return this.store.change((d) => {
      const mine = d.workspaces[this.workspace];
      if (!mine || !(serverId in mine)) return false;
      delete mine[serverId];
      if (Object.keys(mine).length === 0) delete d.workspaces[this.workspace];
      return true;
    }, 'skip');
  }

  waiting(serverId: string, keys: string[]): string[] {
    const aside = this.store.setAsideOf(serverId);
    return keys.filter((k) => k in aside && this.get(serverId, k) === undefined);
  }

  resolveSetAside(serverId: string, use: boolean): Promise<void> {
    return this.store.change((d) => {
      const aside = d.setAside[serverId];
      if (!aside) return false;
      if (use) {
        const keys = ((d.workspaces[this.workspace] ??= {})[serverId] ??= {});
        // A value entered in this workspace since is newer than the old one: it stays.
        for (const [k, v] of Object.entries(aside)) if (!(k in keys)) keys[k] = v;
      }
      delete d.setAside[serverId];
      return true;
    }, 'throw');
  }
}

export interface FileSecretStoreOptions {
  /** Seal values with it (the desktop app); the file is then `secrets.sealed.json`. */
  cipher?: SecretCipher;
  /**
   * The desktop app: a sealed file it cannot unseal because the keychain is not available now is
   * an unreadable store (its secrets exist), not an absent one. Browser mode and the CLI never
   * seal and leave the desktop's sealed file alone.
   */
  sealedIsMine?: boolean;
  /** For the name a damaged file is moved aside to (default: the system clock). */
  now?: () => number;
}

/**
 * Secrets in a file of the app-data folder, readable by the user only (0600), filed by workspace
 * (its canonical path) and server id. With a cipher (the desktop app) the values on disk are
 * sealed by it and the file is `secrets.sealed.json`; a plain file left by browser mode is sealed
 * and removed when read. Values are held decrypted in memory because servers need them
 * synchronously when they start; every change re-reads the file first if it changed, so two MCP
 * Labs sharing the folder do not undo each other's changes.
 *
 * A file that cannot be read (broken JSON, a format it does not know, a seal it cannot open) makes
 * the store unreadable: servers that need a secret do not start, and nothing is written over the
 * file until a person repairs it or moves it aside.
 */
export class FileSecretStore extends SecretStoreBase {
  private readonly plainFile: string;
  private readonly sealedFile: string;
  /** Hashes of the files as last read or written: a change on disk shows as a different stamp. */
  private seen: string | undefined;

  private constructor(
    private readonly appDataDir: string,
    private readonly o: FileSecretStoreOptions,
  ) {
    super();
    this.plainFile = path.join(appDataDir, 'secrets.json');
    this.sealedFile = path.join(appDataDir, 'secrets.sealed.json');
  }

  static async open(appDataDir: string, options: FileSecretStoreOptions = {}): Promise<FileSecretStore> {
    const s = new FileSecretStore(appDataDir, options);
    await s.refresh();
    return s;
  }

  private get readsSealed(): boolean {
    return !!this.o.cipher || !!this.o.sealedIsMine;
  }

  protected async reload(): Promise<boolean> {
    let stamp: string | undefined;
    try {
      const plain = await readBytes(this.plainFile);
      const sealed = this.readsSealed ? await readBytes(this.sealedFile) : undefined;
      stamp = stampOf(plain, sealed);
      if (stamp === this.seen) return false;
      const { data, rewrite } = await this.decode(plain?.toString('utf8'), sealed?.toString('utf8'));
      this.data = data;
      this.damaged = undefined;
      this.seen = stamp;
      // An older format, or browser mode's plain file next to the sealed one: written once in the
      // current form (if that fails, the next change writes it).
      if (rewrite) await this.write().catch(() => undefined);
      return true;
    } catch (e) {
      if (!(e instanceof UnreadableSecretFile)) throw e;
      const same = this.damaged?.message === e.message;
      this.damaged = e;
      this.data = emptySecretData();
      this.seen = stamp;
      return !same;
    }
  }

  private async decode(plain: string | undefined, sealed: string | undefined): Promise<{ data: SecretData; rewrite: boolean }> {
    const cipher = this.o.cipher;
    if (!cipher) {
      if (sealed !== undefined)
        throw new UnreadableSecretFile(
          this.sealedFile,
          'its values are sealed with the OS keychain, which MCP Lab cannot use now (no keyring is available)',
        );
      return plain === undefined ? { data: emptySecretData(), rewrite: false } : this.decodePlain(plain);
    }
    let data = emptySecretData();
    let rewrite = false;
    if (sealed !== undefined) {
      const p = parseSecretFile(this.sealedFile, sealed, true);
      if (p.cipher !== cipher.name)
        throw new UnreadableSecretFile(
          this.sealedFile,
          `its values were sealed by "${p.cipher}", and this MCP Lab seals with "${cipher.name}"`,
        );
      const unseal = (v: string) =>
        cipher.decrypt(v).catch((e: unknown) => {
          throw new UnreadableSecretFile(
            this.sealedFile,
            `the OS keychain cannot unseal its values (${(e as Error).message}); they may have been sealed for another user or machine, or the keychain entry was reset`,
          );
        });
      if (p.kind === 'current') data = await mapSecretData(p.data, unseal);
      else {
        data = await attributeLegacySecrets(await mapValues(p.values, unseal), this.appDataDir);
        rewrite = true;
      }
    }
    if (plain !== undefined) {
      data = mergeSecretData(data, (await this.decodePlain(plain)).data);
      rewrite = true;
    }
    return { data, rewrite };
  }

  private async decodePlain(text: string): Promise<{ data: SecretData; rewrite: boolean }> {
    const p = parseSecretFile(this.plainFile, text, false);
    if (p.kind === 'current') return { data: p.data, rewrite: false };
    return { data: await attributeLegacySecrets(p.values, this.appDataDir), rewrite: true };
  }

  protected async write(): Promise<void> {
    const cipher = this.o.cipher;
    if (!cipher) {
      const text = serializeSecretData(this.data);
      await writeFileAtomically(this.plainFile, text, 0o600);
      this.seen = stampOf(Buffer.from(text), undefined);
      return;
    }
    const text = serializeSecretData(await mapSecretData(this.data, (v) => cipher.encrypt(v)), cipher.name);
    await writeFileAtomically(this.sealedFile, text, 0o600);
    await fs.rm(this.plainFile, { force: true }); // sealed now: no plain copy stays behind
    this.seen = stampOf(undefined, Buffer.from(text));
  }

  protected async moveFileAside(file: string): Promise<string> {
    const at = new Date((this.o.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
    const target = `${file}.damaged-${at}`;
    await fs.rename(file, target);
    return target;
  }
}

/** In memory only: the CLI's throwaway engine and tests. */
export class MemorySecretStore extends SecretStoreBase {
  constructor(initial?: Partial<SecretData>) {
    super();
    this.data = { ...emptySecretData(), ...structuredClone(initial ?? {}) };
  }
  protected async reload(): Promise<boolean> {
    return false;
  }
  protected async write(): Promise<void> {}
  protected async moveFileAside(file: string): Promise<string> {
    return file;
  }
}

/** What a person can do about an unreadable store. */
export const DAMAGED_WAY_OUT =
  "Repair it, or move it aside to start afresh (MCP Lab's window offers to, or rename the file yourself) and enter the secrets again.";

export function damagedMessage(e: UnreadableSecretFile): string {
  return `The secret store ${e.file} cannot be read: ${e.reason}. Servers that need a secret will not start, and MCP Lab will not write over the file. ${DAMAGED_WAY_OUT}`;
}

async function readBytes(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable (permissions): as damaged as broken JSON, and named the same way.
    throw new UnreadableSecretFile(file, `it cannot be opened (${(e as Error).message})`);
  }
}

function stampOf(plain: Buffer | undefined, sealed: Buffer | undefined): string {
  const h = (b: Buffer | undefined) => (b ? createHash('sha256').update(b).digest('hex') : '-');
  return `${h(plain)}|${h(sealed)}`;
}
