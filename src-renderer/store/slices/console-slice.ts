import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { JsonObject, ServerId } from '../../../src-shared/api/schemas/common';
import type { ActiveCall, ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { WorkbenchState } from '../workbench-store';
import { type ArgsMode, type ToolDraft, applyText, applyValue, clampTimeoutSec, newDraft, toolKey } from './console-draft';

export const MAX_HISTORY_PER_TOOL = 10;

/** A call this window started and is waiting for. */
export interface LocalCall {
  callId: string;
  serverId: ServerId;
  toolName: string;
  startedAt: number;
}

export interface ConsoleSlice {
  drafts: Record<string, ToolDraft>;
  inFlight: Record<string, LocalCall>;
  /** Newest first, at most MAX_HISTORY_PER_TOOL per tool. */
  history: Record<string, ToolCallOutcome[]>;
  /** Which outcome of the history the result view shows (callId). */
  viewedCallId: Record<string, string>;
  /** A call that could not be made at all (not connected, server not ready): not an outcome. */
  callErrors: Record<string, string>;
  /** Mirrored from `calls.active`: every call in flight in the engine, with progress. */
  activeCalls: ActiveCall[];

  /** Create the draft with these initial arguments (schema defaults) unless it exists. */
  ensureDraft(key: string, initial: JsonObject): void;
  setDraftValue(key: string, value: JsonObject): void;
  setDraftText(key: string, text: string): void;
  setDraftMode(key: string, mode: ArgsMode): void;
  setDraftTimeout(key: string, sec: number): void;
  /** Call the tool with its draft. The outcome is the engine's answer; nothing is assumed before it. */
  callTool(serverId: ServerId, toolName: string): Promise<void>;
  cancelCall(serverId: ServerId, toolName: string): void;
  viewOutcome(key: string, callId: string): void;
  /** sync/ only. */
  _applyActiveCalls(calls: ActiveCall[]): void;
}

function newCallId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return `ui-${c.randomUUID()}`;
  return `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Larger results arrive trimmed, with the whole one saved by the engine: the window stays responsive. */
export const INLINE_LIMIT_BYTES = 512 * 1024;

export const createConsoleSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ConsoleSlice> =>
  (set, get) => {
    const controllers = new Map<string, AbortController>();
    const updateDraft = (key: string, fn: (d: ToolDraft) => ToolDraft) =>
      set((s) => ({ drafts: { ...s.drafts, [key]: fn(s.drafts[key] ?? newDraft()) } }));
    const without = <T>(rec: Record<string, T>, key: string): Record<string, T> => {
      if (!(key in rec)) return rec;
      const { [key]: _gone, ...rest } = rec;
      return rest;
    };

    return {
      drafts: {},
      inFlight: {},
      history: {},
      viewedCallId: {},
      callErrors: {},
      activeCalls: [],

      ensureDraft: (key, initial) => {
        if (!get().drafts[key]) set((s) => ({ drafts: { ...s.drafts, [key]: newDraft(initial) } }));
      },
      setDraftValue: (key, value) => updateDraft(key, (d) => applyValue(d, value)),
      setDraftText: (key, text) => updateDraft(key, (d) => applyText(d, text)),
      setDraftMode: (key, mode) => updateDraft(key, (d) => (d.mode === 'json' && mode === 'form' && d.parseError ? d : { ...d, mode })),
      setDraftTimeout: (key, sec) => updateDraft(key, (d) => ({ ...d, timeoutSec: clampTimeoutSec(sec) })),

      callTool: async (serverId, toolName) => {
        const key = toolKey(serverId, toolName);
        if (get().inFlight[key]) return;
        const draft = get().drafts[key] ?? newDraft();
        if (draft.parseError) return;
        const local: LocalCall = { callId: newCallId(), serverId, toolName, startedAt: Date.now() };
        const ac = new AbortController();
        controllers.set(key, ac);
        set((s) => ({ inFlight: { ...s.inFlight, [key]: local }, callErrors: without(s.callErrors, key) }));
        try {
          const outcome = await api.call(
            'tools.call',
            {
              serverId,
              toolName,
              arguments: draft.value,
              timeoutMs: Math.round(draft.timeoutSec * 1000),
              callId: local.callId,
              inlineLimitBytes: INLINE_LIMIT_BYTES,
              ...(get().taskOptIn[key] ? { asTask: true } : {}),
            },
            { signal: ac.signal },
          );
          set((s) => ({
            history: { ...s.history, [key]: [outcome, ...(s.history[key] ?? [])].slice(0, MAX_HISTORY_PER_TOOL) },
            viewedCallId: { ...s.viewedCallId, [key]: outcome.callId },
          }));
        } catch (e) {
          set((s) => ({ callErrors: { ...s.callErrors, [key]: e instanceof Error ? e.message : String(e) } }));
        } finally {
          controllers.delete(key);
          set((s) => ({ inFlight: without(s.inFlight, key) }));
        }
      },
      cancelCall: (serverId, toolName) => controllers.get(toolKey(serverId, toolName))?.abort(),
      viewOutcome: (key, callId) => set((s) => ({ viewedCallId: { ...s.viewedCallId, [key]: callId } })),
      _applyActiveCalls: (activeCalls) => set({ activeCalls }),
    };
  };

const NO_OUTCOMES: ToolCallOutcome[] = [];

export const consoleSelectors = {
  draft: (key: string) => (s: WorkbenchState) => s.drafts[key],
  inFlight: (key: string) => (s: WorkbenchState) => s.inFlight[key],
  history: (key: string) => (s: WorkbenchState) => s.history[key] ?? NO_OUTCOMES,
  viewedOutcome: (key: string) => (s: WorkbenchState) => {
    const list = s.history[key];
    if (!list?.length) return undefined;
    const id = s.viewedCallId[key];
    return list.find((o) => o.callId === id) ?? list[0];
  },
  callError: (key: string) => (s: WorkbenchState) => s.callErrors[key],
  activeCall: (callId: string | undefined) => (s: WorkbenchState) => (callId ? s.activeCalls.find((c) => c.callId === callId) : undefined),
};
