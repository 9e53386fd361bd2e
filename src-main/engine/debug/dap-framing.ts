/** Largest DAP message accepted (a huge `variables` answer is still far below this). */
export const MAX_DAP_MESSAGE_BYTES = 64 * 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');

/** One DAP message on the wire: `Content-Length: N\r\n\r\n` then N bytes of UTF-8 JSON. */
export function encodeDapMessage(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * Reads DAP messages out of a byte stream. Chunks split anywhere (inside the header, inside a
 * multi-byte character), and one chunk may carry several messages. The length counts bytes, not
 * characters, so the body is cut from bytes before it is decoded.
 */
export class DapFrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onMessage: (message: unknown) => void,
    /** A frame that cannot be read: the stream is out of step and the connection must end. */
    private readonly onError: (error: Error) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) {
        if (this.buffer.length > 1024) return this.fail(new Error('a DAP header longer than 1 KiB: this is not a debug adapter'));
        return;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString('ascii'));
      if (length === undefined)
        return this.fail(
          new Error(
            `a DAP message without a valid Content-Length header: ${JSON.stringify(this.buffer.subarray(0, Math.min(end, 80)).toString('ascii'))}`,
          ),
        );
      if (length > MAX_DAP_MESSAGE_BYTES)
        return this.fail(new Error(`a DAP message of ${length} bytes, over the ${MAX_DAP_MESSAGE_BYTES} byte limit`));
      const start = end + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch (e) {
        return this.fail(new Error(`a DAP message that is not JSON: ${(e as Error).message}`));
      }
      this.onMessage(message);
    }
  }

  private fail(e: Error): void {
    this.buffer = Buffer.alloc(0);
    this.onError(e);
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const m = /^content-length:\s*(\d+)\s*$/i.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}
