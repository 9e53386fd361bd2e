import { describe, expect, it } from 'vitest';
import { NOTES, searchNotes } from '../../../../../src-main/examples/example-server/notes';

const base = { limit: 50, include_archived: false };
const ids = (q: Parameters<typeof searchNotes>[0]) => searchNotes(q).hits.map((n) => n.id);

describe('the example server’s note search', () => {
  it('requires every word, case-insensitively, newest first', () => {
    expect(ids({ ...base, query: 'STDERR' })).toEqual(['n1']);
    expect(ids({ ...base, query: 'progress token' })).toEqual(['n5']);
    expect(ids({ ...base, query: 'progress nonsense' })).toEqual([]);
    const dates = searchNotes({ ...base, query: 'a' }).hits.map((n) => n.created);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('hides archived notes unless asked', () => {
    expect(ids({ ...base, query: 'pin' })).toEqual([]);
    expect(ids({ ...base, query: 'pin', include_archived: true })).toEqual(['n6']);
  });

  it('filters by any of the tags and by creation date', () => {
    for (const n of searchNotes({ ...base, query: 'a', tags: ['testing', 'python'] }).hits)
      expect(n.tags.some((t) => t === 'testing' || t === 'python')).toBe(true);
    for (const n of searchNotes({ ...base, query: 'a', since: '2025-05-01' }).hits) expect(n.created >= '2025-05-01').toBe(true);
  });

  it('counts every match even when the limit cuts the list', () => {
    const { hits, total } = searchNotes({ ...base, query: 'a', include_archived: true, limit: 2 });
    expect(hits).toHaveLength(2);
    expect(total).toBe(NOTES.filter((n) => `${n.title} ${n.body}`.toLowerCase().includes('a')).length);
  });
});
