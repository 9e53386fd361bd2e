import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';
import { ServerConfigSchema, type ServerConfig } from '../../../src-shared/api/schemas/server';
import { WORKSPACE_FILE, type FileVersion } from '../../../src-shared/api/schemas/workspace';
import { writeFileAtomically } from './atomic-file';
import { fileVersion, sameContent } from './file-version';

const WorkspaceFileSchema = z.object({
  version: z.literal(1),
  servers: z.array(ServerConfigSchema).default([]),
});

/** What the file holds: its servers, or why they cannot be read. */
export type WorkspaceFileContent =
  { existed: boolean; servers: ServerConfig[]; problem?: undefined } | { existed: true; servers?: undefined; problem: string };

/**
 * The workspace's own file: its servers, in a plain JSON file meant to be committed to git.
 * Secret env values never land here (only `"secret": true` and the key).
 *
 * People edit it too (another editor, git, MCP Lab's own editor), so every read keeps the version
 * it read, and a write goes through only while the disk still holds that version: anything else
 * is a conflict, never an overwrite. A file that cannot be read is never written over.
 */
export class WorkspaceFile {
  readonly file: string;
  /** Set when the file exists but cannot be read: we then refuse to write over it. */
  problem: string | undefined;
  /** The version last read or written (null: there was no file). */
  private base: FileVersion | null = null;

  constructor(readonly dir: string) {
    this.file = path.join(dir, WORKSPACE_FILE);
  }

  async load(): Promise<{ servers: ServerConfig[]; existed: boolean }> {
    const content = await this.read();
    return { servers: content.servers ?? [], existed: content.existed };
  }

  /** What the file holds now, or undefined when it still holds the version last read or written. */
  async readIfChanged(): Promise<WorkspaceFileContent | undefined> {
    let disk;
    try {
      disk = await readVersioned(this.file);
    } catch (e) {
      return this.unreadable(e);
    }
    if (sameContent(disk?.version ?? null, this.base)) return undefined;
    return this.read(disk);
  }

  /** The disk holds something else than the version last read or written. */
  async changedOnDisk(): Promise<boolean> {
    const disk = await readVersioned(this.file).catch(() => undefined);
    // Unreadable now: not what was read, so nothing is written.
    return disk === undefined || !sameContent(disk?.version ?? null, this.base);
  }

  /** What a change based on an outdated read is refused with. */
  conflict(): ApiError {
    return new ApiError(
      'Conflict',
      `${this.file} was changed outside MCP Lab since MCP Lab read it, so your change was not saved (nothing was written over the file). MCP Lab loads what the file holds now: make the change again.`,
    );
  }

  /** Write the servers, only while the disk still holds the version last read or written. */
  async save(servers: ServerConfig[]): Promise<void> {
    if (this.problem) throw new ApiError('Conflict', this.problem);
    // An edit landing in the milliseconds between this check and the rename is still lost: closing
    // that window would need a lock every editor honours, and plain files have none.
    if (await this.changedOnDisk()) throw this.conflict();
    const clean = servers.map((s) =>
      s.transport === 'stdio'
        ? { ...s, env: s.env.map((e) => (e.secret ? { key: e.key, secret: true } : e)) }
        : // Remote servers: secret header values (bearer tokens) never land here either.
          { ...s, headers: s.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)) },
    );
    const text = JSON.stringify({ version: 1, servers: clean }, null, 2) + '\n';
    await writeFileAtomically(this.file, text);
    this.base = fileVersion(Buffer.from(text, 'utf8'), await fs.stat(this.file));
  }

  private async read(known?: { text: string; version: FileVersion } | null): Promise<WorkspaceFileContent> {
    let disk = known;
    if (disk === undefined) {
      try {
        disk = await readVersioned(this.file);
      } catch (e) {
        return this.unreadable(e);
      }
    }
    this.base = disk?.version ?? null;
    this.problem = undefined;
    if (!disk) return { servers: [], existed: false };
    let json: unknown;
    try {
      json = JSON.parse(disk.text);
    } catch (e) {
      this.problem = `${this.file} is not valid JSON (${(e as Error).message}). Fix it or move it away; MCP Lab will not overwrite it.`;
      return { existed: true, problem: this.problem };
    }
    const parsed = WorkspaceFileSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      this.problem = `${this.file} does not match the workspace format (at ${i?.path.join('.') || 'top level'}: ${i?.message}). Fix it or move it away; MCP Lab will not overwrite it.`;
      return { existed: true, problem: this.problem };
    }
    return { servers: parsed.data.servers, existed: true };
  }

  private unreadable(e: unknown): WorkspaceFileContent {
    this.problem = `${this.file} cannot be read (${(e as Error).message}). MCP Lab will not write to it until it can.`;
    return { existed: true, problem: this.problem };
  }
}

async function readVersioned(file: string): Promise<{ text: string; version: FileVersion } | null> {
  try {
    const [bytes, st] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    return { text: bytes.toString('utf8'), version: fileVersion(bytes, st) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
