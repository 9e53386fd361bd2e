import { readFile } from 'node:fs/promises';
import { apiContract, type ApiHandlers, type ApiStreams } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { Event } from '../../../src-shared/base/event';
import { withArguments, type HistoryService } from '../history/history-service';
import type { HistoryRecorder } from '../history/record-history';
import { replayThen } from './stream-helpers';

type HistoryMethods = 'history.list' | 'history.get' | 'history.clear' | 'history.replay';
type HistoryStreams = 'history.appended' | 'history.cleared';

export function createHistoryHandlers(history: HistoryService, recorder: () => HistoryRecorder): Pick<ApiHandlers, HistoryMethods> {
  return {
    'history.list': async (p) => history.list(p),
    'history.get': async ({ id }) => history.get(id),
    'history.clear': async ({ serverId }) => ({ cleared: history.clear(serverId) }),
    'history.replay': async ({ id }, ctx) => {
      const entry = history.get(id);
      if (entry.redacted) {
        throw new ApiError(
          'Conflict',
          `this ${entry.kind} request held a secret value that history does not keep (it shows as •••): replaying it would send the blanked value. Use "Edit and resend" and type the value.`,
        );
      }
      let params = entry.params;
      if (entry.paramsSavedTo) {
        try {
          params = JSON.parse(await readFile(entry.paramsSavedTo, 'utf8')) as JsonObject;
        } catch (e) {
          throw new ApiError(
            'NotFound',
            `the parameters of this request were saved to ${entry.paramsSavedTo}, which cannot be read any more (${(e as Error).message})`,
          );
        }
      }
      // A replay is the person's request, even of one an MCP App sent.
      const { fromApp: _app, ...own } = params;
      // Validated as if it came over the wire: defaults applied, an entry from an older version refused clearly.
      const parsed = apiContract.methods[entry.kind].params.safeParse({ ...own, serverId: entry.serverId });
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new ApiError(
          'InvalidParams',
          `this entry cannot be sent again as it is (at ${i?.path.join('.') || 'top level'}: ${i?.message}): use "Edit and resend"`,
        );
      }
      const { entry: next } = await recorder().send(entry.kind, parsed.data as JsonObject, ctx, entry.id);
      if (!next)
        throw new ApiError(
          'Internal',
          `the request was sent again but could not be kept in history: ${history.problem ?? 'unknown reason'}`,
        );
      return withArguments(next);
    },
  };
}

export function createHistoryStreams(history: HistoryService): Pick<ApiStreams, HistoryStreams> {
  return {
    'history.appended': ({ serverId, afterSeq }, emit) => {
      // Entries of answered requests are built first: built during the replay, they would also
      // arrive as live events, twice.
      history.settle();
      return replayThen(
        () => ({ entries: afterSeq === undefined ? [] : history.since(afterSeq, serverId), ...history.counts() }),
        Event.map(
          Event.filter(history.onDidAppend, (s) => serverId === undefined || s.serverId === serverId),
          (s) => ({ entries: [s], ...history.counts() }),
        ),
        emit,
      );
    },
    'history.cleared': (_p, emit) => history.onDidClear(emit),
  };
}
