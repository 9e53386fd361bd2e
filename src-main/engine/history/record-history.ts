import type { ApiHandlers, CallContext } from '../../../src-shared/api/contract';
import { HISTORY_KINDS, type HistoryEntry, type HistoryKind } from '../../../src-shared/api/schemas/history';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { AnyOutcome } from './history-entry';
import type { HistoryService } from './history-service';

type AnyHandler = (params: JsonObject, ctx: CallContext) => Promise<AnyOutcome>;

export interface HistoryRecorder {
  /** The handlers with every history kind recording its outcome. */
  readonly handlers: ApiHandlers;
  /** Send one request through its (unwrapped) handler and record it; `replayOf` marks a replay. */
  send(
    kind: HistoryKind,
    params: JsonObject,
    ctx: CallContext,
    replayOf?: string,
  ): Promise<{ outcome: AnyOutcome; entry: HistoryEntry | undefined }>;
}

/**
 * History is recorded here, in one place, where the handlers produce outcomes: every method in
 * HISTORY_KINDS is wrapped once. Requests that never reached a server (not ready, refused) throw
 * before an outcome exists and are not history. Load, fuzz and test runs call sessions directly,
 * not these handlers, so they keep their own records and stay out of it.
 */
export function recordHistory(inner: ApiHandlers, history: HistoryService, serverName: (serverId: string) => string): HistoryRecorder {
  const send: HistoryRecorder['send'] = async (kind, params, ctx, replayOf) => {
    const handler = inner[kind] as unknown as AnyHandler;
    const outcome = await handler(params, ctx);
    let entry: HistoryEntry | undefined;
    try {
      entry = history.record({
        kind,
        params,
        outcome,
        serverName: serverName(outcome.serverId),
        origin: ctx.origin,
        ...(replayOf ? { replayOf } : {}),
      });
    } catch (e) {
      // Keeping history must never cost the caller their answer.
      history.problem = `a ${kind} request could not be kept in history: ${e instanceof Error ? e.message : String(e)}`;
    }
    return { outcome, entry };
  };
  const handlers: Record<string, unknown> = { ...inner };
  // A person's request gets its answer first; its entry is built right after (see recordLater).
  for (const kind of HISTORY_KINDS) {
    const handler = inner[kind] as unknown as AnyHandler;
    handlers[kind] = async (params: JsonObject, ctx: CallContext) => {
      const outcome = await handler(params, ctx);
      history.recordLater({ kind, params, outcome, serverName: serverName(outcome.serverId), origin: ctx.origin });
      return outcome;
    };
  }
  return { handlers: handlers as ApiHandlers, send };
}
