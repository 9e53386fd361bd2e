import { describe, expect, it } from 'vitest';
import { collectPages, type Page } from '../../../../../src-main/engine/mcp/paginate';
import type { RequestOutcome } from '../../../../../src-shared/api/schemas/request';

const base = { serverId: 's', method: 'resources/list', durationMs: 10, requestBytes: 100 };
const ok = (items: number[], nextCursor?: string, startedAt = 1000): RequestOutcome<Page<number>> => ({
  ...base,
  startedAt,
  status: 'ok',
  result: { items, nextCursor },
  responseBytes: 500,
});

/** A fake server: the pages it answers, in order; records the cursors it was asked for. */
function pages(...answers: RequestOutcome<Page<number>>[]) {
  const cursors: (string | undefined)[] = [];
  const fetch = async (cursor: string | undefined) => {
    cursors.push(cursor);
    return answers[cursors.length - 1]!;
  };
  return { fetch, cursors };
}

describe('collectPages', () => {
  it('follows cursors to the end and sums sizes and durations', async () => {
    const p = pages(ok([1, 2], 'b', 1000), ok([3], 'c', 2000), ok([4]));
    const o = await collectPages('resources/list', p.fetch);
    expect(p.cursors).toEqual([undefined, 'b', 'c']);
    expect(o).toMatchObject({
      status: 'ok',
      result: { items: [1, 2, 3, 4], pages: 3 },
      startedAt: 1000,
      durationMs: 30,
      requestBytes: 300,
      responseBytes: 1500,
    });
  });

  it('stops at a repeated cursor with a protocol error counting what came', async () => {
    const p = pages(ok([1], 'x'), ok([2], 'y'), ok([3], 'x'));
    const o = await collectPages('resources/list', p.fetch);
    expect(o).toMatchObject({
      status: 'protocolError',
      code: -32603,
      data: { cursor: 'x', pages: 3, items: 3 },
      durationMs: 30,
      responseBytes: 1500,
    });
    if (o.status === 'protocolError') expect(o.message).toBe('resources/list returned the cursor "x" twice; stopped paging after 3 pages');
  });

  it('stops after the maximum number of pages', async () => {
    let n = 0;
    const o = await collectPages('prompts/list', async () => ok([n], `c${n++}`), 5);
    expect(o).toMatchObject({ status: 'protocolError', message: 'prompts/list returned more than 5 pages; stopped paging' });
  });

  it('returns a failing page as the outcome, with the totals so far', async () => {
    const failed: RequestOutcome<Page<number>> = { ...base, startedAt: 5, status: 'timeout', timeoutMs: 10 };
    const o = await collectPages('resources/list', pages(ok([1], 'b'), failed).fetch);
    expect(o).toEqual({ ...base, startedAt: 1000, durationMs: 20, requestBytes: 200, status: 'timeout', timeoutMs: 10 });
  });
});
