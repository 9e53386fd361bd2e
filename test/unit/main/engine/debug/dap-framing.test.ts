import { describe, expect, it } from 'vitest';
import { DapFrameReader, encodeDapMessage, MAX_DAP_MESSAGE_BYTES } from '../../../../../src-main/engine/debug/dap-framing';

function reader() {
  const messages: unknown[] = [];
  const errors: Error[] = [];
  const r = new DapFrameReader(
    (m) => messages.push(m),
    (e) => errors.push(e),
  );
  return { r, messages, errors };
}

describe('DAP framing', () => {
  it('reads a message split at every byte, including inside the header and inside a multi-byte character', () => {
    const msg = { seq: 1, type: 'event', event: 'output', body: { output: 'naïve ☃ 𝄞' } };
    const bytes = encodeDapMessage(msg);
    const { r, messages, errors } = reader();
    for (let i = 0; i < bytes.length; i++) r.push(bytes.subarray(i, i + 1));
    expect(messages).toEqual([msg]);
    expect(errors).toEqual([]);
  });

  it('counts Content-Length in bytes, not characters', () => {
    const bytes = encodeDapMessage({ s: '☃☃☃' });
    expect(bytes.toString('ascii')).toMatch(/^Content-Length: 17\r\n\r\n/);
  });

  it('reads several messages from one chunk, and other headers beside Content-Length', () => {
    const a = encodeDapMessage({ seq: 1 });
    const b = Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 9\r\n\r\n{"seq":2}');
    const { r, messages } = reader();
    r.push(Buffer.concat([a, b, a]));
    expect(messages).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 1 }]);
  });

  it('fails (instead of waiting forever) on a header without a length, a body that is not JSON, or an oversize length', () => {
    for (const bad of [
      'X-Other: 1\r\n\r\n{}',
      'Content-Length: 3\r\n\r\n{x}',
      `Content-Length: ${MAX_DAP_MESSAGE_BYTES + 1}\r\n\r\n`,
      'x'.repeat(2000),
    ]) {
      const { r, messages, errors } = reader();
      r.push(Buffer.from(bad));
      expect(messages).toEqual([]);
      expect(errors).toHaveLength(1);
    }
  });
});
