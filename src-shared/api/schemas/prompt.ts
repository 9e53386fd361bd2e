import { z } from 'zod';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { RequestTimeoutMsSchema, requestOutcomeSchema } from './request';
import { CacheHintSchema } from './cache-hint';

export const PromptArgumentInfoSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
});

/** A prompt as the server listed it. Loose: servers add fields, we keep them for display. */
export const PromptInfoSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  arguments: z.array(PromptArgumentInfoSchema).optional(),
  _meta: JsonObjectSchema.optional(),
});
export type PromptInfo = z.infer<typeof PromptInfoSchema>;

export const PromptsListResultSchema = z.object({ prompts: z.array(PromptInfoSchema), pages: z.number().int() });
export const PromptsListOutcomeSchema = requestOutcomeSchema(PromptsListResultSchema);
export type PromptsListOutcome = z.infer<typeof PromptsListOutcomeSchema>;

export const PromptGetRequestSchema = z.object({
  serverId: ServerIdSchema,
  name: z.string().min(1),
  /** Prompt arguments are strings in MCP. */
  arguments: z.record(z.string(), z.string()).default({}),
  timeoutMs: RequestTimeoutMsSchema,
});
export type PromptGetRequest = z.input<typeof PromptGetRequestSchema>;

/** The engine checked it against the MCP schema; the contract only carries it. */
const GetPromptResultSchema = z.custom<GetPromptResult>((v) => typeof v === 'object' && v !== null);
export const PromptGetOutcomeSchema = requestOutcomeSchema(GetPromptResultSchema);
export type PromptGetOutcome = z.infer<typeof PromptGetOutcomeSchema>;

/** The server's prompts as last listed (start, list_changed, an explicit list). */
export const PromptListSchema = z.object({
  serverId: ServerIdSchema,
  prompts: z.array(PromptInfoSchema),
  /** Pages `prompts/list` took (0: not listed, e.g. the server does not offer prompts). */
  pages: z.number().int(),
  listedAt: EpochMsSchema,
  /** The server's cache hints on the list (2026-07-28). */
  cache: CacheHintSchema.optional(),
});
export type PromptList = z.infer<typeof PromptListSchema>;
