import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { HttpRecorder } from './http-recorder';
import { UnsafeOAuthMetadataError, isHttpUrlString, isOAuthMetadataUrl, unsafeOAuthUrl } from './oauth-guard';

/** What went wrong on the wire, kept so a failure can be explained in words (the SDK's errors are terse). */
export interface HttpFacts {
  /** The last request that got no HTTP answer at all. */
  network?: { url: string; host: string; code: string | undefined; message: string };
  /** The last HTTP answer that was an error status, or HTML where MCP was expected. */
  http?: { url: string; method: string; status: number; contentType: string; bodyStart: string; wwwAuthenticate: string | undefined };
  /** OAuth metadata that named a non-http(s) URL (refused). */
  unsafeMetadata?: UnsafeOAuthMetadataError;
}

export interface FetchObserver {
  /** A request failed without an HTTP answer (refused, reset, DNS, TLS). */
  onNetworkError?(facts: NonNullable<HttpFacts['network']>): void;
  /** The server no longer knows our Streamable HTTP session (404, or 400 naming the session). */
  onSessionGone?(why: string): void;
}

const BODY_START_CHARS = 300;

/**
 * The fetch every remote transport and OAuth call goes through: only http(s) URLs, failures
 * remembered for the error message, OAuth metadata checked before anyone uses it, and a lost
 * session or connection reported at once.
 */
export function createObservedFetch(
  endpoint: URL,
  observer: FetchObserver = {},
  recorder?: HttpRecorder,
): { fetch: FetchLike; facts: HttpFacts } {
  const facts: HttpFacts = {};
  const observed: FetchLike = async (input, init) => {
    const href = typeof input === 'string' ? input : input.href;
    if (!isHttpUrlString(href)) throw new Error(`refused to fetch ${href.slice(0, 80)}: MCP Lab only calls http(s) URLs`);
    const url = new URL(href);
    const method = (init?.method ?? 'GET').toUpperCase();
    let res: Response;
    const record = recorder?.begin(href, init);
    try {
      res = await fetch(url, init);
      record?.answered(res);
    } catch (e) {
      record?.failed(e);
      if (init?.signal?.aborted) throw e; // we closed the transport: not a failure of the server
      facts.network = { url: href, host: url.host, code: errorCode(e), message: causeMessage(e) };
      observer.onNetworkError?.(facts.network);
      throw e;
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (res.ok && method === 'GET' && /json/i.test(contentType) && !sameEndpoint(url, endpoint)) {
      const doc: unknown = await res
        .clone()
        .json()
        .catch(() => undefined);
      const unsafe = unsafeOAuthUrl(doc);
      if (unsafe) {
        facts.unsafeMetadata = new UnsafeOAuthMetadataError(href, unsafe);
        await res.body?.cancel().catch(() => {});
        throw facts.unsafeMetadata;
      }
    }
    const html = res.ok && /text\/html/i.test(contentType) && sameEndpoint(url, endpoint);
    // A missing discovery document is normal (the SDK tries several): it must not hide the endpoint's own answer.
    if ((!res.ok || html) && !isOAuthMetadataUrl(url)) {
      const bodyStart = await res
        .clone()
        .text()
        .then((t) => t.slice(0, BODY_START_CHARS))
        .catch(() => '');
      facts.http = {
        url: href,
        method,
        status: res.status,
        contentType,
        bodyStart,
        wwwAuthenticate: res.headers.get('www-authenticate') ?? undefined,
      };
      const hadSession = new Headers(init?.headers).has('mcp-session-id');
      if (hadSession && sameEndpoint(url, endpoint) && (res.status === 404 || (res.status === 400 && /session/i.test(bodyStart)))) {
        observer.onSessionGone?.(
          `the server no longer knows this session (HTTP ${res.status}${bodyStart ? `: ${oneLine(bodyStart)}` : ''})`,
        );
      }
    }
    return res;
  };
  return { fetch: observed, facts };
}

function sameEndpoint(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname;
}

/** Node's fetch hides the reason in `cause` (sometimes an AggregateError of one error per address). */
export function errorCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_INVALID_STATE') return code;
    const inner = (x as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner[0]) {
      const c = (inner[0] as { code?: unknown }).code;
      if (typeof c === 'string') return c;
    }
    x = (x as { cause?: unknown }).cause;
  }
  return undefined;
}

function causeMessage(e: unknown): string {
  let deepest = e instanceof Error ? e.message : String(e);
  for (let x: unknown = (e as { cause?: unknown })?.cause, depth = 0; x && depth < 5; depth++, x = (x as { cause?: unknown }).cause) {
    if (x instanceof Error && x.message) deepest = x.message;
  }
  return deepest;
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 160);
}
