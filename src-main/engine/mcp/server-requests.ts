import {
  CompleteResultSchema,
  GetPromptResultSchema,
  ListPromptsResultSchema,
  ListResourceTemplatesResultSchema,
  ListResourcesResultSchema,
  ReadResourceResultSchema,
  type CompleteResult,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type { CompletionRef, CompletionResult } from '../../../src-shared/api/schemas/completion';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ResourceInfo, ResourceTemplateInfo } from '../../../src-shared/api/schemas/resource';
import type { ServerConnection, RequestOptions } from './mcp-connection';

type Empty = Record<string, unknown>;

/** Transform the result of an ok outcome; failures pass through untouched. */
export async function mapOk<A, B>(pending: Promise<RequestOutcome<A>>, f: (a: A) => B): Promise<RequestOutcome<B>> {
  const o = await pending;
  return o.status === 'ok' ? { ...o, result: f(o.result) } : o;
}

// The MCP requests besides tools/call, each checked against the SDK's schema for its result.

export const listResources = (c: ServerConnection, o: RequestOptions) =>
  mapOk(
    c.listAll('resources/list', ListResourcesResultSchema, (p) => p.resources as ResourceInfo[], o),
    (r) => ({ resources: r.items, pages: r.pages, ...(r.cache ? { cache: r.cache } : {}) }),
  );

export const listResourceTemplates = (c: ServerConnection, o: RequestOptions) =>
  mapOk(
    c.listAll('resources/templates/list', ListResourceTemplatesResultSchema, (p) => p.resourceTemplates as ResourceTemplateInfo[], o),
    (r) => ({
      resourceTemplates: r.items,
      pages: r.pages,
      ...(r.cache ? { cache: r.cache } : {}),
    }),
  );

export const listPrompts = (c: ServerConnection, o: RequestOptions) =>
  mapOk(
    c.listAll('prompts/list', ListPromptsResultSchema, (p) => p.prompts as PromptInfo[], o),
    (r) => ({ prompts: r.items, pages: r.pages, ...(r.cache ? { cache: r.cache } : {}) }),
  );

/** The raw contents: deciding what is too large to carry is the caller's job (see DownloadStore). */
export const readResource = (c: ServerConnection, uri: string, o: RequestOptions): Promise<RequestOutcome<ReadResourceResult>> =>
  c.request('resources/read', { uri }, ReadResourceResultSchema, o);

/** resources/subscribe, or on a 2026-07-28 server a new subscriptions/listen with the URI added. */
export const subscribeResource = (c: ServerConnection, uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> =>
  c.subscribeResource(uri, o);

export const unsubscribeResource = (c: ServerConnection, uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> =>
  c.unsubscribeResource(uri, o);

export const getPrompt = (
  c: ServerConnection,
  name: string,
  args: Record<string, string>,
  o: RequestOptions,
): Promise<RequestOutcome<GetPromptResult>> => c.request('prompts/get', { name, arguments: args }, GetPromptResultSchema, o);

export const complete = (
  c: ServerConnection,
  p: { ref: CompletionRef; argument: { name: string; value: string }; context?: { arguments: Record<string, string> } | undefined },
  o: RequestOptions,
): Promise<RequestOutcome<CompletionResult>> =>
  mapOk(
    c.request<CompleteResult>(
      'completion/complete',
      { ref: p.ref, argument: p.argument, ...(p.context ? { context: p.context } : {}) },
      CompleteResultSchema,
      o,
    ),
    ({ completion }) => ({
      values: completion.values,
      ...(completion.total !== undefined ? { total: completion.total } : {}),
      ...(completion.hasMore !== undefined ? { hasMore: completion.hasMore } : {}),
    }),
  );

/** logging/setLevel; a 2026-07-28 server gets the level in every request's envelope instead. */
export const setLoggingLevel = (c: ServerConnection, level: LogLevel, o: RequestOptions): Promise<RequestOutcome<Empty>> =>
  c.setLoggingLevel(level, o);

/** ping; a 2026-07-28 server (no ping in that revision) is asked server/discover. */
export const ping = (c: ServerConnection, o: RequestOptions): Promise<RequestOutcome<Empty>> => c.ping(o);
