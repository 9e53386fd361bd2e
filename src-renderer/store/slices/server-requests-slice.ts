import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { MethodParams, MethodResult } from '../../../src-shared/api/contract';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { WorkbenchState } from '../workbench-store';

/**
 * Requests about servers whose answer one dialog or panel shows (import and export of server
 * lists, a session export, the deprecation report): returned, not kept here. What they change in
 * the engine comes back on the streams like any other change.
 */
export interface ServerRequestsSlice {
  importSources(): Promise<MethodResult<'servers.importSources'>>;
  previewImport(req: MethodParams<'servers.importPreview'>): Promise<MethodResult<'servers.importPreview'>>;
  importServers(req: MethodParams<'servers.import'>): Promise<MethodResult<'servers.import'>>;
  exportServers(req: MethodParams<'servers.export'>): Promise<MethodResult<'servers.export'>>;
  exportSession(serverId: ServerId): Promise<MethodResult<'sessions.export'>>;
  fetchDeprecations(serverId: ServerId): Promise<MethodResult<'servers.deprecations'>>;
  /** One read whose answer a single view keeps (an MCP App's HTML, what an App reads): not the Resources tab's kept reads. */
  readResourceOnce(req: MethodParams<'resources.read'>, signal?: AbortSignal): Promise<MethodResult<'resources.read'>>;
  /** A tool call an MCP App makes (marked with its URI): its answer goes to the App, not to the console. */
  callToolFromApp(req: MethodParams<'tools.call'> & { fromApp: string }, signal?: AbortSignal): Promise<MethodResult<'tools.call'>>;
  /** A result too large to send whole, from where the engine saved it. */
  readSavedResult(path: string, signal?: AbortSignal): Promise<string>;
  /** Suggestions for a prompt argument or a template variable (`completion/complete`). */
  complete(req: MethodParams<'completion.complete'>): Promise<MethodResult<'completion.complete'>>;
  /** The tool builder: the server's source file and its tools, a planned change, and the change written. */
  readToolSource(serverId: ServerId): Promise<MethodResult<'toolBuilder.read'>>;
  planToolChange(req: MethodParams<'toolBuilder.plan'>): Promise<MethodResult<'toolBuilder.plan'>>;
  applyToolChange(req: MethodParams<'toolBuilder.apply'>): Promise<MethodResult<'toolBuilder.apply'>>;
  /** Clear the engine's log ring (one server's, or all with null); `logs.cleared` then clears every window's copy. */
  clearLogs(serverId: ServerId | null): Promise<void>;
}

export const createServerRequestsSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ServerRequestsSlice> =>
  (_set, get) => ({
    importSources: () => api.call('servers.importSources', {}),
    previewImport: (req) => api.call('servers.importPreview', req),
    importServers: (req) => api.call('servers.import', req),
    exportServers: (req) => api.call('servers.export', req),
    exportSession: (serverId) => api.call('sessions.export', { serverId }),
    fetchDeprecations: (serverId) => api.call('servers.deprecations', { serverId }),
    readResourceOnce: (req, signal) => api.call('resources.read', req, signal ? { signal } : {}),
    callToolFromApp: (req, signal) => api.call('tools.call', req, signal ? { signal } : {}),
    readSavedResult: async (path, signal) => (await api.call('downloads.read', { path }, signal ? { signal } : {})).text,
    complete: (req) => api.call('completion.complete', req),
    readToolSource: (serverId) => api.call('toolBuilder.read', { serverId }),
    planToolChange: (req) => api.call('toolBuilder.plan', req),
    applyToolChange: (req) => api.call('toolBuilder.apply', req),
    clearLogs: async (serverId) => {
      try {
        await api.call('logs.clear', serverId === null ? {} : { serverId });
      } catch (e) {
        get().pushNotice('error', `Could not clear the logs: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  });
