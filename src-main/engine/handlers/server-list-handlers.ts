import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { MAX_IMPORT_TEXT_CHARS, type ImportResult } from '../../../src-shared/api/schemas/server-import';
import type { ServerConfigInput } from '../../../src-shared/api/schemas/server';
import type { ServerManager } from '../servers/server-manager';
import { importSources } from '../server-lists/import-sources';
import { planImport, type PlannedEntry } from '../server-lists/plan-import';
import { readServerList } from '../server-lists/read-server-list';
import { writeServerList } from '../server-lists/write-server-list';
import { isInside } from '../workspace/safe-path';

type ServerListMethods = 'servers.importSources' | 'servers.importPreview' | 'servers.import' | 'servers.export';

const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 8;

export interface ServerListDeps {
  servers: ServerManager;
  workspaceDir: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Import and export of server lists. A preview is planned here and kept (secret values from the
 * file never travel to the UI); an import adds the chosen entries of a preview, unapproved: each
 * must be reviewed by a person before its first start. Nothing here starts a server.
 */
export function createServerListHandlers({ servers, workspaceDir, env }: ServerListDeps): Pick<ApiHandlers, ServerListMethods> {
  const previews = new Map<string, { entries: PlannedEntry[]; at: number }>();
  const keep = (entries: PlannedEntry[]): string => {
    const now = Date.now();
    for (const [id, p] of previews) if (now - p.at > PREVIEW_TTL_MS || previews.size >= MAX_PREVIEWS) previews.delete(id);
    const id = randomUUID();
    previews.set(id, { entries, at: now });
    return id;
  };

  return {
    'servers.importSources': async () => importSources(workspaceDir, env),

    'servers.importPreview': async ({ text, path: file, fileName, format }) => {
      let source = fileName ?? 'pasted text';
      let body = text ?? '';
      let folder: string | undefined;
      if (file !== undefined) {
        const full = await readablePath(file, workspaceDir, env);
        body = await readSmall(full);
        source = full;
      }
      // A workspace file (.vscode/mcp.json, .cursor/mcp.json) given by its path knows its ${workspaceFolder}.
      const named = file !== undefined ? source : fileName;
      if (named && path.isAbsolute(named) && /[\\/]\.(vscode|cursor)[\\/]mcp\.json$/.test(named))
        folder = path.dirname(path.dirname(named));
      const read = readServerList(body, { ...((file ?? fileName) ? { fileName: file ?? fileName } : {}), ...(format ? { format } : {}) });
      const home = env.HOME ?? env.USERPROFILE;
      const planned = planImport(read, {
        existing: servers.list().map((s) => s.config),
        freeId: (name, reserved) => servers.freeId(name, reserved),
        places: { workspaceFolder: folder ?? workspaceDir, ...(home ? { userHome: home } : {}), pathSeparator: path.sep },
        workspaceFolderGuessed: folder === undefined,
      });
      return {
        previewId: keep(planned),
        format: read.format,
        source,
        entries: planned.map((p) => p.view),
        problems: read.problems.map((p) => ({ ...p })),
      };
    },

    'servers.import': async ({ previewId, entries }) => {
      const preview = previews.get(previewId);
      if (!preview)
        throw new ApiError('NotFound', 'this import preview is no longer kept (it is kept for 30 minutes): preview the file again');
      previews.delete(previewId);
      const result: ImportResult = { added: [], skipped: [] };
      for (const want of entries) {
        const planned = preview.entries.find((p) => p.view.key === want.key);
        if (!planned?.config) {
          result.skipped.push({
            key: want.key,
            reason: planned ? (planned.view.reason ?? 'it cannot be imported') : 'it is not in this preview',
          });
          continue;
        }
        const config = planned.config;
        // The workspace may have changed since the preview: take another id rather than fail.
        const id = servers.has(config.id) ? servers.freeId(config.id) : config.id;
        // The values the person typed for the secrets the file only referred to.
        const fill = <T extends { key: string; value?: string; secret?: boolean }>(list: T[] | undefined): T[] =>
          (list ?? []).map((e) => (e.secret && e.value === undefined && want.secrets[e.key] ? { ...e, value: want.secrets[e.key] } : e));
        const input: ServerConfigInput =
          config.transport === 'stdio' ? { ...config, id, env: fill(config.env) } : { ...config, id, headers: fill(config.headers) };
        try {
          // Imported, not typed by a person: it waits for a review of its command line before it runs.
          const added = await servers.add(input, { approve: false });
          result.added.push({ key: want.key, id: added.config.id, name: added.config.name });
        } catch (e) {
          result.skipped.push({ key: want.key, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      return result;
    },

    'servers.export': async ({ format, serverIds }) => {
      const all = servers.list().map((s) => s.config);
      for (const id of serverIds ?? [])
        if (!all.some((c) => c.id === id)) throw new ApiError('NotFound', `no server with id "${id}" in this workspace`);
      const chosen = serverIds ? all.filter((c) => serverIds.includes(c.id)) : all;
      return writeServerList(format, chosen, workspaceDir);
    },
  };
}

/** Only the known places of other clients' lists, or files inside the workspace: the UI does not get to read the disk. */
async function readablePath(file: string, workspaceDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const full = path.resolve(workspaceDir, file);
  const known = importSources(workspaceDir, env).some((s) => path.resolve(s.path) === full);
  if (!known) {
    const realRoot = await fs.realpath(workspaceDir).catch(() => path.resolve(workspaceDir));
    const real = await fs.realpath(full).catch(() => full);
    if (!isInside(realRoot, real)) {
      throw new ApiError(
        'InvalidParams',
        `${file} is neither a known server list of another client nor a file inside the workspace: open it in the import dialog as a file instead`,
      );
    }
  }
  return full;
}

async function readSmall(file: string): Promise<string> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (e) {
    throw new ApiError(
      'NotFound',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}`,
    );
  }
  if (size > MAX_IMPORT_TEXT_CHARS)
    throw new ApiError('InvalidParams', `${file} is ${Math.round(size / 1024)} KiB: too large to be a server list`);
  return fs.readFile(file, 'utf8');
}
