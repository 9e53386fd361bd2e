import { describe, expect, it } from 'vitest';
import { describeFuzzAnswer } from '../../../../src-shared/fuzz/fuzz-answer';

describe('describeFuzzAnswer', () => {
  it('says what came back, in one line', () => {
    expect(describeFuzzAnswer({ status: 'protocolError', durationMs: 3.4, code: -32602, message: 'Invalid arguments\nfor tool' })).toBe(
      'JSON-RPC error -32602: Invalid arguments (3 ms)',
    );
    expect(describeFuzzAnswer({ status: 'toolError', durationMs: 2, text: 'level must be 0..10' })).toBe(
      'tool error: level must be 0..10 (2 ms)',
    );
    expect(describeFuzzAnswer({ status: 'ok', durationMs: 1, text: 'done' })).toBe('a result: done (1 ms)');
    expect(describeFuzzAnswer({ status: 'timeout', durationMs: 300 })).toBe('no answer within 300 ms');
    expect(describeFuzzAnswer({ status: 'crashed', durationMs: 9, message: 'the server process exited (exit code 3)' })).toBe(
      'the server crashed: the server process exited (exit code 3)',
    );
  });
});
