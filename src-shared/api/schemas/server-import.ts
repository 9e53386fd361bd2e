import { z } from 'zod';
import { ServerIdSchema } from './common';

/**
 * Server lists of the ecosystem: Claude Desktop (`claude_desktop_config.json`, `mcpServers`),
 * VS Code (`.vscode/mcp.json`, `servers` + `inputs`), Cursor (`.cursor/mcp.json`, `mcpServers`)
 * and MCP Lab's own `mcp-lab.json`.
 */
export const ServerListFormatSchema = z.enum(['claude', 'vscode', 'cursor', 'mcp-lab']);
export type ServerListFormat = z.infer<typeof ServerListFormatSchema>;

export const SERVER_LIST_FORMAT_LABELS: Record<ServerListFormat, string> = {
  claude: 'Claude Desktop',
  vscode: 'VS Code',
  cursor: 'Cursor',
  'mcp-lab': 'MCP Lab',
};

/** At most this much text is read as a server list (real ones are a few KiB). */
export const MAX_IMPORT_TEXT_CHARS = 2 * 1024 * 1024;

export const ImportPreviewRequestSchema = z
  .object({
    /** The file's text (a file the person picked, or pasted text). */
    text: z.string().max(MAX_IMPORT_TEXT_CHARS).optional(),
    /** A file the engine reads: one of `servers.importSources`, or a file inside the workspace. */
    path: z.string().min(1).optional(),
    /** The picked file's name: it helps tell the format and names the file in errors. */
    fileName: z.string().max(500).optional(),
    /** Absent: told from the file's shape and name. */
    format: ServerListFormatSchema.optional(),
  })
  .refine((p) => (p.text === undefined) !== (p.path === undefined), { message: 'give either text or path' });
export type ImportPreviewRequest = z.input<typeof ImportPreviewRequestSchema>;

export const ImportEnvEntrySchema = z.object({
  key: z.string(),
  /** Kept in the secret store, never in mcp-lab.json. */
  secret: z.boolean(),
  /** Plain values only: secret values never travel to the UI. */
  value: z.string().optional(),
  /** The file referred to a value it does not hold (`${input:…}`, `${env:…}`, a placeholder): fill it in. */
  needsValue: z.boolean().optional(),
  /** Where the value was to come from, as written in the file (`${input:api-key}`). */
  reference: z.string().optional(),
  /** VS Code's `inputs[].description`, when there is one. */
  description: z.string().optional(),
});
export type ImportEnvEntry = z.infer<typeof ImportEnvEntrySchema>;

export const ImportEntrySchema = z.object({
  /** The server's name in the file (unique within it): `servers.import` picks entries by it. */
  key: z.string(),
  name: z.string(),
  /** add: as is; rename: its id was taken; skip: not imported (`reason`); invalid: the entry is broken (`reason`). */
  action: z.enum(['add', 'rename', 'skip', 'invalid']),
  /** The id it would get. */
  id: ServerIdSchema.optional(),
  reason: z.string().optional(),
  /** Where the entry starts in the file (1-based). */
  line: z.number().int().optional(),
  transport: z.string(),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  cwd: z.string().optional(),
  /** The whole command line, quoted as a shell would need it: what the person agrees to. */
  commandLine: z.string().optional(),
  /** A remote server's address (http / sse). */
  url: z.string().optional(),
  env: z.array(ImportEnvEntrySchema),
  /** A remote server's headers, as env entries are shown (secret values never). */
  headers: z.array(ImportEnvEntrySchema).optional(),
  /** Worth a second look before it runs (a shell, sudo, rm -rf…), and what the import changed. */
  warnings: z.array(z.string()),
});
export type ImportEntry = z.infer<typeof ImportEntrySchema>;

export const ImportProblemSchema = z.object({
  message: z.string(),
  /** The entry it is about (absent: the whole file). */
  entry: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportPreviewSchema = z.object({
  /** Pass to `servers.import`; a preview is kept for 30 minutes. */
  previewId: z.string(),
  format: ServerListFormatSchema,
  /** The file (path or picked name) or "pasted text". */
  source: z.string(),
  entries: z.array(ImportEntrySchema),
  /** The file cannot be read as a server list at all (entries is empty then), or parts of it are ignored. */
  problems: z.array(ImportProblemSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportRequestSchema = z.object({
  previewId: z.string(),
  /** The entries to import (by key), each with the values the person filled in for its secrets. */
  entries: z
    .array(
      z.object({
        key: z.string(),
        /** Values for env entries (or headers) that need one (`needsValue`); stored as secrets. */
        secrets: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1),
});
export type ImportRequest = z.input<typeof ImportRequestSchema>;

export const ImportResultSchema = z.object({
  /** Added and not approved: each needs a person's review before its first start. */
  added: z.array(z.object({ key: z.string(), id: ServerIdSchema, name: z.string() })),
  skipped: z.array(z.object({ key: z.string(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExportRequestSchema = z.object({
  format: ServerListFormatSchema,
  /** Absent: every server of the workspace. */
  serverIds: z.array(ServerIdSchema).optional(),
});
export type ExportRequest = z.input<typeof ExportRequestSchema>;

export const ExportResultSchema = z.object({
  format: ServerListFormatSchema,
  /** The file name that format expects (`claude_desktop_config.json`, `mcp.json`…). */
  fileName: z.string(),
  text: z.string(),
  exported: z.number().int(),
  /** What the export could not carry (secret values, a working directory, remote servers…). */
  warnings: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

/** A place on this machine where another client keeps its server list. */
export const ImportSourceSchema = z.object({
  id: z.string(),
  /** "Claude Desktop", "Cursor (this workspace)"… */
  label: z.string(),
  format: ServerListFormatSchema,
  path: z.string(),
  exists: z.boolean(),
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;
