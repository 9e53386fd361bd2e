import { describe, expect, it } from 'vitest';
import { judgeCall, unexpectedTraceback } from '../../../../../src-main/engine/fuzz/judge';
import type { ToolCallOutcome } from '../../../../../src-shared/api/schemas/tool';

const base = { callId: 'c', serverId: 's', toolName: 't', arguments: {}, startedAt: 0, durationMs: 5, requestBytes: 1 };
const ok = (structuredContent?: unknown): ToolCallOutcome => ({
  ...base,
  status: 'ok',
  responseBytes: 1,
  result: { content: [{ type: 'text', text: 'fine' }], ...(structuredContent ? { structuredContent } : {}) } as never,
});
const toolError: ToolCallOutcome = {
  ...base,
  status: 'toolError',
  responseBytes: 1,
  result: { isError: true, content: [{ type: 'text', text: 'bad input' }] },
};
const protocolError: ToolCallOutcome = { ...base, status: 'protocolError', code: -32602, message: 'Invalid params' };
const input = { generator: 'g', args: { level: 11 }, valid: false as boolean | undefined, onlyUnexpected: false };
const schemas = { input: { type: 'object', properties: { level: { type: 'integer', maximum: 10 } } } };
const obs = (outcome: ToolCallOutcome, stderr: string[] = []) => ({ outcome, stderr, pingBlocked: false });
const kinds = (...a: Parameters<typeof judgeCall>) => judgeCall(...a).map((v) => v.kind);

describe('fuzz judge', () => {
  it('a tool error is always fine; invalid input answered ok or with a JSON-RPC error is a finding', () => {
    expect(kinds(input, obs(toolError), schemas)).toEqual([]);
    expect(kinds(input, obs(ok()), schemas)).toEqual(['invalidAccepted']);
    expect(judgeCall(input, obs(ok()), schemas)[0]!.detail).toContain('level: must be at most 10');
    expect(kinds(input, obs(protocolError), schemas)).toEqual(['validationAsProtocolError']);
    expect(kinds({ ...input, valid: true }, obs(protocolError), schemas)).toEqual(['protocolErrorOnValidInput']);
    expect(kinds({ ...input, onlyUnexpected: true }, obs(ok()), schemas)).toEqual([]);
  });

  it('crashes, hangs, blocked event loops and output that breaks the outputSchema', () => {
    const crashed: ToolCallOutcome = { ...base, status: 'crashed', exitCode: 1, signal: null, message: 'exited', stderrTail: ['boom'] };
    expect(kinds({ ...input, valid: true }, obs(crashed), schemas)).toEqual(['crash']);
    expect(
      kinds({ ...input, valid: true }, { ...obs({ ...base, status: 'timeout', timeoutMs: 100 }), aliveAfterTimeout: false }, schemas),
    ).toEqual(['hang']);
    expect(kinds({ ...input, valid: true }, { ...obs(ok()), pingBlocked: true }, schemas)).toEqual(['blocksEventLoop']);
    const out = { ...schemas, output: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } };
    expect(kinds({ ...input, valid: true }, obs(ok({ n: 'x' })), out)).toEqual(['outputSchemaViolation']);
    expect(kinds({ ...input, valid: true }, obs(ok()), out)).toEqual(['outputSchemaViolation']);
    expect(kinds({ ...input, valid: true }, obs(ok({ n: 1 })), out)).toEqual([]);
  });

  it('tracebacks: an unhandled exception counts, a deliberate ToolError does not (rich and plain Python, Node)', () => {
    const rich = [
      'Error calling tool',
      '╭──── Traceback (most recent call last) ────╮',
      '│ server.py:26 in first_letter │',
      '╰──────────────────────────────────────────╯',
      'IndexError: string index out of range',
    ];
    expect(unexpectedTraceback(rich)).toBe('IndexError');
    const deliberate = [
      'Traceback (most recent call last):',
      '  File "server.py", line 5, in divide',
      'fastmcp.exceptions.ToolError: Cannot divide by zero',
    ];
    expect(unexpectedTraceback(deliberate)).toBeUndefined();
    expect(unexpectedTraceback(['TypeError: x is undefined', '    at run (/srv/index.js:10:5)'])).toBe('TypeError');
    expect(unexpectedTraceback(['INFO started', 'WARNING Invalid arguments for tool'])).toBeUndefined();
    expect(kinds({ ...input, valid: true }, obs(toolError, rich), schemas)).toEqual(['stderrTraceback']);
  });
});
