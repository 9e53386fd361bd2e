import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import {
  TestCaseSchema,
  TestExportRequestSchema,
  type TestExportRequest,
  type TestExportResult,
} from '../../../src-shared/api/schemas/testing';
import type { FuzzRunner } from '../fuzz/fuzz-runner';
import type { Linter } from '../lint/linter';
import type { SuiteExporter } from '../testing/export/suite-exporter';
import type { SuiteStore } from '../testing/suite-store';
import { resolveInside } from '../workspace/safe-path';
import { requireCapability } from './capabilities';
import type { TestRunner } from '../testing/test-runner';
import { jobProgressStream } from './stream-helpers';

type TestingMethods =
  | 'tests.list'
  | 'tests.run'
  | 'tests.stop'
  | 'tests.saveCase'
  | 'tests.deleteCase'
  | 'tests.acceptSnapshot'
  | 'tests.export'
  | 'fuzz.start'
  | 'fuzz.stop'
  | 'lint.run'
  | 'lint.rules'
  | 'lint.setRule';

export interface TestingDeps {
  store: SuiteStore;
  runner: TestRunner;
  fuzz: FuzzRunner;
  linter: Linter;
  exporter: SuiteExporter;
}

/** Saved tests, fuzzing and linting: one runner, one fuzzer, one linter for the UI and the CLI. */
export function createTestingHandlers({ store, runner, fuzz, linter, exporter }: TestingDeps): Pick<ApiHandlers, TestingMethods> {
  return {
    'tests.list': async ({ paths }, ctx) => {
      if (paths) requireCapability(ctx, 'filesAnywhere', 'Listing suite files outside the tests folder');
      return store.list(paths);
    },
    // Suites that start their own command run only where the connection may run commands (the
    // CLI): a request from a window must not be a way to spawn a command nobody configured (DESIGN §6).
    'tests.run': async ({ paths, ...p }, ctx) => {
      if (paths) requireCapability(ctx, 'filesAnywhere', 'Running suite files outside the tests folder');
      return runner.start(p, { ...(paths ? { paths } : {}), allowCommands: ctx.capabilities.has('runCommands') });
    },
    'tests.stop': async ({ runId }) => runner.stop(runId),
    'tests.saveCase': async (p) => store.saveCase({ ...p, case: TestCaseSchema.parse(p.case) }),
    'tests.deleteCase': async ({ suiteId, caseIndex }) => store.deleteCase(suiteId, caseIndex),
    'tests.acceptSnapshot': async ({ runId, suiteId, caseIndex }) => runner.acceptSnapshot(runId, suiteId, caseIndex),
    'tests.export': async (p, ctx) => exportSuite(store, exporter, p, ctx.capabilities.has('filesAnywhere')),
    'fuzz.start': async (spec) => fuzz.start(spec),
    'fuzz.stop': async ({ runId }) => fuzz.stop(runId),
    'lint.run': async (p) => linter.run(p),
    'lint.rules': async () => linter.rules(),
    'lint.setRule': async ({ ruleId, enabled }) => linter.setRule(ruleId, enabled),
  };
}

/**
 * A suite as a test file. The app's: a suite of the tests folder, written (when asked) only inside
 * the workspace; with `anywhere` (the CLI), any suite file to any file the user can write.
 */
async function exportSuite(
  store: SuiteStore,
  exporter: SuiteExporter,
  input: TestExportRequest,
  anywhere: boolean,
): Promise<TestExportResult> {
  const p = TestExportRequestSchema.parse(input);
  const suiteFile = store.fileOf(p.suiteId);
  if (!anywhere && (path.relative(store.dir, suiteFile).startsWith('..') || path.isAbsolute(p.suiteId)))
    throw new ApiError('InvalidParams', `"${p.suiteId}" is not a suite in ${store.dir}`);
  const workspaceDir = store.workspaceDir;
  const out = p.out !== undefined ? path.resolve(workspaceDir, p.out) : await exporter.suggestOut(suiteFile, p.format);
  const rendered = await exporter.render(suiteFile, p.format, out);
  if (p.write) {
    // Checked against the workspace, symlinks included; used as given so that the imports it
    // computes match the server's paths, which are not symlink-resolved either.
    if (!anywhere) await resolveInside(workspaceDir, path.relative(workspaceDir, out));
    await exporter.write(out, rendered.text, p.force);
  }
  return {
    text: rendered.text,
    out: path.relative(workspaceDir, out).split(path.sep).join('/'),
    fileName: path.basename(out),
    written: p.write,
    cases: (await store.read(suiteFile)).cases.length,
    warnings: rendered.warnings,
    ...(rendered.importProblem ? { importProblem: rendered.importProblem } : {}),
  };
}

export function createTestingStreams({
  runner,
  fuzz,
}: Pick<TestingDeps, 'runner' | 'fuzz'>): Pick<ApiStreams, 'tests.progressed' | 'fuzz.progressed'> {
  return {
    'tests.progressed': ({ runId }, emit) => jobProgressStream(runner, (r) => runId === undefined || r.runId === runId, emit),
    'fuzz.progressed': ({ runId }, emit) => jobProgressStream(fuzz, (r) => runId === undefined || r.runId === runId, emit),
  };
}
