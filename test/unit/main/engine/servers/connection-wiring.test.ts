import { describe, expect, it } from 'vitest';
import { logMessageText } from '../../../../../src-main/engine/servers/connection-wiring';

describe('the text of a server log message', () => {
  it('is the message itself, whichever framework wrapped it', () => {
    expect(logMessageText('plain text')).toBe('plain text');
    expect(logMessageText({ msg: 'from Python FastMCP', extra: null })).toBe('from Python FastMCP');
    expect(logMessageText({ context: { steps: 1 }, message: 'from TypeScript fastmcp' })).toBe('from TypeScript fastmcp');
  });

  it('is the JSON when there is no message to pick', () => {
    expect(logMessageText({ level: 3, items: [1, 2] })).toBe('{"level":3,"items":[1,2]}');
    expect(logMessageText([1, 2])).toBe('[1,2]');
    expect(logMessageText({ message: 42 })).toBe('{"message":42}');
    expect(logMessageText(null)).toBe('null');
    expect(logMessageText(undefined)).toBe('undefined');
  });
});
