import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export const MAX_LIST_PAGES = 1000;

/**
 * Fetch every page of a list method and report it as one outcome: sizes and durations summed,
 * `startedAt` of the first page. A server whose cursors repeat or never end is stopped and
 * reported as a protocol error, with the pages it had sent so far counted.
 */
export async function collectPages<T>(
  method: string,
  fetchPage: (cursor: string | undefined) => Promise<RequestOutcome<Page<T>>>,
  maxPages = MAX_LIST_PAGES,
): Promise<RequestOutcome<{ items: T[]; pages: number }>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  let totals: { startedAt: number; durationMs: number; requestBytes: number; responseBytes: number } | undefined;
  for (;;) {
    const o = await fetchPage(cursor);
    const t = totals;
    totals = {
      startedAt: t?.startedAt ?? o.startedAt,
      durationMs: (t?.durationMs ?? 0) + o.durationMs,
      requestBytes: (t?.requestBytes ?? 0) + o.requestBytes,
      responseBytes: (t?.responseBytes ?? 0) + (('responseBytes' in o && o.responseBytes) || 0),
    };
    const { responseBytes, ...sums } = totals;
    if (o.status !== 'ok') return o.status === 'protocolError' ? { ...o, ...totals } : { ...o, ...sums };
    pages++;
    items.push(...o.result.items);
    cursor = o.result.nextCursor;
    if (cursor === undefined) return { ...o, ...totals, result: { items, pages } };
    const stop = seen.has(cursor)
      ? `${method} returned the cursor "${cursor}" twice; stopped paging after ${pages} pages`
      : pages >= maxPages
        ? `${method} returned more than ${maxPages} pages; stopped paging`
        : undefined;
    if (stop) {
      return {
        ...sums,
        serverId: o.serverId,
        method,
        status: 'protocolError',
        code: ErrorCode.InternalError,
        message: stop,
        data: { cursor, pages, items: items.length },
        responseBytes,
      };
    }
    seen.add(cursor);
  }
}
