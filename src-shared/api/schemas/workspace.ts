import { z } from 'zod';
import { EpochMsSchema } from './common';

/** A workspace's server list, in its folder: what makes a folder a workspace. */
export const WORKSPACE_FILE = 'mcp-lab.json';
/** Saved suites, relative to the workspace folder ("/" separators, as on the wire). */
export const TESTS_DIR = '.mcp-lab/tests';

/**
 * Workspace files as the editor sees them. Paths on the wire are relative to the workspace folder,
 * with "/" separators; the engine resolves every one of them inside the folder (no "..", no
 * symlink that leads outside).
 */
export const WorkspacePathSchema = z.string().max(4096);

/** What a buffer was based on: a save only goes through while the disk still holds this version. */
export const FileVersionSchema = z.object({
  mtimeMs: z.number(),
  size: z.number().int(),
  /** sha256 of the bytes, hex. Decides "same content" (an mtime alone can change without an edit). */
  hash: z.string(),
});
export type FileVersion = z.infer<typeof FileVersionSchema>;

export const TreeEntrySchema = z.object({
  name: z.string(),
  path: WorkspacePathSchema,
  kind: z.enum(['file', 'dir']),
  /** A symlink whose target lies outside the workspace: listed, never opened. */
  outside: z.boolean().optional(),
});
export type TreeEntry = z.infer<typeof TreeEntrySchema>;

export const TreeRequestSchema = z.object({
  /** The folder to list ("" = the workspace root). One level per call: the tree loads lazily. */
  dir: WorkspacePathSchema.default(''),
  /** Also list node_modules, .venv, .git, .cache, dist, out, __pycache__ and the like. */
  showIgnored: z.boolean().default(false),
});
export const TreeListingSchema = z.object({
  dir: WorkspacePathSchema,
  entries: z.array(TreeEntrySchema),
  /** How many entries were left out as ignored folders. */
  ignored: z.number().int(),
  /** The workspace folder does not exist yet: its first saved file (a new server, an example) creates it. */
  missing: z.literal(true).optional(),
});
export type TreeListing = z.infer<typeof TreeListingSchema>;

export const FileContentSchema = z.object({
  path: WorkspacePathSchema,
  content: z.string(),
  version: FileVersionSchema,
});
export type FileContent = z.infer<typeof FileContentSchema>;

export const FileSaveRequestSchema = z.object({
  path: WorkspacePathSchema,
  content: z.string(),
  /** The version the buffer was read from; null for a new file (which must not exist yet). */
  baseVersion: FileVersionSchema.nullable(),
  /** Overwrite whatever is on disk ("keep mine" after a conflict was shown). */
  force: z.boolean().default(false),
});
export type FileSaveRequest = z.input<typeof FileSaveRequestSchema>;

/** A save never overwrites silently: a changed disk comes back as a conflict with what is there. */
export const FileSaveOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: WorkspacePathSchema, version: FileVersionSchema }),
  z.object({
    status: z.literal('conflict'),
    path: WorkspacePathSchema,
    /** What the disk holds now; null when the file was deleted. */
    disk: z.object({ content: z.string(), version: FileVersionSchema }).nullable(),
  }),
  /** Nothing was written: the original is intact and the buffer stays dirty. */
  z.object({ status: z.literal('failed'), path: WorkspacePathSchema, message: z.string(), code: z.string().optional() }),
]);
export type FileSaveOutcome = z.infer<typeof FileSaveOutcomeSchema>;

export const FileChangeSchema = z.object({
  path: WorkspacePathSchema,
  kind: z.enum(['added', 'changed', 'removed', 'addedDir', 'removedDir']),
});
export type FileChange = z.infer<typeof FileChangeSchema>;
export const FileChangeBatchSchema = z.object({ changes: z.array(FileChangeSchema) });
export type FileChangeBatch = z.infer<typeof FileChangeBatchSchema>;

/** A dirty buffer as journaled in the app-data folder, so a crash loses nothing. */
export const JournalEntrySchema = z.object({
  path: WorkspacePathSchema,
  content: z.string(),
  baseVersion: FileVersionSchema.nullable(),
  updatedAt: EpochMsSchema,
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const JournalUpdateSchema = z.object({
  path: WorkspacePathSchema,
  /** null: the buffer is clean again (saved or reverted); drop it from the journal. */
  content: z.string().nullable(),
  baseVersion: FileVersionSchema.nullable().default(null),
});
export type JournalUpdate = z.input<typeof JournalUpdateSchema>;

export const RecoveryEntrySchema = JournalEntrySchema.extend({
  /** The disk changed since the buffer was based on it (recovering means resolving a conflict). */
  diskChanged: z.boolean(),
});
export type RecoveryEntry = z.infer<typeof RecoveryEntrySchema>;

export const WorkspaceInfoSchema = z.object({
  dir: z.string(),
  name: z.string(),
  /** Folders this host may open (browser mode: the roots given to `serve --allow-root`). Empty = any. */
  allowedRoots: z.array(z.string()),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const RecentWorkspaceSchema = z.object({ dir: z.string(), name: z.string(), openedAt: EpochMsSchema, exists: z.boolean() });
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;
