import { describe, expect, it } from 'vitest';
import type { FuzzFinding } from '../../../../../src-shared/api/schemas/fuzz';
import { addFinding } from '../../../../../src-main/engine/fuzz/finding-groups';

let n = 0;
function finding(over: Partial<FuzzFinding>): FuzzFinding {
  n++;
  return {
    id: `f${n}`,
    kind: 'validationAsProtocolError',
    severity: 'warning',
    title: 'invalid input answered with a JSON-RPC error',
    detail: '',
    generator: `invalid:g${n}`,
    input: {},
    shrinkSteps: 0,
    occurrences: 1,
    outcome: { status: 'protocolError', durationMs: 1, code: -32602, message: `bad ${n}` },
    testCase: { name: 'x', tool: 't', arguments: {}, expect: [] },
    ...over,
  };
}

describe('addFinding', () => {
  it('counts a finding of the same cause (kind, shrunk input, answer class) once, whatever the generator and message', () => {
    const list: FuzzFinding[] = [];
    addFinding(list, finding({ input: { a: 1, b: '' } }));
    addFinding(list, finding({ input: { b: '', a: 1 } })); // key order does not matter
    addFinding(list, finding({ input: { a: 1, b: '' }, occurrences: 3 }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'f1', occurrences: 5, outcome: { message: 'bad 1' } });
  });

  it('keeps findings apart when the input, the kind or the answer class differs', () => {
    const list: FuzzFinding[] = [];
    addFinding(list, finding({ input: { a: 1 } }));
    addFinding(list, finding({ input: { a: 2 } }));
    addFinding(list, finding({ input: { a: 1 }, kind: 'invalidAccepted' }));
    addFinding(list, finding({ input: { a: 1 }, outcome: { status: 'protocolError', durationMs: 1, code: -32603 } }));
    addFinding(list, finding({ input: { a: 1 }, outcome: { status: 'toolError', durationMs: 1 } }));
    expect(list).toHaveLength(5);
  });

  it('sorts by severity, errors first, and keeps the order found within a severity', () => {
    const list: FuzzFinding[] = [];
    addFinding(list, finding({ input: { w: 1 } }));
    addFinding(list, finding({ input: { e: 1 }, severity: 'error', kind: 'crash' }));
    addFinding(list, finding({ input: { w: 2 } }));
    addFinding(list, finding({ input: { e: 2 }, severity: 'error', kind: 'hang' }));
    expect(list.map((f) => f.input)).toEqual([{ e: 1 }, { e: 2 }, { w: 1 }, { w: 2 }]);
  });
});
