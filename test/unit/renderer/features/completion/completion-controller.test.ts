import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CompletionAnswer, CompletionController } from '../../../../../src-renderer/features/completion/completion-controller';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CompletionController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst of typing into one request, for the last value', async () => {
    const fetch = vi.fn(async (v: string): Promise<CompletionAnswer> => ({ values: [`${v}1`, `${v}2`] }));
    const c = new CompletionController(fetch, 200);
    c.query('n');
    c.query('no');
    c.query('not');
    expect(c.state.loading).toBe(true);
    await vi.advanceTimersByTimeAsync(199);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.mock.calls).toEqual([['not']]);
    expect(c.state).toMatchObject({ open: true, items: ['not1', 'not2'], active: -1, loading: false });
  });

  it('drops an answer that arrives after a newer query or a close', async () => {
    const answers = [deferred<CompletionAnswer>(), deferred<CompletionAnswer>()];
    let i = 0;
    const c = new CompletionController(() => answers[i++]!.promise, 100);
    c.query('a');
    await vi.advanceTimersByTimeAsync(100);
    c.query('ab');
    await vi.advanceTimersByTimeAsync(100);
    answers[1]!.resolve({ values: ['abc'] });
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!.resolve({ values: ['a-old'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(c.state.items).toEqual(['abc']);

    const late = deferred<CompletionAnswer>();
    c.setFetch(() => late.promise);
    c.query('x');
    await vi.advanceTimersByTimeAsync(100);
    c.close();
    late.resolve({ values: ['x1'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(c.state.open).toBe(false);
  });

  it('moves the highlight with wrapping and picks it, closing the list', async () => {
    const c = new CompletionController(async () => ({ values: ['Alice', 'Bob', 'Charlie'] }), 10);
    c.query('');
    await vi.advanceTimersByTimeAsync(10);
    c.move(1);
    expect(c.state.active).toBe(0);
    c.move(-1);
    expect(c.state.active).toBe(2);
    c.move(1);
    expect(c.state.active).toBe(0);
    c.move(1);
    expect(c.pick()).toBe('Bob');
    expect(c.state.open).toBe(false);
    expect(c.pick()).toBeUndefined();
    // Arrow keys reopen a closed list that still has its items.
    c.move(-1);
    expect(c.state).toMatchObject({ open: true, active: 2 });
  });

  it('keeps errors as text, shows "more" and hides a single suggestion equal to the input', async () => {
    let answer: CompletionAnswer = { error: 'completion/complete failed: Method not found (JSON-RPC error -32601)' };
    const c = new CompletionController(async () => answer, 10);
    c.query('x');
    await vi.advanceTimersByTimeAsync(10);
    expect(c.state).toMatchObject({ open: false, error: expect.stringContaining('-32601') });
    answer = { values: ['a', 'b'], total: 40, hasMore: true };
    c.query('');
    await vi.advanceTimersByTimeAsync(10);
    expect(c.state).toMatchObject({ open: true, error: null, more: { total: 40 } });
    answer = { values: ['exact'] };
    c.query('exact');
    await vi.advanceTimersByTimeAsync(10);
    expect(c.state.open).toBe(false);
  });
});
