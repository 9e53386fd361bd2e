import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ClientRequestResponse, EndedClientRequest, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { WorkbenchState } from '../workbench-store';

/** How many ended requests are remembered (enough for the dialog to say why one went away). */
const ENDED_KEPT = 50;

export interface ClientRequestsSlice {
  /** Mirrored from `requests.pending`: sampling and elicitation requests waiting for a person. */
  pendingRequests: PendingClientRequest[];
  /** Mirrored from `requests.ended`, by request id: why a request stopped waiting. */
  endedRequests: Record<string, EndedClientRequest>;
  /** Requests this window answered (so their disappearance is not news). */
  answeredHere: Record<string, true>;
  /** Send an answer. Rejects with the engine's error (a refused form says which fields are wrong). */
  respondToRequest(requestId: string, response: ClientRequestResponse): Promise<void>;
  /** sync/ only. */
  _applyPendingRequests(list: PendingClientRequest[]): void;
  /** sync/ only. */
  _applyEndedRequest(e: EndedClientRequest): void;
}

export const createClientRequestsSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ClientRequestsSlice> =>
  (set) => ({
    pendingRequests: [],
    endedRequests: {},
    answeredHere: {},
    respondToRequest: async (requestId, response) => {
      await api.call('requests.respond', { requestId, response });
      set((s) => ({
        answeredHere: {
          ...Object.fromEntries(
            Object.keys(s.answeredHere)
              .slice(-(ENDED_KEPT - 1))
              .map((k) => [k, true as const]),
          ),
          [requestId]: true,
        },
      }));
    },
    _applyPendingRequests: (pendingRequests) => set({ pendingRequests }),
    _applyEndedRequest: (e) =>
      set((s) => {
        const kept = Object.values(s.endedRequests).slice(-(ENDED_KEPT - 1));
        return { endedRequests: { ...Object.fromEntries(kept.map((x) => [x.id, x])), [e.id]: e } };
      }),
  });

const NONE: PendingClientRequest[] = [];

export const clientRequestSelectors = {
  /** Use with useShallow. */
  forServer: (serverId: ServerId | null) => (s: WorkbenchState) =>
    serverId ? s.pendingRequests.filter((r) => r.serverId === serverId) : NONE,
  countForServer: (serverId: ServerId) => (s: WorkbenchState) =>
    s.pendingRequests.reduce((n, r) => n + (r.serverId === serverId ? 1 : 0), 0),
};
