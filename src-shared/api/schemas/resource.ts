import { z } from 'zod';
import { EpochMsSchema, FromAppSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { RequestTimeoutMsSchema, requestOutcomeSchema } from './request';
import { CacheHintSchema } from './cache-hint';

/** A resource as the server listed it. Loose: servers add fields, we keep them for display. */
export const ResourceInfoSchema = z.looseObject({
  uri: z.string(),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().optional(),
  annotations: JsonObjectSchema.optional(),
  _meta: JsonObjectSchema.optional(),
});
export type ResourceInfo = z.infer<typeof ResourceInfoSchema>;

export const ResourceTemplateInfoSchema = z.looseObject({
  /** RFC 6570, e.g. `notes://{id}`, `files://{path*}`, `search://notes{?q}`. */
  uriTemplate: z.string(),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: JsonObjectSchema.optional(),
  _meta: JsonObjectSchema.optional(),
});
export type ResourceTemplateInfo = z.infer<typeof ResourceTemplateInfoSchema>;

// Strict shapes (not loose) so `'text' in c` / `'blob' in c` / `'savedTo' in c` tell them apart.
export const TextResourceContentsSchema = z.object({
  uri: z.string(),
  mimeType: z.string().optional(),
  text: z.string(),
  _meta: JsonObjectSchema.optional(),
});
export const BlobResourceContentsSchema = z.object({
  uri: z.string(),
  mimeType: z.string().optional(),
  /** Base64. */
  blob: z.string(),
  _meta: JsonObjectSchema.optional(),
});
/**
 * Contents too large to carry to the UI (text over 1 MiB, blobs over 4 MiB of base64): the engine
 * wrote them to a file under `<appData>/downloads/` and sends where, instead of the data.
 */
export const SavedResourceContentsSchema = z.object({
  uri: z.string(),
  mimeType: z.string().optional(),
  kind: z.enum(['text', 'blob']),
  savedTo: z.string(),
  /** Decoded size: UTF-8 bytes for text, bytes for a blob. */
  bytes: z.number().int(),
  /** The first characters of a text, to show without opening the file. */
  preview: z.string().optional(),
});
export const ResourceContentsSchema = z.union([TextResourceContentsSchema, BlobResourceContentsSchema, SavedResourceContentsSchema]);
export type ResourceContents = z.infer<typeof ResourceContentsSchema>;
export type SavedResourceContents = z.infer<typeof SavedResourceContentsSchema>;

export const ResourcesListResultSchema = z.object({ resources: z.array(ResourceInfoSchema), pages: z.number().int() });
export const ResourcesListOutcomeSchema = requestOutcomeSchema(ResourcesListResultSchema);
export type ResourcesListOutcome = z.infer<typeof ResourcesListOutcomeSchema>;

export const ResourceTemplatesResultSchema = z.object({ resourceTemplates: z.array(ResourceTemplateInfoSchema), pages: z.number().int() });
export const ResourceTemplatesOutcomeSchema = requestOutcomeSchema(ResourceTemplatesResultSchema);
export type ResourceTemplatesOutcome = z.infer<typeof ResourceTemplatesOutcomeSchema>;

export const ResourceReadRequestSchema = z.object({
  serverId: ServerIdSchema,
  uri: z.string().min(1),
  timeoutMs: RequestTimeoutMsSchema,
  fromApp: FromAppSchema,
});
export type ResourceReadRequest = z.input<typeof ResourceReadRequestSchema>;
export const ResourceReadResultSchema = z.object({ contents: z.array(ResourceContentsSchema), _meta: JsonObjectSchema.optional() });
export type ResourceReadResult = z.infer<typeof ResourceReadResultSchema>;
export const ResourceReadOutcomeSchema = requestOutcomeSchema(ResourceReadResultSchema);
export type ResourceReadOutcome = z.infer<typeof ResourceReadOutcomeSchema>;

/** Params of `resources.subscribe` / `resources.unsubscribe`. */
export const ResourceSubscriptionRequestSchema = ResourceReadRequestSchema.omit({ fromApp: true });

/** One `notifications/resources/updated`, as the `resources.updated` stream delivers it. */
export const ResourceUpdateSchema = z.object({ serverId: ServerIdSchema, uri: z.string(), at: EpochMsSchema });
export type ResourceUpdate = z.infer<typeof ResourceUpdateSchema>;

/** The server's resources and templates as last listed (start, list_changed, an explicit list). */
export const ResourceListSchema = z.object({
  serverId: ServerIdSchema,
  resources: z.array(ResourceInfoSchema),
  resourceTemplates: z.array(ResourceTemplateInfoSchema),
  /** Pages `resources/list` took (0: not listed, e.g. the server does not offer resources). */
  pages: z.number().int(),
  templatePages: z.number().int(),
  listedAt: EpochMsSchema,
  /** The server's cache hints on `resources/list` and `resources/templates/list` (2026-07-28). */
  cache: CacheHintSchema.optional(),
  templateCache: CacheHintSchema.optional(),
  /** URIs this run of the server was subscribed to through `resources.subscribe`. */
  subscriptions: z.array(z.string()),
});
export type ResourceList = z.infer<typeof ResourceListSchema>;

/**
 * Params of `resources.expandTemplate`: an RFC 6570 template (`notes://{id}`, FastMCP's
 * `files://{path*}` and `search://notes{?q,limit}`) and values for its variables. Empty values are
 * left out of the expansion, so an unfilled query variable disappears instead of becoming `q=`.
 */
export const ResourceTemplateExpandRequestSchema = z.object({
  uriTemplate: z
    .string()
    .min(1)
    .max(64 * 1024),
  variables: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
});
export type ResourceTemplateExpandRequest = z.input<typeof ResourceTemplateExpandRequestSchema>;
export const ResourceTemplateExpansionSchema = z.object({ uri: z.string() });
export type ResourceTemplateExpansion = z.infer<typeof ResourceTemplateExpansionSchema>;
