import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema } from './common';

/** What marks a file as a surface snapshot: `--save` overwrites only files that carry it. */
export const SURFACE_FORMAT = 'mcp-lab/surface';
export const SURFACE_FORMAT_VERSION = 1;

export const SurfaceToolSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: JsonObjectSchema,
  outputSchema: JsonObjectSchema.optional(),
  annotations: JsonObjectSchema.optional(),
  /** `execution.taskSupport` and whatever else the server declares about how the tool runs. */
  execution: JsonObjectSchema.optional(),
});
export type SurfaceTool = z.infer<typeof SurfaceToolSchema>;

export const SurfaceResourceSchema = z.object({
  uri: z.string(),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
});
export type SurfaceResource = z.infer<typeof SurfaceResourceSchema>;

export const SurfaceTemplateSchema = z.object({
  uriTemplate: z.string(),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
});
export type SurfaceTemplate = z.infer<typeof SurfaceTemplateSchema>;

export const SurfacePromptSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  arguments: z.array(
    z.object({ name: z.string(), title: z.string().optional(), description: z.string().optional(), required: z.boolean().optional() }),
  ),
});
export type SurfacePrompt = z.infer<typeof SurfacePromptSchema>;

/**
 * Everything a client can rely on about a server: what it is, what it declares and what it
 * offers. Lists are sorted and keys ordered, so two snapshots of the same server are the same
 * text and a `git diff` of two versions shows only what changed. No timestamps inside.
 */
export const ServerSurfaceSchema = z.object({
  format: z.literal(SURFACE_FORMAT),
  formatVersion: z.literal(SURFACE_FORMAT_VERSION),
  server: z.object({ name: z.string(), version: z.string(), protocolVersion: z.string().optional() }),
  capabilities: JsonObjectSchema,
  tools: z.array(SurfaceToolSchema),
  resources: z.array(SurfaceResourceSchema),
  resourceTemplates: z.array(SurfaceTemplateSchema),
  prompts: z.array(SurfacePromptSchema),
});
export type ServerSurface = z.infer<typeof ServerSurfaceSchema>;

export const SurfaceChangeSchema = z.object({
  /** Breaking: a client written against the earlier surface can fail now. */
  severity: z.enum(['breaking', 'compatible']),
  kind: z.enum(['tool', 'resource', 'template', 'prompt', 'capability']),
  /** The tool's, prompt's or capability's name; the resource's URI; the template's URI template. */
  name: z.string(),
  /** Where inside it, e.g. `input.city`, `output.items[].id`, `argument topic` (absent: the item itself). */
  at: z.string().optional(),
  /** What happened, in words, e.g. "parameter became required". */
  message: z.string(),
});
export type SurfaceChange = z.infer<typeof SurfaceChangeSchema>;

/** One recorded surface of a server: each start and each hot reload that changed it. */
export const SurfaceVersionSchema = z.object({
  id: z.string(),
  recordedAt: EpochMsSchema,
  trigger: z.enum(['start', 'reload']),
  surface: ServerSurfaceSchema,
});
export type SurfaceVersion = z.infer<typeof SurfaceVersionSchema>;
