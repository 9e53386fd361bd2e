import { describe, expect, it } from 'vitest';
import { sniffResponseId } from '../../../../../src-main/engine/mcp/child-process-transport';

/** The first 512 and last 256 characters of a line, as the line splitter keeps them. */
function cut(line: string): [string, string] {
  return [line.slice(0, 512), line.slice(-256)];
}
const big = 'x'.repeat(100_000);

describe('sniffResponseId (which request a discarded, oversize line answered)', () => {
  it('takes the id written before the result (Python json, most writers)', () => {
    expect(sniffResponseId(...cut(`{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"${big}"}]}}`))).toBe(7);
    expect(sniffResponseId(...cut(`{"jsonrpc": "2.0", "id": "req-1", "error": {"code": 1, "message": "${big}"}}`))).toBe('req-1');
  });

  it('takes the id written after the result (the TypeScript SDK)', () => {
    expect(sniffResponseId(...cut(`{"result":{"content":[{"type":"text","text":"${big}"}]},"jsonrpc":"2.0","id":12}`))).toBe(12);
    expect(sniffResponseId(...cut(`{"result":{"t":"${big}"},"jsonrpc":"2.0","id":"a\\"}b"}\r`))).toBe('a"}b');
  });

  it('rejects an id that belongs to the payload', () => {
    // An "id" inside the result, in the head…
    expect(sniffResponseId(...cut(`{"result":{"items":[{"id":3,"v":"${big}"}]},"jsonrpc":"2.0"}`))).toBeUndefined();
    // …or closing a nested object in the tail.
    expect(sniffResponseId(...cut(`{"jsonrpc":"2.0","result":{"v":"${big}","item":{"id":3}}}`))).toBeUndefined();
    expect(sniffResponseId(...cut(`{"jsonrpc":"2.0","result":{"v":"${big}","items":[{"id":3}]}}`))).toBeUndefined();
  });

  it('rejects requests and notifications from the server', () => {
    expect(sniffResponseId(...cut(`{"jsonrpc":"2.0","id":4,"method":"sampling/createMessage","params":{"t":"${big}"}}`))).toBeUndefined();
    expect(
      sniffResponseId(...cut(`{"method":"sampling/createMessage","params":{"t":"${big}","result":1},"jsonrpc":"2.0","id":4}`)),
    ).toBeUndefined();
    expect(sniffResponseId(...cut(`{"method":"notifications/message","params":{"data":"${big}"},"jsonrpc":"2.0"}`))).toBeUndefined();
  });

  it('rejects text that is not a JSON-RPC response at all', () => {
    expect(sniffResponseId(...cut(`debug dump: ${big} "id": 5}`))).toBeUndefined();
    expect(sniffResponseId('', '')).toBeUndefined();
  });
});
