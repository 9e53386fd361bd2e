import { describe, expect, it } from 'vitest';
import { perServerStreams } from '../../../../../src-renderer/store/sync/per-server-streams';

describe('perServerStreams', () => {
  it('opens one stream per new server, closes and drops those that went, and closes all on dispose', () => {
    const opened: string[] = [];
    const closed: string[] = [];
    const dropped: string[] = [];
    const streams = perServerStreams(
      (id) => (opened.push(id), { dispose: () => closed.push(id) }),
      (id) => dropped.push(id),
    );
    streams.reconcile(['a', 'b']);
    streams.reconcile(['a', 'b', 'c']);
    expect(opened).toEqual(['a', 'b', 'c']);
    streams.reconcile(['c']);
    expect(closed).toEqual(['a', 'b']);
    expect(dropped).toEqual(['a', 'b']);
    streams.dispose();
    expect(closed).toEqual(['a', 'b', 'c']);
    expect(dropped).toEqual(['a', 'b']); // a window closing keeps nothing to drop
  });
});
