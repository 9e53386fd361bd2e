import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { DEFAULT_CALL_TIMEOUT_MS, HARD_MAX_CALL_TIMEOUT_MS } from '../../../src-shared/api/schemas/tool';

export type ArgsMode = 'form' | 'json';

/** One draft per tool, shared by the form and the JSON editor. */
export interface ToolDraft {
  mode: ArgsMode;
  /** The arguments as an object: what the form edits; in JSON mode the last text that parsed to an object. */
  value: JsonObject;
  /** The JSON text; rewritten from `value` whenever the form changes it. */
  text: string;
  /** Set while `text` is not a JSON object: nothing can be sent then. */
  parseError: string | null;
  timeoutSec: number;
}

export const DEFAULT_TIMEOUT_SEC = DEFAULT_CALL_TIMEOUT_MS / 1000;
export const MAX_TIMEOUT_SEC = HARD_MAX_CALL_TIMEOUT_MS / 1000;

export function toolKey(serverId: string, toolName: string): string {
  return `${serverId}\u0000${toolName}`;
}

export function formatArgs(value: JsonObject): string {
  return JSON.stringify(value, null, 2);
}

export function newDraft(value: JsonObject = {}): ToolDraft {
  return { mode: 'form', value, text: formatArgs(value), parseError: null, timeoutSec: DEFAULT_TIMEOUT_SEC };
}

export type ParsedArgs = { ok: true; value: JsonObject } | { ok: false; error: string };

/** Parse the JSON editor's text into tool arguments; the error text is shown to the user as-is. */
export function parseArgsText(text: string): ParsedArgs {
  if (text.trim() === '') return { ok: false, error: 'Empty: the arguments must be a JSON object, for example {}' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Malformed JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const what = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    return { ok: false, error: `The arguments must be a JSON object ({ … }), not ${what}` };
  }
  return { ok: true, value: parsed as JsonObject };
}

export function applyText(d: ToolDraft, text: string): ToolDraft {
  const p = parseArgsText(text);
  return p.ok ? { ...d, text, value: p.value, parseError: null } : { ...d, text, parseError: p.error };
}

export function applyValue(d: ToolDraft, value: JsonObject): ToolDraft {
  return { ...d, value, text: formatArgs(value), parseError: null };
}

export function clampTimeoutSec(sec: number): number {
  if (!Number.isFinite(sec) || sec <= 0) return DEFAULT_TIMEOUT_SEC;
  return Math.min(MAX_TIMEOUT_SEC, sec);
}
