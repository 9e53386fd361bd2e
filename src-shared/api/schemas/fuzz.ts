import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { TestCaseSchema } from './testing';

export const MAX_FUZZ_RUNS = 2000;

export const FuzzSpecSchema = z.object({
  serverId: ServerIdSchema,
  toolName: z.string().min(1),
  /** Same seed, same inputs: a run can be replayed. Absent: a random seed (reported back). */
  seed: z.number().int().nonnegative().max(0xffffffff).optional(),
  runs: z.number().int().positive().max(MAX_FUZZ_RUNS).default(100),
  /** A call without an answer after this long is a hang. */
  timeoutMs: z.number().int().positive().max(120_000).default(5_000),
  /** Look for a smaller input that still fails (each try is a real call). */
  shrink: z.boolean().default(true),
});
export type FuzzSpec = z.infer<typeof FuzzSpecSchema>;
export type FuzzSpecInput = z.input<typeof FuzzSpecSchema>;

export const FUZZ_FINDING_KINDS = [
  'crash',
  'hang',
  'blocksEventLoop',
  'validationAsProtocolError',
  'protocolErrorOnValidInput',
  'invalidAccepted',
  'outputSchemaViolation',
  'stderrTraceback',
] as const;
export const FuzzFindingKindSchema = z.enum(FUZZ_FINDING_KINDS);
export type FuzzFindingKind = z.infer<typeof FuzzFindingKindSchema>;

export const FuzzFindingSchema = z.object({
  id: z.string(),
  kind: FuzzFindingKindSchema,
  severity: z.enum(['error', 'warning']),
  title: z.string(),
  detail: z.string(),
  /** The generator that produced the input (`invalid:aboveMaximum level`, `edge:emptyString word`). */
  generator: z.string(),
  /** The (shrunk) input that shows it. */
  input: JsonObjectSchema,
  originalInput: JsonObjectSchema.optional(),
  shrinkSteps: z.number().int(),
  /** How many generated inputs showed the same finding. */
  occurrences: z.number().int(),
  outcome: z.object({
    status: z.string(),
    durationMs: z.number(),
    code: z.number().optional(),
    message: z.string().optional(),
    text: z.string().optional(),
  }),
  stderr: z.array(z.string()).optional(),
  /** A test case that reproduces it, ready for tests.saveCase. */
  testCase: TestCaseSchema,
});
export type FuzzFinding = z.infer<typeof FuzzFindingSchema>;

export const FuzzRunSchema = z.object({
  runId: z.string(),
  spec: FuzzSpecSchema.extend({ seed: z.number().int() }),
  state: z.enum(['running', 'done', 'stopped', 'failed']),
  startedAt: EpochMsSchema,
  endedAt: EpochMsSchema.optional(),
  done: z.number().int(),
  total: z.number().int(),
  /** Outcomes by status (ok, toolError, …). */
  byStatus: z.record(z.string(), z.number().int()),
  restarts: z.number().int(),
  findings: z.array(FuzzFindingSchema),
  reason: z.string().optional(),
});
export type FuzzRun = z.infer<typeof FuzzRunSchema>;
