import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import { TestCaseSchema } from '../../../src-shared/api/schemas/testing';
import type { FuzzRunner } from '../fuzz/fuzz-runner';
import type { Linter } from '../lint/linter';
import type { SuiteStore } from '../testing/suite-store';
import type { TestRunner } from '../testing/test-runner';

type TestingMethods =
  | 'tests.list'
  | 'tests.run'
  | 'tests.stop'
  | 'tests.saveCase'
  | 'tests.deleteCase'
  | 'tests.acceptSnapshot'
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
}

/** Saved tests, fuzzing and linting: one runner, one fuzzer, one linter for the UI and the CLI. */
export function createTestingHandlers({ store, runner, fuzz, linter }: TestingDeps): Pick<ApiHandlers, TestingMethods> {
  return {
    'tests.list': async () => store.list(),
    // Suites that start their own command run only from the CLI (in-memory port): a request from a
    // window must not be a way to spawn a command nobody configured (DESIGN §6).
    'tests.run': async (p, ctx) => runner.start(p, { allowCommands: ctx.origin === 'in-memory' }),
    'tests.stop': async ({ runId }) => runner.stop(runId),
    'tests.saveCase': async (p) => store.saveCase({ ...p, case: TestCaseSchema.parse(p.case) }),
    'tests.deleteCase': async ({ suiteId, caseIndex }) => store.deleteCase(suiteId, caseIndex),
    'tests.acceptSnapshot': async ({ runId, suiteId, caseIndex }) => runner.acceptSnapshot(runId, suiteId, caseIndex),
    'fuzz.start': async (spec) => fuzz.start(spec),
    'fuzz.stop': async ({ runId }) => fuzz.stop(runId),
    'lint.run': async (p) => linter.run(p),
    'lint.rules': async () => linter.rules(),
    'lint.setRule': async ({ ruleId, enabled }) => linter.setRule(ruleId, enabled),
  };
}

export function createTestingStreams({ runner, fuzz }: Pick<TestingDeps, 'runner' | 'fuzz'>): Pick<ApiStreams, 'tests.progressed' | 'fuzz.progressed'> {
  return {
    'tests.progressed': ({ runId }, emit) => {
      for (const r of runner.running()) if (runId === undefined || r.runId === runId) emit(r);
      return Event.filter(runner.onDidChange, (r) => runId === undefined || r.runId === runId)(emit);
    },
    'fuzz.progressed': ({ runId }, emit) => {
      for (const r of fuzz.running()) if (runId === undefined || r.runId === runId) emit(r);
      return Event.filter(fuzz.onDidChange, (r) => runId === undefined || r.runId === runId)(emit);
    },
  };
}
