import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';
import { DeprecatedUseSchema } from './deprecation';

export const LintSeveritySchema = z.enum(['error', 'warning', 'info']);
export type LintSeverity = z.infer<typeof LintSeveritySchema>;

export const LintCategorySchema = z.enum(['description', 'schema', 'naming', 'protocol', 'source']);
export type LintCategory = z.infer<typeof LintCategorySchema>;

export const LintRuleInfoSchema = z.object({
  id: z.string(),
  severity: LintSeveritySchema,
  category: LintCategorySchema,
  title: z.string(),
  /** Why the rule exists, in the guide's words: shown next to every finding. */
  rationale: z.string(),
  enabled: z.boolean(),
});
export type LintRuleInfo = z.infer<typeof LintRuleInfoSchema>;

export const SourceLocationSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int().optional(),
  /** A few lines around `line`, the first being `snippetStart`. */
  snippet: z.array(z.string()).optional(),
  snippetStart: z.number().int().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const LintFindingSchema = z.object({
  ruleId: z.string(),
  severity: LintSeveritySchema,
  category: LintCategorySchema,
  message: z.string(),
  rationale: z.string(),
  /** What the finding is about, when it is one thing the server lists. */
  target: z
    .object({ kind: z.enum(['server', 'tool', 'resource', 'template', 'prompt']), name: z.string(), param: z.string().optional() })
    .optional(),
  location: SourceLocationSchema.optional(),
});
export type LintFinding = z.infer<typeof LintFindingSchema>;

export const LintSourceSchema = z.object({
  file: z.string(),
  /** Absent when there is no local source to read (a server by URL, a command with no source file on it). */
  language: z.enum(['python', 'typescript', 'javascript']).optional(),
  analyzed: z.boolean(),
  /** Why a source was not analyzed (no interpreter, syntax error, …). */
  note: z.string().optional(),
});

/** A deprecated feature the server uses: seen at run time and/or written in its source (with where). */
export const LintDeprecationSchema = DeprecatedUseSchema.extend({ locations: z.array(SourceLocationSchema) });
export type LintDeprecation = z.infer<typeof LintDeprecationSchema>;

export const LintReportSchema = z.object({
  serverId: ServerIdSchema,
  ranAt: EpochMsSchema,
  durationMs: z.number(),
  findings: z.array(LintFindingSchema),
  disabledRules: z.array(z.string()),
  sources: z.array(LintSourceSchema),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /**
   * Features the 2026-07-28 revision deprecates that the server uses. A report, not findings: they
   * still work for a year or more, so they neither fail a run nor count in `counts`.
   */
  deprecations: z.array(LintDeprecationSchema).default([]),
});
export type LintReport = z.infer<typeof LintReportSchema>;

export const LintRequestSchema = z.object({
  serverId: ServerIdSchema,
  /** Protocol probes (unknown method, ping, cancellation) talk to the server; off: lists and source only. */
  probes: z.boolean().default(true),
});
export type LintRequest = z.input<typeof LintRequestSchema>;
