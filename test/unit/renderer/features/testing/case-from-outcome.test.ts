import { describe, expect, it } from 'vitest';
import {
  canSaveOutcome,
  caseFromOutcome,
  defaultCaseName,
  proposeAssertions,
} from '../../../../../src-renderer/features/testing/case-from-outcome';
import { TestCaseSchema } from '../../../../../src-shared/api/schemas/testing';
import { outcome } from '../../helpers/fixtures';

describe('Save as test: checks read off the answer', () => {
  it('names a case the way a person would: the tool, then key=value', () => {
    expect(defaultCaseName(outcome('ok', { toolName: 'forecast', arguments: { city: 'Paris', days: 3 } }))).toBe(
      'forecast, city=Paris, days=3',
    );
    expect(defaultCaseName(outcome('ok', { toolName: 'ping', arguments: {} }))).toBe('ping');
    expect(defaultCaseName(outcome('ok', { toolName: 'tag', arguments: { tags: ['a', 'b'], note: 'x'.repeat(40) } }))).toBe(
      `tag, tags=["a","b"], note=${'x'.repeat(24)}…`,
    );
  });

  it('structured result: status, exact structuredContent and the outputSchema; text only as an option', () => {
    const o = outcome('ok', {
      toolName: 'add',
      arguments: { a: 2, b: 40 },
      result: { content: [{ type: 'text', text: '42' }], structuredContent: { sum: 42 } },
    });
    const p = proposeAssertions(o, true);
    expect(p.filter((x) => x.checked).map((x) => x.assertion)).toEqual([
      { status: 'ok' },
      { structuredContent: { sum: 42 }, match: 'equal' },
      { outputSchema: true },
    ]);
    const c = caseFromOutcome(o, 'adds', p);
    expect(c).toEqual({
      name: 'adds',
      tool: 'add',
      arguments: { a: 2, b: 40 },
      expect: [{ status: 'ok' }, { structuredContent: { sum: 42 }, match: 'equal' }, { outputSchema: true }],
    });
    expect(TestCaseSchema.safeParse(c).success).toBe(true);
  });

  it('text result: the first line of text; protocol errors keep their code; a cancelled call cannot be saved', () => {
    const te = outcome('toolError', {
      result: { isError: true, content: [{ type: 'text', text: 'Cannot divide by zero: b must be non-zero.\nmore' }] },
    });
    expect(
      proposeAssertions(te, false)
        .filter((x) => x.checked)
        .map((x) => x.assertion),
    ).toEqual([{ status: 'toolError' }, { textContains: 'Cannot divide by zero: b must be non-zero.' }]);
    expect(proposeAssertions(outcome('protocolError'), false)[0]!.assertion).toEqual({ status: 'protocolError', code: -32602 });
    expect(canSaveOutcome(outcome('cancelled'))).toBe(false);
  });
});
