import { DEPRECATED_FEATURES, type DeprecatedFeatureId, type DeprecatedUse } from '../../../src-shared/api/schemas/deprecation';
import type { LogEntry } from '../../../src-shared/api/schemas/log';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { ServerConfig, ServerInfo } from '../../../src-shared/api/schemas/server';
import type { LogService } from '../logs/log-service';
import type { OAuthTraceStore } from '../remote/oauth-trace-store';
import type { ServerSession } from './server-session';

export interface DeprecationInputs {
  config: ServerConfig;
  info: ServerInfo | undefined;
  /** The server's log ring (protocol entries carry the JSON-RPC message as `data`). */
  entries: readonly LogEntry[];
  /** Its kept OAuth sign-ins. */
  traces: readonly OAuthTrace[];
}

/** Server→client methods that belong to a deprecated feature. */
const METHOD_FEATURE: Readonly<Record<string, DeprecatedFeatureId>> = {
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
  'notifications/message': 'logging',
};

/**
 * Which deprecated features a server was seen to use: from what it declared, what it sent during
 * this run (as far as the log ring still holds it) and how MCP Lab signed in to it. Evidence only:
 * a feature a tool would use but nobody called is not seen here (the linter adds the source).
 */
export function observedDeprecations(o: DeprecationInputs): DeprecatedUse[] {
  const found = new Map<DeprecatedFeatureId, Set<string>>();
  const add = (f: DeprecatedFeatureId, why: string) => (found.get(f) ?? found.set(f, new Set()).get(f)!).add(why);

  if (o.config.transport === 'sse') add('httpSse', 'the server is reached over the HTTP+SSE transport (its transport setting)');
  if (o.info?.capabilities && 'logging' in o.info.capabilities) add('logging', 'it declares the logging capability');

  for (const e of o.entries) {
    if (e.source === 'notification') add('logging', 'it sent log messages (notifications/message)');
    if (e.source !== 'protocol' || e.protocol?.dir !== 'in') continue;
    const msg = e.data as { method?: unknown; params?: { includeContext?: unknown }; result?: { inputRequests?: unknown } } | undefined;
    const asked = [
      ...(typeof msg?.method === 'string' ? [{ method: msg.method, params: msg.params }] : []),
      ...embeddedRequests(msg?.result?.inputRequests),
    ];
    for (const r of asked) {
      const feature = METHOD_FEATURE[r.method];
      if (!feature) continue;
      add(feature, feature === 'logging' ? 'it sent log messages (notifications/message)' : `it asked for ${r.method} during this run`);
      const ctx = r.params?.includeContext;
      if (r.method === 'sampling/createMessage' && (ctx === 'thisServer' || ctx === 'allServers'))
        add('includeContext', `its sampling request asked for includeContext "${ctx}"`);
    }
  }

  for (const t of o.traces) {
    const registered = t.steps.some(
      (s) => s.kind === 'client' && s.state !== 'failed' && s.facts.some(([k]) => k === 'registration endpoint'),
    );
    if (registered)
      add(
        'dynamicClientRegistration',
        'MCP Lab signed in through its dynamic client registration endpoint (no Client ID Metadata Document support)',
      );
  }

  return (Object.keys(DEPRECATED_FEATURES) as DeprecatedFeatureId[])
    .filter((f) => found.has(f))
    .map((f) => ({ feature: f, evidence: [...found.get(f)!] }));
}

/** 2026-07-28 servers ask from inside an `input_required` result: `{ key: { method, params } }`. */
function embeddedRequests(v: unknown): Array<{ method: string; params?: { includeContext?: unknown } }> {
  if (!v || typeof v !== 'object') return [];
  return Object.values(v as Record<string, unknown>).filter(
    (r): r is { method: string } => !!r && typeof (r as { method?: unknown }).method === 'string',
  );
}

/** The report for a configured server, from what the engine holds about it now. */
export function deprecationsOf(session: ServerSession, logs: LogService, traces: OAuthTraceStore | undefined): DeprecatedUse[] {
  return observedDeprecations({
    config: session.config,
    info: session.info,
    entries: logs.since(session.id, 0).entries,
    traces: traces?.list(session.id) ?? [],
  });
}
