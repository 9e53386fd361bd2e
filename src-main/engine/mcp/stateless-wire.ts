import { z } from 'zod';
import type {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
  SUBSCRIPTION_ID_META_KEY,
} from '@modelcontextprotocol/client';
import type { DiscoverResultSchema } from '@modelcontextprotocol/core';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { STATELESS_PROTOCOL_VERSION } from '../../../src-shared/api/schemas/protocol';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import type { ResultChecker } from './request-outcome';

// The 2026-07-28 shapes come from the SDK's 2.x packages: the schemas from @modelcontextprotocol/core
// (loaded with the SDK client, see sdk-classes.ts), the `_meta` keys checked against
// @modelcontextprotocol/client's constants by the compiler. The keys are written out rather than
// imported because importing them loads that whole client at start-up, for six strings. What
// stays here is what those packages do not hold: the envelope as MCP Lab builds it, the
// input_required result as a lenient parser (so a wrong ask can be named), the result checks.

export const META = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion' satisfies typeof PROTOCOL_VERSION_META_KEY,
  clientInfo: 'io.modelcontextprotocol/clientInfo' satisfies typeof CLIENT_INFO_META_KEY,
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities' satisfies typeof CLIENT_CAPABILITIES_META_KEY,
  logLevel: 'io.modelcontextprotocol/logLevel' satisfies typeof LOG_LEVEL_META_KEY,
  serverInfo: 'io.modelcontextprotocol/serverInfo' satisfies typeof SERVER_INFO_META_KEY,
  subscriptionId: 'io.modelcontextprotocol/subscriptionId' satisfies typeof SUBSCRIPTION_ID_META_KEY,
} as const;

/** The error code 2026-07-28 adds for an ask the request did not declare (ProtocolErrorCode.MissingRequiredClientCapability). */
export const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

export type DiscoverResult = z.infer<typeof DiscoverResultSchema>;

/** Methods whose result may be `input_required` (multi round-trip requests). */
export const INPUT_REQUIRED_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);
/** Results that must carry cache hints (`ttlMs`, `cacheScope`). */
const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);

/** The envelope every request of the stateless era carries in `params._meta`. */
export function requestEnvelope(o: {
  clientInfo: Record<string, unknown>;
  capabilities: ClientCapabilities;
  logLevel?: LogLevel | undefined;
}): Record<string, unknown> {
  return {
    [META.protocolVersion]: STATELESS_PROTOCOL_VERSION,
    [META.clientInfo]: o.clientInfo,
    [META.clientCapabilities]: o.capabilities,
    ...(o.logLevel ? { [META.logLevel]: o.logLevel } : {}),
  };
}

/** Params with the envelope merged into `_meta` (a progress token the SDK adds later is kept beside it). */
export function withEnvelope(params: Record<string, unknown> | undefined, envelope: Record<string, unknown>): Record<string, unknown> {
  const meta = (params?._meta ?? {}) as Record<string, unknown>;
  return { ...(params ?? {}), _meta: { ...meta, ...envelope } };
}

export function serverInfoOf(d: DiscoverResult): NonNullable<DiscoverResult['_meta']>[typeof META.serverInfo] {
  return d._meta?.[META.serverInfo];
}

const InputRequestSchema = z.looseObject({ method: z.string(), params: z.record(z.string(), z.unknown()).optional() });
export const InputRequiredResultSchema = z.looseObject({
  resultType: z.literal('input_required'),
  inputRequests: z.record(z.string(), InputRequestSchema).optional(),
  requestState: z.string().optional(),
});
export type InputRequiredResult = z.infer<typeof InputRequiredResultSchema>;

export function isInputRequired(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { resultType?: unknown }).resultType === 'input_required';
}

/**
 * The checks the stateless era adds to a method's result schema: `resultType` is required and
 * must be `complete` here, and cacheable results carry `ttlMs` and `cacheScope`. A failure is
 * reported as an invalid result with the raw answer, like any other wrong shape.
 */
export function statelessChecker<T>(method: string, inner: ResultChecker<T>): ResultChecker<T> {
  return {
    safeParse(v: unknown) {
      const issues: { message: string; path: (string | number)[] }[] = [];
      const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      if (r.resultType === undefined) issues.push({ path: ['resultType'], message: 'missing resultType (required by 2026-07-28)' });
      else if (r.resultType !== 'complete')
        issues.push({ path: ['resultType'], message: `unsupported resultType "${String(r.resultType)}" for ${method}` });
      if (CACHEABLE_METHODS.has(method)) {
        if (!(typeof r.ttlMs === 'number' && Number.isInteger(r.ttlMs) && r.ttlMs >= 0))
          issues.push({ path: ['ttlMs'], message: 'missing or invalid ttlMs (required by 2026-07-28)' });
        if (r.cacheScope !== 'public' && r.cacheScope !== 'private')
          issues.push({ path: ['cacheScope'], message: 'missing or invalid cacheScope (required by 2026-07-28)' });
      }
      const checked = inner.safeParse(v);
      if (!checked.success) return { success: false, error: { issues: [...issues, ...checked.error.issues] } };
      return issues.length ? { success: false, error: { issues } } : checked;
    },
  };
}
