import { afterEach, describe, expect, it } from 'vitest';
import { Emitter } from '../../../../src-shared/base/event';
import { setUnexpectedErrorHandler } from '../../../../src-shared/base/unexpected-error';

afterEach(() => setUnexpectedErrorHandler(undefined));

describe('Emitter', () => {
  it('reports a throwing listener to the unexpected-error handler and still reaches the others', async () => {
    const reported: unknown[] = [];
    setUnexpectedErrorHandler((e) => reported.push(e));
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('broken listener');
    });
    emitter.event((n) => seen.push(n));
    emitter.fire(1);
    // Nothing is rethrown later either: a rethrow on a microtask would end a Node process.
    await Promise.resolve();
    expect(seen).toEqual([1]);
    expect(reported).toHaveLength(1);
    expect((reported[0] as Error).message).toBe('broken listener');
  });
});
