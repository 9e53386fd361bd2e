import { z } from 'zod';
import { ServerIdSchema } from './common';
import { RequestTimeoutMsSchema, requestOutcomeSchema } from './request';

/** What is being completed: an argument of a prompt, or a variable of a resource template. */
export const CompletionRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ref/prompt'), name: z.string().min(1) }),
  z.object({ type: z.literal('ref/resource'), uri: z.string().min(1) }),
]);
export type CompletionRef = z.infer<typeof CompletionRefSchema>;

export const CompletionRequestSchema = z.object({
  serverId: ServerIdSchema,
  ref: CompletionRefSchema,
  argument: z.object({ name: z.string().min(1), value: z.string() }),
  /** Values already chosen for other arguments (servers may narrow suggestions with them). */
  context: z.object({ arguments: z.record(z.string(), z.string()) }).optional(),
  timeoutMs: RequestTimeoutMsSchema,
});
export type CompletionRequest = z.input<typeof CompletionRequestSchema>;

export const CompletionResultSchema = z.object({
  values: z.array(z.string()),
  total: z.number().int().optional(),
  hasMore: z.boolean().optional(),
});
export type CompletionResult = z.infer<typeof CompletionResultSchema>;
export const CompletionOutcomeSchema = requestOutcomeSchema(CompletionResultSchema);
export type CompletionOutcome = z.infer<typeof CompletionOutcomeSchema>;
