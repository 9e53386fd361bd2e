import type { ElicitationRule, SamplingRule } from '../../../src-shared/api/schemas/client-features';

/**
 * Auto-reply rules: the first rule whose `match` is found answers, so unattended runs (the CLI,
 * saved tests) never wait for a person. A substring matches case-insensitively; a regex as written.
 */
function matches(rule: { match: string; regex: boolean }, text: string): boolean {
  if (rule.match === '') return true;
  if (!rule.regex) return text.toLowerCase().includes(rule.match.toLowerCase());
  try {
    return new RegExp(rule.match).test(text);
  } catch {
    return false; // refused at save time; a hand-edited file must not break the request
  }
}

/** The text of the last user message of a sampling request (its text blocks, joined). */
export function lastUserText(params: Record<string, unknown>): string {
  const messages = Array.isArray(params.messages) ? (params.messages as { role?: unknown; content?: unknown }[]) : [];
  const last = [...messages].reverse().find((m) => m?.role === 'user');
  if (!last) return '';
  const blocks = Array.isArray(last.content) ? last.content : [last.content];
  return blocks
    .map((b) =>
      b && typeof b === 'object' && (b as { type?: unknown }).type === 'text' ? String((b as { text?: unknown }).text ?? '') : '',
    )
    .filter(Boolean)
    .join('\n');
}

export function findSamplingRule(
  rules: SamplingRule[],
  params: Record<string, unknown>,
): { rule: SamplingRule; index: number } | undefined {
  const text = lastUserText(params);
  const index = rules.findIndex((r) => matches(r, text));
  return index < 0 ? undefined : { rule: rules[index]!, index };
}

export function findElicitationRule(
  rules: ElicitationRule[],
  params: Record<string, unknown>,
): { rule: ElicitationRule; index: number } | undefined {
  const text = typeof params.message === 'string' ? params.message : '';
  const index = rules.findIndex((r) => matches(r, text));
  return index < 0 ? undefined : { rule: rules[index]!, index };
}
