import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema } from './common';
import { HistoryEntrySchema } from './history';
import { LoadRunSchema } from './load';
import { LogEntrySchema } from './log';
import { NetworkEntrySchema } from './network';
import { ServerInfoSchema } from './server';
import { ServerSurfaceSchema } from './surface';

export const SESSION_FORMAT = 'mcp-lab/session';

/**
 * One server's session as a single file, for attaching to an issue or a review: what it is, what
 * it offered, its protocol log, its call history, its load runs and (remote) its HTTP requests.
 * Secrets are blanked before it is written; it opens read-only, without the server.
 */
export const SessionFileSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: EpochMsSchema,
  appVersion: z.string(),
  server: z.object({
    name: z.string(),
    /** The settings, secret values blanked (env and header keys stay, to show what was set). */
    config: JsonObjectSchema,
    info: ServerInfoSchema.optional(),
    /** Its state when exported (`ready`, `stopped`…). */
    state: z.string(),
  }),
  surface: ServerSurfaceSchema.optional(),
  log: z.array(LogEntrySchema),
  history: z.array(HistoryEntrySchema),
  loadRuns: z.array(LoadRunSchema),
  network: z.array(NetworkEntrySchema),
});
export type SessionFile = z.infer<typeof SessionFileSchema>;

export const SessionExportSchema = z.object({ fileName: z.string(), text: z.string() });
export type SessionExport = z.infer<typeof SessionExportSchema>;
