import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { SurfaceVersionSchema, type SurfaceVersion } from '../../../src-shared/api/schemas/surface';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';

/** How many surfaces of one server are kept: enough to look back over a day's work. */
export const MAX_SURFACE_VERSIONS = 30;

const SurfaceFileSchema = z.object({ mcpLabSurfaces: z.literal(1), serverId: z.string(), versions: z.array(SurfaceVersionSchema) });

/** The folder of a workspace's surfaces in the app-data folder (beside its history, keyed the same way). */
export function surfaceDirFor(appDataDir: string, workspaceDir: string): string {
  const key = createHash('sha256').update(path.resolve(workspaceDir)).digest('hex').slice(0, 16);
  return path.join(appDataDir, 'surfaces', key);
}

/**
 * The recorded surfaces of a workspace's servers: one JSON file per server, newest version first,
 * at most `max` of them, rewritten atomically. A file that cannot be read is left where it is and
 * a new one is not written over it: the versions start again in memory and the problem is kept.
 */
export class SurfaceStore {
  private readonly cache = new Map<string, SurfaceVersion[]>();
  private readonly damaged = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  problem: string | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly max = MAX_SURFACE_VERSIONS,
  ) {}

  private fileOf(serverId: string): string | undefined {
    return this.dir === undefined ? undefined : path.join(this.dir, `${serverId}.json`);
  }

  /** The versions if they were loaded already (no disk access). */
  cached(serverId: string): SurfaceVersion[] | undefined {
    return this.cache.get(serverId);
  }

  async versions(serverId: string): Promise<SurfaceVersion[]> {
    const cached = this.cache.get(serverId);
    if (cached) return cached;
    const file = this.fileOf(serverId);
    let versions: SurfaceVersion[] = [];
    if (file) {
      const text = await readTextIfExists(file).catch((e: Error) => {
        this.problem = `cannot read ${file}: ${e.message}`;
        return undefined;
      });
      if (text !== undefined) {
        let parsed: ReturnType<typeof SurfaceFileSchema.safeParse> | undefined;
        try {
          parsed = SurfaceFileSchema.safeParse(JSON.parse(text));
        } catch {
          parsed = undefined;
        }
        if (parsed?.success) versions = parsed.data.versions;
        else {
          this.damaged.add(serverId);
          this.problem = `${file} is not a surface file MCP Lab can read; it is left as it is and new versions are kept in memory only`;
        }
      }
    }
    // Another call may have filled it meanwhile (both read the same file).
    const now = this.cache.get(serverId) ?? versions;
    this.cache.set(serverId, now);
    return now;
  }

  /** Add a version (newest first), drop the oldest past the bound, and save. */
  async add(serverId: string, version: SurfaceVersion): Promise<SurfaceVersion[]> {
    const list = [version, ...(await this.versions(serverId))].slice(0, this.max);
    this.cache.set(serverId, list);
    const file = this.fileOf(serverId);
    if (file && !this.damaged.has(serverId)) {
      const text = JSON.stringify({ mcpLabSurfaces: 1, serverId, versions: list }) + '\n';
      this.chain = this.chain
        .then(() => writeFileAtomically(file, text, 0o600))
        .catch((e: Error) => {
          this.problem = `cannot save ${file}: ${e.message}`;
        });
    }
    return list;
  }

  /** Resolves when every save asked for so far is on disk (or failed). */
  flushed(): Promise<void> {
    return this.chain;
  }
}
