import { describe, expect, it } from 'vitest';
import type { Assertion } from '../../../../../src-shared/api/schemas/testing';
import { checkAssertion, type AssertionContext } from '../../../../../src-main/engine/testing/assertions';
import type { CaseAnswer } from '../../../../../src-main/engine/testing/case-answer';
import { answerFromToolOutcome } from '../../../../../src-main/engine/testing/case-answer';

function answer(extra: Partial<CaseAnswer> = {}): CaseAnswer {
  const structuredContent = { sum: 42, items: [{ id: 'a', tags: ['x'] }], meta: { at: 1 } };
  return {
    kind: 'tool',
    status: 'ok',
    durationMs: 12,
    document: { content: [{ type: 'text', text: 'The sum is 42' }], structuredContent, isError: false },
    text: 'The sum is 42',
    structuredContent,
    ...extra,
  };
}

function ctx(snapshots: Record<string, unknown> = {}, outputSchema?: Record<string, unknown>): AssertionContext & { notes: string[] } {
  const notes: string[] = [];
  return {
    notes,
    ...(outputSchema ? { outputSchema } : {}),
    caseName: 'the case',
    readSnapshot: (k) => snapshots[k],
    writeSnapshot: (k, v) => (snapshots[k] = v),
    noteSnapshot: (k, state) => notes.push(`${k}:${state}`),
  };
}

const check = (a: Assertion, x = answer(), c = ctx()) => checkAssertion(a, x, c);

describe('assertions', () => {
  it('status: one or several, with the error code', () => {
    expect(check({ status: 'ok' })).toBeNull();
    expect(check({ status: 'toolError' })?.message).toBe('expected status toolError, got ok');
    expect(check({ status: ['ok', 'toolError'] })).toBeNull();
    const pe = answer({ status: 'protocolError', code: -32602, message: 'Invalid params' });
    expect(check({ status: 'protocolError', code: -32602 }, pe)).toBeNull();
    expect(check({ status: 'protocolError', code: -32601 }, pe)?.message).toContain('expected error code -32601, got -32602');
  });

  it('structuredContent: equal ignores key order; subset allows extra keys; the diff shows expected against actual', () => {
    expect(check({ structuredContent: { meta: { at: 1 }, items: [{ tags: ['x'], id: 'a' }], sum: 42 } })).toBeNull();
    expect(check({ structuredContent: { sum: 42 }, match: 'subset' })).toBeNull();
    expect(check({ structuredContent: { items: [{ id: 'a' }] }, match: 'subset' })).toBeNull();
    const f = check({ structuredContent: { sum: 41 }, match: 'subset' })!;
    expect(f.message).toContain('does not contain');
    // The subset diff shows only the keys asked about, not every extra field.
    expect(f.diff).toEqual([
      { op: 'same', text: '{' },
      { op: 'removed', text: '  "sum": 41' },
      { op: 'added', text: '  "sum": 42' },
      { op: 'same', text: '}' },
    ]);
    expect(check({ structuredContent: { sum: 42 } })?.message).toContain('differs');
  });

  it('text contains and regex; a bad regex is a failure, not a crash', () => {
    expect(check({ textContains: 'sum is' })).toBeNull();
    expect(check({ textContains: 'product' })?.message).toContain('does not contain "product"');
    expect(check({ textMatches: '^the SUM', flags: 'i' })).toBeNull();
    expect(check({ textMatches: '(' })?.message).toContain('invalid regular expression');
  });

  it('JSON pointer: equals, subset, matches, exists (and 42 is not "42")', () => {
    expect(check({ pointer: '/structuredContent/sum', equals: 42 })).toBeNull();
    const f = check({ pointer: '/structuredContent/sum', equals: '42' })!;
    expect(f.expected).toBe('"42"');
    expect(f.actual).toBe('42');
    expect(check({ pointer: '/structuredContent/items/0', subset: { id: 'a' } })).toBeNull();
    expect(check({ pointer: '/content/0/text', matches: '\\d+$' })).toBeNull();
    expect(check({ pointer: '/structuredContent/nope' })?.message).toBe('nothing at /structuredContent/nope in the answer');
    expect(check({ pointer: '/structuredContent/nope', exists: false })).toBeNull();
  });

  it('outputSchema: validated by the toolkit, draft from $schema, else 2020-12', () => {
    const schema = { type: 'object', properties: { sum: { type: 'string' } }, required: ['sum'] };
    expect(check({ outputSchema: true }, answer(), ctx({}, schema))?.message).toBe(
      'structuredContent breaks the outputSchema: sum: must be a string',
    );
    expect(check({ outputSchema: true }, answer(), ctx({}, { ...schema, properties: { sum: { type: 'number' } } }))).toBeNull();
    const s2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { items: { type: 'array', prefixItems: [{ type: 'number' }] } },
    };
    expect(check({ outputSchema: true }, answer(), ctx({}, s2020))?.message).toContain('items.0: must be a number');
    // Without $schema the same tuple is checked too: 2020-12 is the default, as in the console.
    const { $schema: _declared, ...undeclared } = s2020;
    expect(check({ outputSchema: true }, answer(), ctx({}, undeclared))?.message).toContain('items.0: must be a number');
    expect(check({ outputSchema: true })?.message).toBe('the tool declares no outputSchema');
  });

  it('latency bound', () => {
    expect(check({ maxLatencyMs: 50 })).toBeNull();
    expect(check({ maxLatencyMs: 5 })?.message).toBe('took 12 ms, over the bound of 5 ms');
  });

  it('snapshot: written on the first run, matched later, a change fails with a diff; ignored pointers do not count', () => {
    const store: Record<string, unknown> = {};
    const c1 = ctx(store);
    expect(check({ snapshot: true }, answer(), c1)).toBeNull();
    expect(c1.notes).toEqual(['the case:written']);
    expect(store['the case']).toMatchObject({ status: 'ok', structuredContent: { sum: 42 } });
    const c2 = ctx(store);
    expect(check({ snapshot: true }, answer(), c2)).toBeNull();
    expect(c2.notes).toEqual(['the case:matched']);
    const changed = answer({ structuredContent: { sum: 43, items: [], meta: { at: 2 } } });
    changed.document = { ...(changed.document as object), structuredContent: changed.structuredContent };
    const f = check({ snapshot: true }, changed, ctx(store))!;
    expect(f.message).toContain('differs from snapshot "the case"');
    expect(f.diff?.some((d) => d.op === 'added' && d.text.includes('43'))).toBe(true);
    const onlyMeta = answer({ structuredContent: { sum: 42, items: [{ id: 'a', tags: ['x'] }], meta: { at: 99 } } });
    onlyMeta.document = { ...(onlyMeta.document as object), structuredContent: onlyMeta.structuredContent };
    expect(check({ snapshot: true, ignore: ['/structuredContent/meta'] }, onlyMeta, ctx(store))).toBeNull();
  });

  it('reads a tool outcome: text blocks joined, structuredContent kept, crash message as text', () => {
    const base = { callId: 'c', serverId: 's', toolName: 't', arguments: {}, startedAt: 0, durationMs: 3, requestBytes: 1 };
    const ok = answerFromToolOutcome({
      ...base,
      status: 'ok',
      responseBytes: 1,
      result: {
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
        structuredContent: { x: 1 },
      },
    });
    expect(ok.text).toBe('a\nb');
    expect(ok.structuredContent).toEqual({ x: 1 });
    const crash = answerFromToolOutcome({
      ...base,
      status: 'crashed',
      exitCode: 3,
      signal: null,
      message: 'exited (code 3)',
      stderrTail: [],
    });
    expect(crash).toMatchObject({ status: 'crashed', message: 'exited (code 3)' });
  });
});
