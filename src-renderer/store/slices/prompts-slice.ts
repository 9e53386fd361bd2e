import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { PromptGetOutcome } from '../../../src-shared/api/schemas/prompt';
import { requestProblem } from '../../components/request-problem';
import type { WorkbenchState } from '../workbench-store';

/** The last `prompts/get` of one prompt in this window (kept while a new one runs). */
export interface PromptRun {
  pending: boolean;
  outcome?: PromptGetOutcome;
  /** The arguments the outcome was got with. */
  arguments?: Record<string, string>;
  /** The request could not be made at all (not connected, server not ready): not an outcome. */
  error?: string;
}

export interface PromptsSlice {
  selectedPromptByServer: Record<ServerId, string>;
  /** By promptKey(serverId, name): the values typed into the argument form. */
  promptValues: Record<string, Record<string, string>>;
  promptRuns: Record<string, PromptRun>;
  promptsRefreshing: Record<ServerId, boolean>;

  selectPrompt(serverId: ServerId, name: string): void;
  setPromptValue(serverId: ServerId, name: string, argument: string, value: string): void;
  /** Get the prompt with the form's values; empty values are left out (arguments are optional unless required). */
  getPrompt(serverId: ServerId, name: string): Promise<void>;
  cancelPrompt(serverId: ServerId, name: string): void;
  /** List prompts again; the list comes back through prompts.changed, a failure as a notice. */
  refreshPrompts(serverId: ServerId): Promise<void>;
}

export const promptKey = (serverId: ServerId, name: string) => `${serverId}\n${name}`;

export const createPromptsSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], PromptsSlice> =>
  (set, get) => {
    const controllers = new Map<string, AbortController>();
    const patchRun = (key: string, patch: PromptRun) =>
      set((s) => ({ promptRuns: { ...s.promptRuns, [key]: { ...s.promptRuns[key], ...patch } } }));
    return {
      selectedPromptByServer: {},
      promptValues: {},
      promptRuns: {},
      promptsRefreshing: {},

      selectPrompt: (serverId, name) => set((s) => ({ selectedPromptByServer: { ...s.selectedPromptByServer, [serverId]: name } })),
      setPromptValue: (serverId, name, argument, value) => {
        const key = promptKey(serverId, name);
        set((s) => ({ promptValues: { ...s.promptValues, [key]: { ...s.promptValues[key], [argument]: value } } }));
      },
      getPrompt: async (serverId, name) => {
        const key = promptKey(serverId, name);
        if (controllers.has(key)) return;
        const args = Object.fromEntries(Object.entries(get().promptValues[key] ?? {}).filter(([, v]) => v !== ''));
        const ac = new AbortController();
        controllers.set(key, ac);
        patchRun(key, { pending: true });
        try {
          const outcome = await api.call('prompts.get', { serverId, name, arguments: args }, { signal: ac.signal });
          patchRun(key, { pending: false, outcome, arguments: args, error: undefined });
        } catch (e) {
          patchRun(key, { pending: false, error: e instanceof Error ? e.message : String(e) });
        } finally {
          controllers.delete(key);
        }
      },
      cancelPrompt: (serverId, name) => controllers.get(promptKey(serverId, name))?.abort(),
      refreshPrompts: async (serverId) => {
        set((s) => ({ promptsRefreshing: { ...s.promptsRefreshing, [serverId]: true } }));
        try {
          const problem = requestProblem(await api.call('prompts.list', { serverId }));
          if (problem) get().pushNotice('error', problem);
        } catch (e) {
          get().pushNotice('error', `Could not list prompts: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          set((s) => ({ promptsRefreshing: { ...s.promptsRefreshing, [serverId]: false } }));
        }
      },
    };
  };

const NO_VALUES: Record<string, string> = {};

export const promptsSelectors = {
  selected: (serverId: ServerId) => (s: WorkbenchState) => s.selectedPromptByServer[serverId] ?? null,
  values: (serverId: ServerId, name: string) => (s: WorkbenchState) => s.promptValues[promptKey(serverId, name)] ?? NO_VALUES,
  run: (serverId: ServerId, name: string) => (s: WorkbenchState) => s.promptRuns[promptKey(serverId, name)],
};
