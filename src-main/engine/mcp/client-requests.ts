import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancelledNotificationSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  type ClientCapabilities,
  type JSONRPCRequest,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { ClientFeatureName, ClientFeatures, RootEntry } from '../../../src-shared/api/schemas/client-features';
import type { ClientRequestKind } from '../../../src-shared/api/schemas/client-request';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { formatElicitIssues, validateElicitContent } from '../../../src-shared/client-features/elicit-content';
import { defaultElicitContent } from '../../../src-shared/client-features/elicit-fields';
import type { IDisposable } from '../../../src-shared/base/lifecycle';
import { findElicitationRule, findSamplingRule } from '../client-requests/auto-reply';
import type { PendingClientRequests } from '../client-requests/pending-client-requests';
import { METHOD_NOT_FOUND, RpcError } from '../client-requests/rpc-error';
import type { ServerConnection } from './connection-base';
import type { McpConnection } from './mcp-connection';
import type { ShellWording } from '../base/shell-wording';

/** What `initialize` declares for each enabled feature. Elicitation offers both modes; roots say when they change. */
export function clientCapabilities(declared: readonly ClientFeatureName[]): ClientCapabilities {
  const caps: ClientCapabilities = {};
  if (declared.includes('sampling')) caps.sampling = {};
  if (declared.includes('elicitation')) caps.elicitation = { form: {}, url: {} };
  if (declared.includes('roots')) caps.roots = { listChanged: true };
  return caps;
}

/** The configured folders, or the workspace folder when none are configured. */
export function resolveRoots(roots: ClientFeatures['roots'], workspaceDir: string): RootEntry[] {
  return roots.folders ?? [{ uri: pathToFileURL(workspaceDir).href, name: path.basename(workspaceDir) || 'workspace' }];
}

const FEATURE_OF: Record<string, ClientFeatureName> = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
  'roots/list': 'roots',
};

export interface ClientRequestsOptions {
  serverId: string;
  /** What this run declared (fixed at start: the SDK checks handlers against it). */
  declared: readonly ClientFeatureName[];
  /** The current config: rules and roots apply at once, without a restart. */
  features(): ClientFeatures;
  workspaceDir: string;
  pending: PendingClientRequests;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  /** How messages name a setting in this shell. */
  wording: ShellWording;
}

export interface ClientRequestsHandle extends IDisposable {
  /** The config changed: tell the server when its roots did (`notifications/roots/list_changed`). */
  configChanged(before: ClientFeatures, after: ClientFeatures): void;
}

export interface AnswerContext {
  /** Aborts when the server withdraws the request, the call that asked is cancelled, or the connection closes. */
  signal: AbortSignal;
  /** How the request is named in the log: its JSON-RPC id, or `<response id>/<key>` for an input_required ask. */
  requestId: string | number;
  connectionClosed(): boolean;
  /** Set when a 2026-07-28 server asked inside an input_required result. */
  inputRequired?: { method: string; key: string; round: number };
}

export type InputMethod = 'sampling/createMessage' | 'elicitation/create' | 'roots/list';

/** Answers sampling, elicitation and roots, whichever era asked: a rule, the config, or a person. */
export interface RequestAnswerer {
  /** Resolves with the result for the server; rejects with the RpcError a person's refusal or a timeout means. */
  answer(method: InputMethod, params: Record<string, unknown>, ctx: AnswerContext): Promise<Record<string, unknown>>;
}

/**
 * Roots from the config; sampling and elicitation by the first matching auto-reply rule, else by
 * a person through the pending registry. Time a person spends answering does not count against
 * the calls in flight on `conn` (one of them asked).
 */
export function createRequestAnswerer(
  conn: Pick<ServerConnection, 'holdTimeouts'>,
  o: Omit<ClientRequestsOptions, 'declared'>,
): RequestAnswerer & IDisposable {
  const holds = new Set<IDisposable>();
  const askPerson = async (kind: ClientRequestKind, method: string, params: Record<string, unknown>, ctx: AnswerContext) => {
    const hold = conn.holdTimeouts();
    holds.add(hold);
    try {
      return await o.pending.wait({
        serverId: o.serverId,
        kind,
        method,
        jsonRpcId: ctx.requestId,
        params: params as JsonObject,
        signal: ctx.signal,
        connectionClosed: ctx.connectionClosed,
        ...(ctx.inputRequired ? { inputRequired: ctx.inputRequired } : {}),
      });
    } finally {
      holds.delete(hold);
      hold.dispose();
    }
  };
  return {
    async answer(method, params, ctx) {
      if (method === 'roots/list') return { roots: resolveRoots(o.features().roots, o.workspaceDir) };
      if (method === 'sampling/createMessage') {
        const hit = findSamplingRule(o.features().sampling.rules, params as never);
        if (!hit) return askPerson('sampling', method, params, ctx);
        o.log(
          'info',
          `sampling/createMessage #${ctx.requestId}: answered by auto-reply rule ${hit.index + 1}${hit.rule.match ? ` (matches "${hit.rule.match}")` : ''}`,
        );
        return {
          role: 'assistant',
          content: { type: 'text', text: hit.rule.text },
          model: hit.rule.model,
          stopReason: hit.rule.stopReason,
        };
      }
      const hit = findElicitationRule(o.features().elicitation.rules, params as JsonObject);
      if (!hit) return askPerson('elicitation', method, params, ctx);
      const { action, content } = hit.rule;
      const isForm = params.mode !== 'url';
      // As the dialog does: the form starts from the schema's defaults, the rule's values are typed over them.
      const sent =
        action === 'accept' && isForm ? { action, content: { ...defaultElicitContent(params.requestedSchema), ...content } } : { action };
      const issues = action === 'accept' && isForm ? validateElicitContent(params.requestedSchema, sent.content) : [];
      o.log(
        issues.length ? 'warning' : 'info',
        `elicitation/create #${ctx.requestId}: answered "${action}" by auto-reply rule ${hit.index + 1}` +
          (issues.length ? `; its content does not match the requested schema (${formatElicitIssues(issues)}), sent as configured` : ''),
      );
      return sent;
    },
    dispose() {
      for (const h of holds) h.dispose();
      holds.clear();
    },
  };
}

/**
 * Answer the requests a server of the initialize era sends to MCP Lab (see createRequestAnswerer).
 * A feature that was not declared has no handler, so the server gets the SDK's -32601 Method not
 * found, as from any client without it (plus a line in our log saying why).
 */
export function attachClientRequests(conn: McpConnection, o: ClientRequestsOptions): ClientRequestsHandle {
  const { client } = conn;
  const has = (f: ClientFeatureName) => o.declared.includes(f);
  let disposed = false;
  const answerer = createRequestAnswerer(conn, o);
  const ctx = (extra: { signal: AbortSignal; requestId: string | number }): AnswerContext => ({
    signal: extra.signal,
    requestId: extra.requestId,
    connectionClosed: () => disposed || client.transport === undefined,
  });

  if (has('sampling')) {
    client.setRequestHandler(
      CreateMessageRequestSchema,
      async (req, extra) => (await answerer.answer('sampling/createMessage', req.params, ctx(extra))) as never,
    );
  }
  if (has('elicitation')) {
    client.setRequestHandler(
      ElicitRequestSchema,
      async (req, extra) => (await answerer.answer('elicitation/create', req.params as JsonObject, ctx(extra))) as never,
    );
  }
  if (has('roots')) {
    client.setRequestHandler(
      ListRootsRequestSchema,
      async (req, extra) => (await answerer.answer('roots/list', req.params ?? {}, ctx(extra))) as never,
    );
  }

  // SDK 1.32 drops notifications/cancelled for request id 0 (`if (!requestId) return`), and a
  // server's first request has id 0: the same lookup the SDK does, without that check. Without it
  // a withdrawn first request would wait for an answer nobody can give.
  client.setNotificationHandler(CancelledNotificationSchema, (n) => {
    const { requestId, reason } = n.params;
    if (requestId === undefined) return;
    const handlers = (client as unknown as { _requestHandlerAbortControllers?: Map<RequestId, AbortController> })
      ._requestHandlerAbortControllers;
    handlers?.get(requestId)?.abort(reason);
  });

  // Without this the SDK answers the same -32601 silently; with it, our log says which switch is off.
  client.fallbackRequestHandler = async (req: JSONRPCRequest) => {
    const feature = FEATURE_OF[req.method];
    if (feature) {
      o.log(
        'warning',
        `the server sent ${req.method} #${req.id}, but ${feature} is turned off for this server (not declared in initialize), so it got -32601 Method not found. ${o.wording.enableFeature(feature)}, then restart the server.`,
      );
    }
    throw new RpcError(METHOD_NOT_FOUND, 'Method not found');
  };

  return {
    configChanged(before, after) {
      if (!has('roots') || disposed) return;
      const a = JSON.stringify(resolveRoots(before.roots, o.workspaceDir));
      const b = JSON.stringify(resolveRoots(after.roots, o.workspaceDir));
      if (a === b) return;
      client.sendRootsListChanged().then(
        () => o.log('info', 'roots changed: sent notifications/roots/list_changed'),
        (e: unknown) => o.log('warning', `could not send notifications/roots/list_changed: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    dispose() {
      disposed = true;
      answerer.dispose();
    },
  };
}
