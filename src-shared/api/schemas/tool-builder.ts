import { z } from 'zod';
import { ToolModelSchema } from '../../tool-builder/tool-model';
import { ServerIdSchema } from './common';
import { FileVersionSchema } from './workspace';

/** The tool builder: a server's tools read from its source, changes planned as diffs. */
const SourceLocationSchema = z.object({
  serverId: ServerIdSchema,
  language: z.enum(['python', 'typescript']),
  /** The source file as shown to a person (relative to the workspace when inside it). */
  file: z.string(),
  /** The file's path inside the workspace, to open it in the editor (absent when it lies outside). */
  workspacePath: z.string().optional(),
});

export const ToolSourceSchema = SourceLocationSchema.extend({
  tools: z.array(z.object({ model: ToolModelSchema, line: z.number().int(), endLine: z.number().int() })),
  /** Tools found but not expressible in the builder: listed with the reason, left alone. */
  unreadable: z.array(z.object({ name: z.string(), line: z.number().int(), reason: z.string() })),
  syntaxError: z.object({ line: z.number().int().nullable(), message: z.string() }).optional(),
  version: FileVersionSchema,
});
export type ToolSource = z.infer<typeof ToolSourceSchema>;

export const ToolPlanRequestSchema = z.object({
  serverId: ServerIdSchema,
  tool: ToolModelSchema,
  /** The name of the tool being edited; absent to add a new tool. */
  replace: z.string().optional(),
});
export type ToolPlanRequest = z.input<typeof ToolPlanRequestSchema>;

export const ToolIssueSchema = z.object({ path: z.string(), message: z.string() });

export const ToolPlanSchema = SourceLocationSchema.extend({
  /** The file now, and as it would be: shown as a diff before anything is written. */
  original: z.string(),
  modified: z.string(),
  baseVersion: FileVersionSchema,
  /** Mistakes in the model (invalid names, duplicates, defaults out of range): nothing to apply while any. */
  issues: z.array(ToolIssueSchema),
});
export type ToolPlan = z.infer<typeof ToolPlanSchema>;

export const ToolApplyRequestSchema = z.object({
  serverId: ServerIdSchema,
  content: z.string(),
  /** The version the plan was made from: a file changed since is a conflict, never overwritten. */
  baseVersion: FileVersionSchema,
});
