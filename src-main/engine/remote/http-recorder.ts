import type { HttpBody, HttpExchange, SseEvent } from '../../../src-shared/api/schemas/http-exchange';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { HttpMasker } from './http-masking';
import { SseReader } from './sse-reader';

/** What of a body is kept: enough to read an error or a metadata document, not a whole download. */
const BODY_KEEP_CHARS = 16 * 1024;
/** The newest exchanges of one run; older ones fall out (a network view keeps its own copy). */
const KEEP_EXCHANGES = 300;
/** Events kept per event stream (a listen stream can run all day: later ones are counted). */
const KEEP_SSE_EVENTS = 200;
/** What of one event's data is kept. */
const SSE_DATA_KEEP_CHARS = 4 * 1024;

/**
 * Every HTTP request of one remote server's run (the MCP endpoint, discovery, registration,
 * tokens), recorded with secrets masked. The OAuth sign-in debugger takes the ones of a sign-in;
 * a network view can take them all (`onDidRecord`, `recent`).
 */
export class HttpRecorder extends Disposable {
  readonly masker = new HttpMasker();
  private readonly _onDidRecord = this._register(new Emitter<HttpExchange>());
  readonly onDidRecord = this._onDidRecord.event;
  /** An event stream's exchange again (same `seq`), each time an event arrives and when it ends. */
  private readonly _onDidUpdate = this._register(new Emitter<HttpExchange>());
  readonly onDidUpdate = this._onDidUpdate.event;
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
    const requestContentType =
      headerPairs(init?.headers).find(([k]) => k === 'content-type')?.[1] ??
      (init?.body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : '');
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
          this.recordStream({ ...exchange, responseBody: { text: '', size, truncated: false, stream: true }, sseEvents: [] }, res);
          return;
        }
        if (!res.body || res.status === 204 || res.status === 304) {
          this.push(exchange);
          return;
        }
        // Read a copy, up to what is kept: the caller reads the original as it likes.
        const reading = readCapped(res.clone(), BODY_KEEP_CHARS).then(
          ({ text, size: read, truncated }) =>
            this.push({ ...exchange, responseBody: this.keepRead(text, contentType, Math.max(size, read), truncated) }),
          () => this.push(exchange),
        );
        this.reading.add(reading);
        void reading.finally(() => this.reading.delete(reading));
      },
      failed: (e) => this.push({ ...base, durationMs: this.now() - startedAt, error: e instanceof Error ? e.message : String(e) }),
    };
  }

  /**
   * Record an event stream at once, then each of its events as it arrives, from a copy of the
   * body (the transport reads the original at its own pace). Not awaited by `settled()`: a
   * stream may stay open as long as the run.
   */
  private recordStream(first: HttpExchange, res: Response): void {
    let current = first;
    this.push(current);
    if (!res.body) return;
    const reader = res.clone().body!.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    const update = (next: HttpExchange) => {
      current = next;
      const i = this.kept.findIndex((x) => x.seq === next.seq);
      if (i >= 0) this.kept[i] = next;
      this._onDidUpdate.fire(next);
    };
    const sse = new SseReader((f) => {
      const kept = current.sseEvents ?? [];
      if (kept.length >= KEEP_SSE_EVENTS) return update({ ...current, sseEventsDropped: (current.sseEventsDropped ?? 0) + 1 });
      const truncated = f.data.length > SSE_DATA_KEEP_CHARS;
      const data = this.masker.body(truncated ? f.data.slice(0, SSE_DATA_KEEP_CHARS) : f.data, truncated ? 'text/plain' : '');
      const event: SseEvent = {
        at: this.now(),
        ...(f.id !== undefined ? { id: f.id } : {}),
        event: f.event,
        size: Buffer.byteLength(f.data),
        data,
        truncated,
      };
      update({ ...current, sseEvents: [...kept, event] });
    });
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          current = { ...current, responseBody: { ...current.responseBody!, size } };
          sse.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // Aborted (the transport closed it) or broken: the stream ended either way.
      }
      update({ ...current, responseBody: { ...current.responseBody!, size }, streamEndedAt: this.now() });
    })();
  }

  private keep(text: string, contentType: string): HttpBody {
    const truncated = text.length > BODY_KEEP_CHARS;
    return {
      text: this.masker.body(truncated ? text.slice(0, BODY_KEEP_CHARS) : text, contentType),
      size: Buffer.byteLength(text),
      truncated,
    };
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
