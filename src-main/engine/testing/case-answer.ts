import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';

/**
 * A case's answer in one shape whatever was asked (tool, resource, prompt): what the assertions
 * read. `document` is what pointers and snapshots see: the result (tools: content, structuredContent,
 * isError; resources: contents; prompts: description, messages), or `{ code, message, data }` for a
 * protocol error, or `{ status, message }` for the rest.
 */
export interface CaseAnswer {
  kind: 'tool' | 'resource' | 'prompt';
  status: string;
  code?: number;
  message?: string;
  durationMs: number;
  document: unknown;
  /** Every text the answer carries, joined by newlines (text blocks, text contents, prompt texts). */
  text: string;
  structuredContent?: unknown;
}

export function answerFromToolOutcome(o: ToolCallOutcome): CaseAnswer {
  const base = { kind: 'tool' as const, status: o.status, durationMs: o.durationMs };
  if (o.status === 'ok' || o.status === 'toolError') {
    const r = o.result as { content?: unknown[]; structuredContent?: unknown; isError?: boolean };
    const content = Array.isArray(r.content) ? r.content : [];
    const document = {
      content,
      ...(r.structuredContent !== undefined ? { structuredContent: r.structuredContent } : {}),
      isError: o.status === 'toolError',
    };
    return {
      ...base,
      document,
      text: texts(content),
      ...(r.structuredContent !== undefined ? { structuredContent: r.structuredContent } : {}),
    };
  }
  return failureAnswer(base, o);
}

export function answerFromRequestOutcome(kind: 'resource' | 'prompt', o: RequestOutcome<unknown>): CaseAnswer {
  const base = { kind, status: o.status, durationMs: o.durationMs };
  if (o.status !== 'ok') return failureAnswer(base, o);
  const r = o.result as { contents?: unknown[]; messages?: Array<{ content?: unknown }>; description?: string };
  if (kind === 'resource') return { ...base, document: { contents: r.contents ?? [] }, text: texts(r.contents ?? []) };
  const messages = r.messages ?? [];
  return {
    ...base,
    document: { ...(r.description !== undefined ? { description: r.description } : {}), messages },
    text: [r.description ?? '', texts(messages.map((m) => m.content))].filter(Boolean).join('\n'),
  };
}

function failureAnswer(
  base: Pick<CaseAnswer, 'kind' | 'status' | 'durationMs'>,
  o: { status: string } & Partial<{ code: number; message: string; data: unknown; timeoutMs: number }>,
): CaseAnswer {
  if (o.status === 'protocolError') {
    return {
      ...base,
      code: o.code!,
      message: o.message!,
      document: { code: o.code, message: o.message, ...(o.data !== undefined ? { data: o.data } : {}) },
      text: o.message ?? '',
    };
  }
  const message = o.message ?? (o.status === 'timeout' ? `no answer within ${o.timeoutMs} ms` : o.status);
  return { ...base, message, document: { status: o.status, message }, text: message };
}

function texts(blocks: unknown[]): string {
  return blocks
    .map((b) =>
      typeof b === 'object' && b !== null && typeof (b as { text?: unknown }).text === 'string' ? (b as { text: string }).text : '',
    )
    .filter(Boolean)
    .join('\n');
}

/** What a snapshot keeps: the answer without timings. */
export function snapshotValue(a: CaseAnswer): unknown {
  if (a.status === 'ok' || a.status === 'toolError') return { status: a.status, ...(a.document as object) };
  return { status: a.status, ...(a.code !== undefined ? { code: a.code } : {}), message: a.message };
}
