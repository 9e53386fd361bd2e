import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, ApiStreams, CallContext } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { DownloadStore } from '../downloads/download-store';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ServerConnection, RequestOptions } from '../mcp/mcp-connection';
import * as req from '../mcp/server-requests';
import { expandUriTemplate } from '../mcp/uri-template';
import type { ServerCatalog } from '../servers/server-catalog';
import type { ServerManager } from '../servers/server-manager';
import { notReady } from './not-ready';
import { followServers } from './server-filter';
import { snapshotStream } from './stream-helpers';

export type RequestMethods =
  | 'servers.ping'
  | 'resources.list'
  | 'resources.templates'
  | 'resources.read'
  | 'resources.subscribe'
  | 'resources.unsubscribe'
  | 'resources.expandTemplate'
  | 'prompts.list'
  | 'prompts.get'
  | 'completion.complete'
  | 'logging.setLevel';
export type RequestStreams = 'resources.changed' | 'resources.updated' | 'prompts.changed';

/** Resources, prompts, completions, logging level and ping: each one MCP request, each answer an outcome. */
export function createRequestHandlers(servers: ServerManager, downloads: DownloadStore): Pick<ApiHandlers, RequestMethods> {
  const ready = (serverId: string) => {
    const session = servers.get(serverId);
    const conn = session.readyConnection;
    if (!conn) throw notReady(servers.summary(serverId));
    return { session, conn };
  };
  const opts = (p: { timeoutMs: number }, ctx: CallContext): RequestOptions => ({ signal: ctx.signal, timeoutMs: p.timeoutMs });
  /** A list request whose ok result also refreshes the session's snapshot. */
  const listing =
    <T>(
      send: (conn: ServerConnection, o: RequestOptions) => Promise<RequestOutcome<T>>,
      apply: (catalog: ServerCatalog, result: T) => void,
    ) =>
    async (p: { serverId: string; timeoutMs: number }, ctx: CallContext) => {
      const { session, conn } = ready(p.serverId);
      const o = await send(conn, opts(p, ctx));
      if (o.status === 'ok') apply(session.catalog, o.result);
      return o;
    };
  const subscription = (subscribed: boolean) => async (p: { serverId: string; uri: string; timeoutMs: number }, ctx: CallContext) => {
    const { session, conn } = ready(p.serverId);
    const o = await (subscribed ? req.subscribeResource : req.unsubscribeResource)(conn, p.uri, opts(p, ctx));
    if (o.status === 'ok') session.catalog.noteSubscription(p.uri, subscribed);
    return o;
  };

  return {
    'servers.ping': async (p, ctx) => req.ping(ready(p.serverId).conn, opts(p, ctx)),

    'resources.list': listing(req.listResources, (c, r) => c.applyResources(r)),
    'resources.templates': listing(req.listResourceTemplates, (c, r) => c.applyTemplates(r)),
    'resources.read': async (p, ctx) => {
      const o = await req.readResource(ready(p.serverId).conn, p.uri, opts(p, ctx));
      return o.status === 'ok' ? { ...o, result: await downloads.offload(o.result) } : o;
    },
    'resources.subscribe': subscription(true),
    'resources.unsubscribe': subscription(false),
    'resources.expandTemplate': async (p) => ({ uri: expandUriTemplate(p.uriTemplate, p.variables) }),

    'prompts.list': listing(req.listPrompts, (c, r) => c.applyPrompts(r)),
    'prompts.get': async (p, ctx) => req.getPrompt(ready(p.serverId).conn, p.name, p.arguments, opts(p, ctx)),

    'completion.complete': async (p, ctx) => req.complete(ready(p.serverId).conn, p, opts(p, ctx)),

    'logging.setLevel': async (p, ctx) => {
      const { session, conn } = ready(p.serverId);
      // The spec: clients send logging/setLevel only to servers that declare `logging`. Refusing
      // says why instead of letting a "Method not found" look like a bug in the server.
      if (!conn.serverInfo.capabilities.logging && !p.force) {
        throw new ApiError(
          'Conflict',
          `server "${session.config.name}" does not advertise logging, so its log level cannot be set (pass force to send logging/setLevel anyway). It may still send log messages: FastMCP 2.x does.`,
        );
      }
      return req.setLoggingLevel(conn, p.level, opts(p, ctx));
    },
  };
}

export function createRequestStreams(servers: ServerManager): Pick<ApiStreams, RequestStreams> {
  return {
    'resources.changed': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ catalog }) => snapshotStream(() => catalog.resources, [catalog.onDidChangeResources], emit, 0)),
    'prompts.changed': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ catalog }) => snapshotStream(() => catalog.prompts, [catalog.onDidChangePrompts], emit, 0)),
    'resources.updated': ({ serverId }, emit) => {
      if (serverId !== undefined) servers.get(serverId); // NotFound for an unknown server, as other streams
      return Event.filter(servers.onDidUpdateResource, (u) => serverId === undefined || u.serverId === serverId)(emit);
    },
  };
}
