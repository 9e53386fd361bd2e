import { describe, expect, it } from 'vitest';
import { createLogStore } from '../../../../src-renderer/store/log-store';
import { logEntry } from '../helpers/fixtures';

describe('log store', () => {
  it('appends, ignores replayed seqs, and counts what it evicts', () => {
    const store = createLogStore(3);
    const es = [1, 2, 3, 4, 5].map((i) => logEntry({ seq: i, text: `t${i}` }));
    store.getState()._append(es.slice(0, 2));
    store.getState()._append(es.slice(0, 4)); // a replay after reconnect overlaps
    const s = store.getState();
    expect(s.lastSeq).toBe(4);
    expect(s.evicted).toBe(1);
    expect(s.buffer.end - s.buffer.start).toBe(3);
    expect(s.buffer.at(s.buffer.start)?.text).toBe('t2');
    store.getState()._append([es[4]!], 7);
    expect(store.getState().missed).toBe(7);
    expect(store.getState().evicted).toBe(2);
  });

  it('does not bump the version for a batch with nothing new', () => {
    const store = createLogStore(10);
    store.getState()._append([logEntry({ seq: 10 })]);
    const v = store.getState().version;
    store.getState()._append([logEntry({ seq: 9 })]);
    expect(store.getState().version).toBe(v);
  });

  it('clears one server or everything, renumbering positions (new epoch)', () => {
    const store = createLogStore(10);
    store
      .getState()
      ._append([logEntry({ seq: 1, serverId: 'a' }), logEntry({ seq: 2, serverId: 'b' }), logEntry({ seq: 3, serverId: 'a' })]);
    store.getState()._clearLocal('a');
    let s = store.getState();
    expect(s.epoch).toBe(1);
    expect(s.buffer.end - s.buffer.start).toBe(1);
    expect(s.buffer.at(s.buffer.start)?.serverId).toBe('b');
    expect(s.lastSeq).toBe(3); // the resume cursor never goes back
    store.getState()._clearLocal();
    s = store.getState();
    expect(s.buffer.end - s.buffer.start).toBe(0);
  });
});
