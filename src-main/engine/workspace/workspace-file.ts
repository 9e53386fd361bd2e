import path from 'node:path';
import { z } from 'zod';
import { ServerConfigSchema, type ServerConfig } from '../../../src-shared/api/schemas/server';
import { readTextIfExists, writeFileAtomically } from './atomic-file';

export const WORKSPACE_FILE = 'mcp-lab.json';

const WorkspaceFileSchema = z.object({
  version: z.literal(1),
  servers: z.array(ServerConfigSchema).default([]),
});

export class WorkspaceFileError extends Error {}

/**
 * The workspace's own file: its servers, in a plain JSON file meant to be committed to git.
 * Secret env values never land here (only `"secret": true` and the key).
 */
export class WorkspaceFile {
  readonly file: string;
  /** Set when the file exists but cannot be read: we then refuse to write over it. */
  problem: string | undefined;

  constructor(readonly dir: string) {
    this.file = path.join(dir, WORKSPACE_FILE);
  }

  async load(): Promise<{ servers: ServerConfig[]; existed: boolean }> {
    const text = await readTextIfExists(this.file);
    if (text === undefined) return { servers: [], existed: false };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      this.problem = `${this.file} is not valid JSON (${(e as Error).message}). Fix it or move it away; MCP Lab will not overwrite it.`;
      return { servers: [], existed: true };
    }
    const parsed = WorkspaceFileSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      this.problem = `${this.file} does not match the workspace format (at ${i?.path.join('.') || 'top level'}: ${i?.message}). Fix it or move it away; MCP Lab will not overwrite it.`;
      return { servers: [], existed: true };
    }
    return { servers: parsed.data.servers, existed: true };
  }

  async save(servers: ServerConfig[]): Promise<void> {
    if (this.problem) throw new WorkspaceFileError(this.problem);
    const clean = servers.map((s) =>
      s.transport === 'stdio'
        ? { ...s, env: s.env.map((e) => (e.secret ? { key: e.key, secret: true } : e)) }
        : // Remote servers (issue 3): secret header values (bearer tokens) never land here either.
          { ...s, headers: s.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)) },
    );
    await writeFileAtomically(this.file, JSON.stringify({ version: 1, servers: clean }, null, 2) + '\n');
  }
}
