import type { HttpBody } from '../api/schemas/http-exchange';
import type { NetworkEntry } from '../api/schemas/network';

// HAR 1.2 (the HTTP Archive format of the W3C Web Performance working group's draft, as browsers
// export it). Only what MCP Lab recorded goes in: bodies are the recorder's masked, capped copies,
// header and cookie values are masked the same way, and unknown sizes are -1 as the format says.

interface HarNameValue {
  name: string;
  value: string;
}
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  /** An event stream's events (a custom field, as browsers add `_webSocketMessages`): time in seconds since the epoch. */
  _sseEvents?: { time: number; event: string; id?: string; size: number; data: string; truncated?: true }[];
  _sseEventsDropped?: number;
}
export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; pages: []; entries: HarEntry[]; comment?: string };
}

const pairs = (h: [string, string][] | undefined): HarNameValue[] => (h ?? []).map(([name, value]) => ({ name, value }));
const header = (h: [string, string][] | undefined, name: string) => h?.find(([k]) => k === name)?.[1];

function comment(b: HttpBody | undefined): string | undefined {
  if (b?.stream) return 'an event stream (text/event-stream): its events are in _sseEvents';
  return b?.truncated ? `truncated: ${b.text.length} of ${b.size} bytes kept` : undefined;
}

/** A HAR 1.2 document of the given requests (oldest first), for the Network view's export. */
export function toHar(entries: readonly NetworkEntry[], creator: { name: string; version: string }): Har {
  return {
    log: {
      version: '1.2',
      creator,
      pages: [],
      comment: 'Recorded by MCP Lab; secrets are masked (‹masked · N chars · #fingerprint›).',
      entries: entries.map((x): HarEntry => {
        const url = new URL(x.url);
        const reqType = header(x.requestHeaders, 'content-type') ?? 'application/octet-stream';
        const resType = header(x.responseHeaders, 'content-type') ?? '';
        const resComment = comment(x.responseBody);
        return {
          startedDateTime: new Date(x.startedAt).toISOString(),
          time: x.durationMs,
          request: {
            method: x.method,
            url: x.url,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: pairs(x.requestHeaders),
            queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
            ...(x.requestBody ? { postData: { mimeType: reqType, text: x.requestBody.text } } : {}),
            headersSize: -1,
            bodySize: x.requestBody?.size ?? 0,
          },
          response: {
            status: x.status ?? 0,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: pairs(x.responseHeaders),
            content: {
              size: x.responseBody?.size ?? 0,
              mimeType: resType,
              ...(x.responseBody && !x.responseBody.stream ? { text: x.responseBody.text } : {}),
              ...(resComment ? { comment: resComment } : {}),
            },
            redirectURL: header(x.responseHeaders, 'location') ?? '',
            headersSize: -1,
            bodySize: x.responseBody?.size ?? (x.status === undefined ? -1 : 0),
            ...(x.error ? { _error: x.error } : {}),
          },
          cache: {},
          timings: { send: 0, wait: x.durationMs, receive: 0 },
          ...(x.error ? { comment: `no HTTP answer: ${x.error}` } : {}),
          ...(x.sseEvents
            ? {
                _sseEvents: x.sseEvents.map((e) => ({
                  time: e.at / 1000,
                  event: e.event,
                  ...(e.id !== undefined ? { id: e.id } : {}),
                  size: e.size,
                  data: e.data,
                  ...(e.truncated ? { truncated: true as const } : {}),
                })),
              }
            : {}),
          ...(x.sseEventsDropped ? { _sseEventsDropped: x.sseEventsDropped } : {}),
        };
      }),
    },
  };
}
