import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';

/** Hot reload: a watched file was saved, the server restarted, and this is what changed. */
export const ToolChangeSchema = z.object({
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** What the tool looked like before and after (schemas, description, annotations), for a diff. */
  before: JsonObjectSchema.optional(),
  after: JsonObjectSchema.optional(),
});
export type ToolChange = z.infer<typeof ToolChangeSchema>;

export const SourceLocationSchema = z.object({
  /** As shown to a person (relative to the workspace when inside it). */
  file: z.string(),
  /** The file's path inside the workspace, to open it in the editor. */
  workspacePath: z.string().optional(),
  line: z.number().int(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const ReloadEventSchema = z.object({
  serverId: ServerIdSchema,
  at: EpochMsSchema,
  /** The saved files that caused it (relative to the server's folder). */
  trigger: z.array(z.string()),
  state: z.enum(['restarting', 'ready', 'failed']),
  tools: z.array(ToolChangeSchema),
  /** Names added/removed among resources, resource templates and prompts. */
  others: z.array(z.object({ kind: z.enum(['resource', 'template', 'prompt']), name: z.string(), change: z.enum(['added', 'removed']) })),
  /** When the new code did not start: the message, the server's last stderr lines and where the traceback points. */
  error: z
    .object({
      message: z.string(),
      stderrTail: z.array(z.string()),
      location: SourceLocationSchema.optional(),
    })
    .optional(),
});
export type ReloadEvent = z.infer<typeof ReloadEventSchema>;
