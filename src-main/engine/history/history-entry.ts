import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CallOrigin } from '../../../src-shared/api/contract';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { HistoryEntry, HistoryKind, HistorySummary } from '../../../src-shared/api/schemas/history';
import { trimResult } from '../downloads/result-trimmer';
import type { Scrubber } from '../logs/redaction';
import { jsonBytes, trimJson } from './json-trim';

/** What a handler answered: a ToolCallOutcome or a request outcome (both carry these fields). */
export interface AnyOutcome {
  status: HistoryEntry['status'];
  serverId: string;
  startedAt: number;
  durationMs: number;
  requestBytes: number;
  responseBytes?: number;
  method?: string;
  result?: unknown;
  truncated?: { savedTo: string; bytes: number };
  [k: string]: unknown;
}

export interface RecordInput {
  kind: HistoryKind;
  /** The handler's params (defaults applied). */
  params: JsonObject;
  outcome: AnyOutcome;
  serverName: string;
  origin: CallOrigin;
  replayOf?: string;
}

export interface EntryLimits {
  /** No stored line is larger than this. */
  maxEntryBytes: number;
  /** Larger parameters go to a file; the entry keeps a trimmed view. */
  maxParamsBytes: number;
}

export interface BuiltEntry {
  entry: HistoryEntry;
  /** Files to write before the entry (the whole result, the whole parameters). */
  files: Array<{ path: string; content: string }>;
}

/** Params the caller does not choose per request: not part of what is replayed or shown. */
const TRANSIENT_PARAMS = new Set(['serverId', 'callId', 'inlineLimitBytes']);
const PREVIEW_CHARS = 160;
/** A tool name or URI is short; one that is not is shown cut (the whole one is in params). */
const TARGET_CHARS = 500;
/** Room for the summary fields around params and outcome. */
const ENTRY_OVERHEAD = 4096;

/**
 * One history entry from a request and its outcome: secret values blanked, parameters and result
 * kept within the per-entry bound (the whole of either saved to a file when it does not fit).
 */
export function buildEntry(
  input: RecordInput,
  id: string,
  seq: number,
  limits: EntryLimits,
  downloadsDir: string,
  scrub: Scrubber | undefined,
): BuiltEntry {
  const files: BuiltEntry['files'] = [];
  const rawParams: JsonObject = Object.fromEntries(Object.entries(input.params).filter(([k]) => !TRANSIENT_PARAMS.has(k)));
  // The arguments live in params; the outcome of tools.call carries them again: kept once.
  const { arguments: _args, ...rawOutcome } = input.outcome;
  const params = scrub ? scrub.value(rawParams) : rawParams;
  let outcome: JsonObject = scrub ? scrub.value(rawOutcome) : rawOutcome;
  // The scrubber returns the very same object when there was nothing to blank out.
  const redacted = params !== rawParams || outcome !== rawOutcome;

  // Most requests are small, and their wire sizes bound what they can take here (a blanked
  // secret can grow, hence the margin): then nothing needs measuring, let alone trimming.
  const req = input.outcome.requestBytes ?? 0;
  const res = input.outcome.responseBytes ?? 0;
  const small = req > 0 && req * 3 < limits.maxParamsBytes && (req + res) * 3 + 8192 < limits.maxEntryBytes;

  let keptParams = params;
  let paramsSavedTo: string | undefined;
  if (!small && jsonBytes(params) > limits.maxParamsBytes) {
    paramsSavedTo = path.join(downloadsDir, `history-${id}.params.json`);
    files.push({ path: paramsSavedTo, content: JSON.stringify(params) });
    keptParams = trimJson(params, limits.maxParamsBytes, 'in the saved parameters') as JsonObject;
  }

  const budget = small ? limits.maxEntryBytes : Math.max(4096, limits.maxEntryBytes - jsonBytes(keptParams) - ENTRY_OVERHEAD);
  let truncated = input.outcome.truncated;
  if (!small && jsonBytes(outcome) > budget) {
    if ('result' in outcome && outcome.result !== undefined) {
      if (!truncated) {
        const savedTo = path.join(downloadsDir, `history-${id}.result.json`);
        const content = JSON.stringify(outcome.result, null, 2);
        files.push({ path: savedTo, content });
        truncated = { savedTo, bytes: Buffer.byteLength(content, 'utf8') };
      }
      const limit = Math.floor(budget * 0.8);
      let result =
        input.kind === 'tools.call'
          ? trimResult(outcome.result as CallToolResult, limit)
          : trimJson(outcome.result, limit, 'in the full result');
      if (jsonBytes(result) > limit) result = trimJson(result, limit, 'in the full result');
      outcome = { ...outcome, result };
    }
    if (jsonBytes(outcome) > budget)
      outcome = {
        ...(trimJson(outcome, budget, truncated ? 'in the full result' : 'not kept') as JsonObject),
        ...baseFields(input.outcome),
      };
  }

  const o = input.outcome;
  const entry: HistoryEntry = {
    id,
    seq,
    serverId: o.serverId,
    serverName: input.serverName,
    kind: input.kind,
    method: typeof o.method === 'string' ? o.method : input.kind === 'tools.call' ? 'tools/call' : input.kind,
    ...optional('target', cut(targetOf(input.kind, params), TARGET_CHARS)),
    status: o.status,
    startedAt: o.startedAt,
    durationMs: o.durationMs,
    requestBytes: o.requestBytes,
    ...(typeof o.responseBytes === 'number' ? { responseBytes: o.responseBytes } : {}),
    preview: previewOf(input.kind, params),
    ...optional('error', errorLine(o, scrub)),
    origin: input.origin,
    ...optional('fromApp', typeof params.fromApp === 'string' ? params.fromApp : undefined),
    ...optional('replayOf', input.replayOf),
    ...(redacted ? { redacted: true } : {}),
    params: keptParams,
    ...optional('paramsSavedTo', paramsSavedTo),
    outcome,
    ...(truncated ? { truncated } : {}),
  };
  // The bound holds whatever the parts were: past it, only what the list shows is kept.
  if (!small && jsonBytes(entry) > limits.maxEntryBytes) {
    entry.outcome = {
      ...baseFields(o),
      'mcp-lab': `this outcome was too large to keep${truncated ? `; the whole result is in ${truncated.savedTo}` : ''}`,
    };
    if (jsonBytes(entry) > limits.maxEntryBytes)
      entry.params = { 'mcp-lab': `the parameters were too large to keep${paramsSavedTo ? `; they are in ${paramsSavedTo}` : ''}` };
  }
  return { entry, files };
}

function cut(s: string | undefined, max: number): string | undefined {
  return s !== undefined && s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function baseFields(o: AnyOutcome): JsonObject {
  return { status: o.status, serverId: o.serverId, startedAt: o.startedAt, durationMs: o.durationMs, requestBytes: o.requestBytes };
}

function optional<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  return v === undefined || v === '' ? {} : ({ [key]: v } as Record<K, string>);
}

/** The summary: an entry without its parameters and outcome. */
export function summarize(e: HistoryEntry): HistorySummary {
  const { params: _p, paramsSavedTo: _s, outcome: _o, truncated: _t, ...summary } = e;
  return summary;
}

export function targetOf(kind: HistoryKind, p: JsonObject): string | undefined {
  switch (kind) {
    case 'tools.call':
      return str(p.toolName);
    case 'resources.read':
    case 'resources.subscribe':
    case 'resources.unsubscribe':
      return str(p.uri);
    case 'prompts.get':
      return str(p.name);
    case 'completion.complete': {
      const ref = (p.ref ?? {}) as { name?: unknown; uri?: unknown };
      return str(ref.name) ?? str(ref.uri);
    }
    case 'logging.setLevel':
      return str(p.level);
    default:
      return undefined;
  }
}

function previewOf(kind: HistoryKind, p: JsonObject): string {
  const cut = (s: string) => (s.length > PREVIEW_CHARS ? `${s.slice(0, PREVIEW_CHARS - 1)}…` : s);
  switch (kind) {
    case 'tools.call':
      return cut(JSON.stringify(p.arguments ?? {}));
    case 'prompts.get':
      return p.arguments && Object.keys(p.arguments).length ? cut(JSON.stringify(p.arguments)) : '';
    case 'completion.complete': {
      const a = (p.argument ?? {}) as { name?: unknown; value?: unknown };
      return cut(`${String(a.name)} = ${JSON.stringify(a.value ?? '')}`);
    }
    default:
      return cut(targetOf(kind, p) ?? '');
  }
}

function errorLine(o: AnyOutcome, scrub: Scrubber | undefined): string | undefined {
  const line = (() => {
    switch (o.status) {
      case 'ok':
        return undefined;
      case 'toolError': {
        const content = (o.result as { content?: Array<{ type?: string; text?: string }> } | undefined)?.content ?? [];
        const text = content.find((b) => b.type === 'text')?.text;
        return text ? `tool error: ${text}` : 'tool error';
      }
      case 'protocolError':
        return `JSON-RPC error ${String(o.code)}: ${String(o.message)}`;
      case 'timeout':
        return `no answer within ${String(o.timeoutMs)} ms`;
      case 'cancelled':
        return 'cancelled';
      case 'crashed':
        return String(o.message);
    }
  })();
  if (line === undefined) return undefined;
  const short = line.length > 300 ? `${line.slice(0, 299)}…` : line;
  return scrub ? scrub.text(short) : short;
}

/** What the text search looks through: target, arguments, and the result's text (bounded). */
export function haystackOf(e: HistoryEntry, maxChars = 32 * 1024): string {
  const parts = [e.target ?? '', JSON.stringify(e.params), e.error ?? '', resultText(e)];
  return parts.join('\n').slice(0, maxChars).toLowerCase();
}

function resultText(e: HistoryEntry): string {
  const result = e.outcome.result as { content?: unknown; structuredContent?: unknown } | undefined;
  if (result === undefined) return e.outcome.data === undefined ? '' : JSON.stringify(e.outcome.data);
  if (e.kind === 'tools.call' && Array.isArray(result.content)) {
    const texts = (result.content as Array<{ type?: string; text?: string; resource?: { text?: string; uri?: string } }>).map((b) =>
      b.type === 'text' ? (b.text ?? '') : b.type === 'resource' ? `${b.resource?.uri ?? ''} ${b.resource?.text ?? ''}` : '',
    );
    return [...texts, result.structuredContent === undefined ? '' : JSON.stringify(result.structuredContent)].join('\n');
  }
  return JSON.stringify(result);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
