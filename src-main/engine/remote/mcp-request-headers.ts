import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { eraOfVersion } from '../../../src-shared/api/schemas/protocol';

// Streamable HTTP in the 2026-07-28 revision mirrors body fields into request headers, so proxies
// and gateways can route without reading the body (SEP-2243, "Request Metadata" of the transport
// page). The server compares them with the body and refuses a mismatch with 400 / -32020.

const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';

/**
 * Which body field `Mcp-Name` mirrors, per method: the spec's table (tools/call, prompts/get,
 * resources/read), plus the Tasks extension's binding of `taskId`, which the SDK's server checks too.
 */
const NAME_SOURCE: ReadonlyMap<string, string> = new Map([
  ['tools/call', 'name'],
  ['prompts/get', 'name'],
  ['resources/read', 'uri'],
  ['tasks/get', 'taskId'],
  ['tasks/update', 'taskId'],
  ['tasks/cancel', 'taskId'],
]);

/**
 * A value as a header carries it: as is when it is printable ASCII without surrounding spaces,
 * otherwise (and when it looks like the sentinel itself) `=?base64?…?=` of its UTF-8 bytes.
 */
export function encodeHeaderValue(value: string): string {
  const plain = /^[\x20-\x7e]*$/.test(value) && value.trim() === value && !(value.startsWith('=?base64?') && value.endsWith('?='));
  return plain ? value : `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/**
 * The headers a POST body needs, when it is one 2026-07-28 request (its `_meta` names that
 * revision): `MCP-Protocol-Version`, `Mcp-Method` and, for the methods that name something,
 * `Mcp-Name`. Initialize-era bodies get none: those servers do not expect them.
 */
export function mirroredHeaders(body: unknown): Record<string, string> {
  if (typeof body !== 'string') return {};
  let msg: unknown;
  try {
    msg = JSON.parse(body);
  } catch {
    return {};
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return {};
  const { method, params } = msg as { method?: unknown; params?: Record<string, unknown> };
  const version = (params?._meta as Record<string, unknown> | undefined)?.[PROTOCOL_VERSION_META];
  if (typeof method !== 'string' || typeof version !== 'string' || eraOfVersion(version) !== 'stateless') return {};
  const out: Record<string, string> = { 'mcp-protocol-version': version, 'mcp-method': method };
  const field = NAME_SOURCE.get(method);
  const name = field ? params?.[field] : undefined;
  if (typeof name === 'string') out['mcp-name'] = encodeHeaderValue(name);
  return out;
}

/** A fetch that adds the mirrored headers to every POST it sends (see `mirroredHeaders`). */
export function withRequestMetadata(fetch: FetchLike): FetchLike {
  return (input, init) => {
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return fetch(input, init);
    const extra = mirroredHeaders(init?.body);
    if (!Object.keys(extra).length) return fetch(input, init);
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return fetch(input, { ...init, headers });
  };
}
