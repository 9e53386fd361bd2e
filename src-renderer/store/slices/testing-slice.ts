import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { MethodParams, MethodResult } from '../../../src-shared/api/contract';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { FuzzRun, FuzzSpecInput } from '../../../src-shared/api/schemas/fuzz';
import type { LintReport, LintRuleInfo } from '../../../src-shared/api/schemas/lint';
import type { CaseRef, SaveCaseRequest, SuiteInfo, SuiteList, TestRun, TestRunRequest } from '../../../src-shared/api/schemas/testing';
import type { WorkbenchState } from '../workbench-store';

export type TestingPanel = 'suites' | 'fuzz' | 'lint';

/**
 * Saved tests, fuzz runs and lint reports. Runs in progress are mirrored from `tests.progressed`
 * and `fuzz.progressed` (written by store/sync only); suite lists and lint reports are answers to
 * requests this window made.
 */
export interface TestingSlice {
  testingPanel: TestingPanel;
  suites: SuiteList | null;
  suitesError: string | null;
  /** The run shown in the Tests tab: the newest one started by anyone (mirrored). */
  testRun: TestRun | null;
  selectedCase: CaseRef | null;
  /** Newest fuzz run per server (mirrored). */
  fuzzRuns: Record<ServerId, FuzzRun>;
  lintReports: Record<ServerId, LintReport>;
  lintRunning: Record<ServerId, boolean>;
  lintErrors: Record<ServerId, string>;
  lintRules: LintRuleInfo[];
  testingError: string | null;

  setTestingPanel(p: TestingPanel): void;
  selectCase(ref: CaseRef | null): void;
  loadSuites(): Promise<void>;
  runTests(req: TestRunRequest): Promise<void>;
  stopTests(): Promise<void>;
  saveCase(req: SaveCaseRequest): Promise<SuiteInfo>;
  deleteCase(ref: CaseRef): Promise<void>;
  acceptSnapshot(ref: CaseRef): Promise<void>;
  /** A suite as native tests of the server's project: the preview, or (with write) the file written; rejects with the engine's reason. */
  exportSuite(req: MethodParams<'tests.export'>): Promise<MethodResult<'tests.export'>>;
  startFuzz(spec: FuzzSpecInput): Promise<void>;
  stopFuzz(serverId: ServerId): Promise<void>;
  runLint(serverId: ServerId): Promise<void>;
  loadLintRules(): Promise<void>;
  setLintRule(ruleId: string, enabled: boolean): Promise<void>;
  /** sync/ only. */
  _applyTestRun(run: TestRun): void;
  /** sync/ only. */
  _applyFuzzRun(run: FuzzRun): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createTestingSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], TestingSlice> =>
  (set, get) => ({
    testingPanel: 'suites',
    suites: null,
    suitesError: null,
    testRun: null,
    selectedCase: null,
    fuzzRuns: {},
    lintReports: {},
    lintRunning: {},
    lintErrors: {},
    lintRules: [],
    testingError: null,

    setTestingPanel: (testingPanel) => set({ testingPanel }),
    selectCase: (selectedCase) => set({ selectedCase }),
    loadSuites: async () => {
      try {
        set({ suites: await api.call('tests.list', {}), suitesError: null });
      } catch (e) {
        set({ suitesError: message(e) });
      }
    },
    runTests: async (req) => {
      set({ testingError: null });
      try {
        // The run's snapshots arrive on tests.progressed; nothing is assumed here.
        await api.call('tests.run', req);
      } catch (e) {
        set({ testingError: message(e) });
      }
    },
    stopTests: async () => {
      const run = get().testRun;
      if (run?.state === 'running') await api.call('tests.stop', { runId: run.runId }).catch(() => undefined);
    },
    saveCase: async (req) => {
      const suite = await api.call('tests.saveCase', req);
      await get().loadSuites();
      return suite;
    },
    deleteCase: async (ref) => {
      try {
        await api.call('tests.deleteCase', ref);
        set({ selectedCase: null });
      } catch (e) {
        set({ testingError: message(e) });
      }
      await get().loadSuites();
    },
    acceptSnapshot: async (ref) => {
      const run = get().testRun;
      if (!run) return;
      try {
        await api.call('tests.acceptSnapshot', { ...ref, runId: run.runId });
      } catch (e) {
        set({ testingError: message(e) });
      }
    },
    exportSuite: (req) => api.call('tests.export', req),
    startFuzz: async (spec) => {
      set({ testingError: null });
      try {
        await api.call('fuzz.start', spec);
      } catch (e) {
        set({ testingError: message(e) });
      }
    },
    stopFuzz: async (serverId) => {
      const run = get().fuzzRuns[serverId];
      if (run?.state === 'running') await api.call('fuzz.stop', { runId: run.runId }).catch(() => undefined);
    },
    runLint: async (serverId) => {
      set((s) => ({ lintRunning: { ...s.lintRunning, [serverId]: true } }));
      try {
        const report = await api.call('lint.run', { serverId });
        set((s) => {
          const { [serverId]: _gone, ...errors } = s.lintErrors;
          return { lintReports: { ...s.lintReports, [serverId]: report }, lintErrors: errors };
        });
      } catch (e) {
        set((s) => ({ lintErrors: { ...s.lintErrors, [serverId]: message(e) } }));
      } finally {
        set((s) => ({ lintRunning: { ...s.lintRunning, [serverId]: false } }));
      }
    },
    loadLintRules: async () => {
      try {
        set({ lintRules: await api.call('lint.rules', {}) });
      } catch (e) {
        set({ testingError: message(e) });
      }
    },
    setLintRule: async (ruleId, enabled) => {
      try {
        set({ lintRules: await api.call('lint.setRule', { ruleId, enabled }) });
      } catch (e) {
        set({ testingError: message(e) });
      }
    },
    _applyTestRun: (run) =>
      set((s) => {
        // The newest run wins; snapshots of an older run still finishing update it only while shown.
        if (s.testRun && s.testRun.runId !== run.runId && run.startedAt < s.testRun.startedAt) return {};
        return { testRun: run };
      }),
    _applyFuzzRun: (run) =>
      set((s) => {
        const current = s.fuzzRuns[run.spec.serverId];
        if (current && current.runId !== run.runId && run.startedAt < current.startedAt) return {};
        return { fuzzRuns: { ...s.fuzzRuns, [run.spec.serverId]: run } };
      }),
  });

export const testingSelectors = {
  caseResult: (ref: CaseRef | null) => (s: WorkbenchState) =>
    ref ? s.testRun?.results.find((r) => r.suiteId === ref.suiteId && r.caseIndex === ref.caseIndex) : undefined,
  fuzzRun: (serverId: ServerId) => (s: WorkbenchState) => s.fuzzRuns[serverId],
  lintReport: (serverId: ServerId) => (s: WorkbenchState) => s.lintReports[serverId],
};
