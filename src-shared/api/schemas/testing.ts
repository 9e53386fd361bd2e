import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';

/**
 * Saved tests: suites are plain files in the workspace (`.mcp-lab/tests/*.test.json`, JSON with
 * comments), meant to be reviewed and committed. The engine parses them with line numbers (see
 * engine/testing/suite-file.ts); these schemas are the shapes once parsed.
 */

export const TEST_STATUSES = ['ok', 'toolError', 'protocolError', 'timeout', 'crashed'] as const;

/** One check on a case's answer. Each has exactly one kind key (status, structuredContent, …). */
export const AssertionSchema = z.union([
  /** One status, or any of several (`["ok", "toolError"]`: "answers, whatever it says"). */
  z.object({ status: z.union([z.enum(TEST_STATUSES), z.array(z.enum(TEST_STATUSES)).min(1)]), code: z.number().int().optional() }).strict(),
  z.object({ structuredContent: z.unknown(), match: z.enum(['equal', 'subset']).optional() }).strict(),
  z.object({ textContains: z.string() }).strict(),
  z.object({ textMatches: z.string(), flags: z.string().optional() }).strict(),
  z
    .object({
      pointer: z.string(),
      equals: z.unknown().optional(),
      subset: z.unknown().optional(),
      matches: z.string().optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
  z.object({ outputSchema: z.literal(true) }).strict(),
  z.object({ maxLatencyMs: z.number().positive() }).strict(),
  z.object({ snapshot: z.union([z.string().min(1), z.literal(true)]), ignore: z.array(z.string()).optional() }).strict(),
]);
export type Assertion = z.infer<typeof AssertionSchema>;
export const ASSERTION_KINDS = [
  'status',
  'structuredContent',
  'textContains',
  'textMatches',
  'pointer',
  'outputSchema',
  'maxLatencyMs',
  'snapshot',
] as const;
export type AssertionKind = (typeof ASSERTION_KINDS)[number];

/** What a case (or a setup step) sends: a tool call, a resource read or a prompt get. */
export const TestRequestSchema = z
  .object({
    tool: z.string().min(1).optional(),
    resource: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    /** Tool arguments (any JSON object) or prompt arguments (strings). */
    arguments: JsonObjectSchema.optional(),
    timeoutMs: z.number().int().positive().max(600_000).optional(),
  })
  .refine((r) => [r.tool, r.resource, r.prompt].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "tool", "resource" or "prompt"',
  });
export type TestRequest = z.infer<typeof TestRequestSchema>;

export const TestCaseSchema = z
  .object({
    name: z.string().min(1).max(200),
    tool: z.string().min(1).optional(),
    resource: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    arguments: JsonObjectSchema.optional(),
    timeoutMs: z.number().int().positive().max(600_000).optional(),
    skip: z.boolean().optional(),
    expect: z.array(AssertionSchema).default([]),
  })
  .refine((r) => [r.tool, r.resource, r.prompt].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "tool", "resource" or "prompt"',
  });
export type TestCase = z.infer<typeof TestCaseSchema>;
export type TestCaseInput = z.input<typeof TestCaseSchema>;

/** A suite runs against a workspace server (by id) or starts its own command (standalone in CI). */
export const SuiteServerSchema = z.union([
  ServerIdSchema,
  z
    .object({
      command: z.string().min(1),
      args: z.array(z.string()).default([]),
      /** Relative to the suite file's folder. */
      cwd: z.string().optional(),
      env: z.record(z.string(), z.string()).default({}),
    })
    .strict(),
]);
export type SuiteServer = z.infer<typeof SuiteServerSchema>;

export const SuiteSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).max(200).optional(),
    server: SuiteServerSchema,
    /** Default per-request timeout of the suite's cases. */
    timeoutMs: z.number().int().positive().max(600_000).optional(),
    setup: z.array(TestRequestSchema).default([]),
    cases: z.array(TestCaseSchema).default([]),
  })
  .strict();
export type Suite = z.infer<typeof SuiteSchema>;

export const SuiteInfoSchema = z.object({
  /** The file's path relative to the tests folder, e.g. `greet.test.json`. */
  id: z.string(),
  file: z.string(),
  name: z.string(),
  server: SuiteServerSchema,
  setupCount: z.number().int(),
  cases: z.array(TestCaseSchema),
  /** 1-based line of each case in the file, for "open at line". */
  caseLines: z.array(z.number().int()),
});
export type SuiteInfo = z.infer<typeof SuiteInfoSchema>;

/** A suite file that cannot be used, with where: the other suites still run. */
export const SuiteProblemSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});
export type SuiteProblem = z.infer<typeof SuiteProblemSchema>;

export const SuiteListSchema = z.object({
  dir: z.string(),
  suites: z.array(SuiteInfoSchema),
  problems: z.array(SuiteProblemSchema),
});
export type SuiteList = z.infer<typeof SuiteListSchema>;

export const DiffLineSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLineSchema>;

export const AssertionFailureSchema = z.object({
  /** The assertion as written, short (`status: ok`, `pointer /sum equals`). */
  assertion: z.string(),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Expected (removed, "-") against actual (added, "+"), line by line. */
  diff: z.array(DiffLineSchema).optional(),
});
export type AssertionFailure = z.infer<typeof AssertionFailureSchema>;

export const CaseResultSchema = z.object({
  suiteId: z.string(),
  caseIndex: z.number().int(),
  name: z.string(),
  status: z.enum(['pending', 'running', 'passed', 'failed', 'skipped']),
  durationMs: z.number().optional(),
  outcomeStatus: z.string().optional(),
  failures: z.array(AssertionFailureSchema),
  /** Why the case could not run at all (server did not start, crashed earlier, setup failed). */
  error: z.string().optional(),
  snapshot: z.object({ key: z.string(), state: z.enum(['written', 'matched', 'mismatched']) }).optional(),
});
export type CaseResult = z.infer<typeof CaseResultSchema>;

export const TestRunSchema = z.object({
  runId: z.string(),
  state: z.enum(['running', 'done', 'stopped']),
  startedAt: EpochMsSchema,
  endedAt: EpochMsSchema.optional(),
  total: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  results: z.array(CaseResultSchema),
  problems: z.array(SuiteProblemSchema),
});
export type TestRun = z.infer<typeof TestRunSchema>;

export const CaseRefSchema = z.object({ suiteId: z.string(), caseIndex: z.number().int().nonnegative() });
export type CaseRef = z.infer<typeof CaseRefSchema>;

export const TestRunRequestSchema = z.object({
  /** Suites to run (ids); with neither this nor `cases`, every suite. */
  suiteIds: z.array(z.string()).optional(),
  cases: z.array(CaseRefSchema).optional(),
  /** Run again the cases that failed in this run. */
  rerunFailedOf: z.string().optional(),
  /** Stop at the first failure. */
  bail: z.boolean().default(false),
  /** Suite files or folders (absolute) instead of the workspace's tests folder; needs the `filesAnywhere` capability. */
  paths: z.array(z.string().min(1)).optional(),
});
export type TestRunRequest = z.input<typeof TestRunRequestSchema>;

export const SaveCaseRequestSchema = z.object({
  /** An existing suite, or a new one (created as `<slug of name>.test.json`). */
  suiteId: z.string().optional(),
  newSuite: z.object({ name: z.string().min(1).max(200), serverId: ServerIdSchema }).optional(),
  /** Replace this case; absent: append. */
  caseIndex: z.number().int().nonnegative().optional(),
  case: TestCaseSchema,
});
export type SaveCaseRequest = z.input<typeof SaveCaseRequestSchema>;

/** Native test files a suite exports to: pytest (FastMCP's in-memory Client) or vitest (the TypeScript SDK's in-memory transport). */
export const TestExportFormatSchema = z.enum(['pytest', 'vitest']);
export type TestExportFormat = z.infer<typeof TestExportFormatSchema>;

/** tests.list: the workspace's suites, or (with the `filesAnywhere` capability) those under the given absolute paths. */
export const SuiteListRequestSchema = z.object({ paths: z.array(z.string().min(1)).optional() });

export const TestExportRequestSchema = z.object({
  /** A suite of the tests folder; with the `filesAnywhere` capability also an absolute path to a suite file anywhere. */
  suiteId: z.string(),
  format: TestExportFormatSchema,
  /** Where the file goes, relative to the workspace (default: beside the server project's own tests); anywhere with `filesAnywhere`. */
  out: z.string().max(4096).optional(),
  /** Write it there; without this, only the text comes back (for a download). */
  write: z.boolean().default(false),
  /** Replace a file at `out` that the exporter did not write. */
  force: z.boolean().default(false),
});
export type TestExportRequest = z.input<typeof TestExportRequestSchema>;

export const TestExportResultSchema = z.object({
  text: z.string(),
  /** The output path relative to the workspace, and its file name (for a download). */
  out: z.string(),
  fileName: z.string(),
  written: z.boolean(),
  /** How many cases the suite has (each becomes a test of the file). */
  cases: z.number().int(),
  /** What did not translate; the same lines are comments at the top of the file. */
  warnings: z.array(z.string()),
  /** Why the server object could not be found: the file then starts with a TODO. */
  importProblem: z.string().optional(),
});
export type TestExportResult = z.infer<typeof TestExportResultSchema>;
