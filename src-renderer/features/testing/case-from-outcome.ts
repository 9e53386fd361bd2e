import type { Assertion, TestCase } from '../../../src-shared/api/schemas/testing';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

/** An assertion the "Save as test" dialog proposes, with a label for its checkbox. */
export interface ProposedAssertion {
  id: string;
  label: string;
  assertion: Assertion;
  checked: boolean;
}

const SAVABLE = new Set(['ok', 'toolError', 'protocolError', 'timeout', 'crashed']);

export function canSaveOutcome(o: ToolCallOutcome): boolean {
  return SAVABLE.has(o.status);
}

function firstText(o: ToolCallOutcome): string | undefined {
  if (o.status !== 'ok' && o.status !== 'toolError') return undefined;
  for (const b of o.result.content ?? []) if (b.type === 'text' && b.text.trim()) return b.text.trim().split('\n')[0]!.slice(0, 120);
  return undefined;
}

/**
 * What a saved call should check, read off what it answered: its status (and error code), its
 * structuredContent exactly, else a piece of its text; the outputSchema when the tool declares one.
 * A snapshot is offered, unchecked: it records the whole answer on the first run.
 */
export function proposeAssertions(o: ToolCallOutcome, hasOutputSchema: boolean): ProposedAssertion[] {
  const out: ProposedAssertion[] = [];
  const status = o.status as Extract<Assertion, { status: unknown }>['status'];
  if (o.status === 'protocolError')
    out.push({
      id: 'status',
      label: `status is protocolError with code ${o.code}`,
      assertion: { status: 'protocolError', code: o.code },
      checked: true,
    });
  else out.push({ id: 'status', label: `status is ${o.status}`, assertion: { status }, checked: true });
  if (o.status === 'ok' || o.status === 'toolError') {
    const sc = (o.result as { structuredContent?: unknown }).structuredContent;
    const text = firstText(o);
    if (sc !== undefined)
      out.push({
        id: 'structured',
        label: 'structuredContent equals what it returned now',
        assertion: { structuredContent: sc, match: 'equal' },
        checked: true,
      });
    if (text)
      out.push({
        id: 'text',
        label: `text contains "${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`,
        assertion: { textContains: text },
        checked: sc === undefined,
      });
    if (o.status === 'ok' && hasOutputSchema)
      out.push({
        id: 'schema',
        label: 'structuredContent is valid against the outputSchema',
        assertion: { outputSchema: true },
        checked: true,
      });
  }
  out.push({
    id: 'snapshot',
    label: 'snapshot of the whole answer (recorded on the first run)',
    assertion: { snapshot: true },
    checked: false,
  });
  return out;
}

/** A value as a person would write it in a name: plain strings and numbers, short JSON for the rest. */
function shortValue(v: unknown): string {
  if (typeof v === 'string') return v.length > 24 ? `${v.slice(0, 24)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  const json = JSON.stringify(v) ?? '';
  return json.length > 24 ? `${json.slice(0, 24)}…` : json;
}

/** "forecast, city=Paris, days=3": the tool and its arguments, readable in a list of cases. */
export function defaultCaseName(o: ToolCallOutcome): string {
  const parts = Object.entries(o.arguments ?? {}).map(([k, v]) => `${k}=${shortValue(v)}`);
  const name = [o.toolName, ...parts].join(', ');
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

export function caseFromOutcome(o: ToolCallOutcome, name: string, assertions: ProposedAssertion[]): TestCase {
  return { name, tool: o.toolName, arguments: o.arguments, expect: assertions.filter((a) => a.checked).map((a) => a.assertion) };
}
