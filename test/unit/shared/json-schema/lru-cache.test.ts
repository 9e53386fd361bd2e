import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../../src-shared/json-schema/lru-cache';

describe('LruCache', () => {
  it('forgets the least recently used entry past its capacity', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('keeps a stored undefined apart from a miss, and refuses a capacity below 1', () => {
    const c = new LruCache<string, undefined>(1);
    c.set('a', undefined);
    expect(c.size).toBe(1);
    expect(() => new LruCache(0)).toThrow(/at least 1/);
  });
});
