import type { HttpBody, HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { HttpMasker } from './http-masking';

/** What of a body is kept: enough to read an error or a metadata document, not a whole download. */
const BODY_KEEP_CHARS = 16 * 1024;
/** The newest exchanges of one run; older ones fall out (a network view keeps its own copy). */
const KEEP_EXCHANGES = 300;

/**
 * Every HTTP request of one remote server's run (the MCP endpoint, discovery, registration,
 * tokens), recorded with secrets masked. The OAuth sign-in debugger takes the ones of a sign-in;
 * a network view can take them all (`onDidRecord`, `recent`).
 */
export class HttpRecorder extends Disposable {
  readonly masker = new HttpMasker();
  private readonly _onDidRecord = this._register(new Emitter<HttpExchange>());
  readonly onDidRecord = this._onDidRecord.event;
  private readonly kept: HttpExchange[] = [];
  private readonly reading = new Set<Promise<void>>();
  private seq = 0;

  constructor(private readonly now: () => number) {
    super();
  }

  recent(): HttpExchange[] {
    return [...this.kept];
  }

  /**
   * Resolves once the bodies being read are recorded (a sign-in that just failed waits for its last
   * answer), or after `maxWaitMs`: a body that never ends (a stream under another content type)
   * must not hold a sign-in up.
   */
  async settled(maxWaitMs = 1000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
      timer.unref?.();
    });
    const done = (async () => {
      while (this.reading.size) await Promise.all([...this.reading]);
    })();
    await Promise.race([done, gaveUp]);
    clearTimeout(timer);
  }

  /** Called by the fetch wrapper before sending; the returned functions finish the record. */
  begin(url: string, init: RequestInit | undefined): { answered(res: Response): void; failed(e: unknown): void } {
    const startedAt = this.now();
    const seq = ++this.seq;
    const method = (init?.method ?? 'GET').toUpperCase();
    const requestHeaders = headerPairs(init?.headers).map(([k, v]): [string, string] => [k, this.masker.header(k, v)]);
    const requestContentType = headerPairs(init?.headers).find(([k]) => k === 'content-type')?.[1] ?? (init?.body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : '');
    const rawBody = bodyText(init?.body);
    const requestBody = rawBody === undefined ? undefined : this.keep(rawBody, requestContentType);
    const base = { seq, startedAt, method, url: this.masker.url(url), requestHeaders, ...(requestBody ? { requestBody } : {}) };
    return {
      answered: (res) => {
        const durationMs = this.now() - startedAt;
        const responseHeaders = [...res.headers].map(([k, v]): [string, string] => [k, this.masker.header(k, v)]);
        const contentType = res.headers.get('content-type') ?? '';
        const size = Number(res.headers.get('content-length') ?? 0);
        const exchange: HttpExchange = { ...base, durationMs, status: res.status, responseHeaders };
        if (/text\/event-stream/i.test(contentType)) {
          this.push({ ...exchange, responseBody: { text: '', size, truncated: false, stream: true } });
          return;
        }
        if (!res.body || res.status === 204 || res.status === 304) {
          this.push(exchange);
          return;
        }
        // Read a copy, up to what is kept: the caller reads the original as it likes.
        const reading = readCapped(res.clone(), BODY_KEEP_CHARS).then(
          ({ text, size: read, truncated }) => this.push({ ...exchange, responseBody: this.keepRead(text, contentType, Math.max(size, read), truncated) }),
          () => this.push(exchange),
        );
        this.reading.add(reading);
        void reading.finally(() => this.reading.delete(reading));
      },
      failed: (e) => this.push({ ...base, durationMs: this.now() - startedAt, error: e instanceof Error ? e.message : String(e) }),
    };
  }

  private keep(text: string, contentType: string): HttpBody {
    const truncated = text.length > BODY_KEEP_CHARS;
    return { text: this.masker.body(truncated ? text.slice(0, BODY_KEEP_CHARS) : text, contentType), size: Buffer.byteLength(text), truncated };
  }

  private keepRead(text: string, contentType: string, size: number, truncated: boolean): HttpBody {
    return { text: this.masker.body(text, contentType), size, truncated };
  }

  private push(x: HttpExchange): void {
    this.kept.push(x);
    if (this.kept.length > KEEP_EXCHANGES) this.kept.shift();
    this._onDidRecord.fire(x);
  }
}

export function headerPairs(h: RequestInit['headers'] | undefined): [string, string][] {
  if (!h) return [];
  if (h instanceof Headers) return [...h];
  if (Array.isArray(h)) return h.map(([k, v]) => [String(k).toLowerCase(), String(v)]);
  return Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]);
}

function bodyText(body: RequestInit['body'] | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return '(a body that is not text)';
}

async function readCapped(res: Response, cap: number): Promise<{ text: string; size: number; truncated: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (text.length > cap) {
      await reader.cancel().catch(() => {});
      return { text: text.slice(0, cap), size, truncated: true };
    }
  }
  return { text: text + decoder.decode(), size, truncated: false };
}
