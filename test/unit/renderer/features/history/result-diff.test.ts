import { describe, expect, it } from 'vitest';
import { lineDiff, sideBySide } from '../../../../../src-renderer/features/history/result-diff';

describe('result diff', () => {
  const a = JSON.stringify({ sum: 5, unit: 'm', at: 1 }, null, 2);
  const b = JSON.stringify({ sum: 6, unit: 'm', at: 2, extra: true }, null, 2);

  it('marks the lines only in one result', () => {
    const lines = lineDiff(a, b);
    expect(lines.filter((l) => l.op === 'removed').map((l) => l.text.trim())).toEqual(['"sum": 5,', '"at": 1']);
    expect(lines.filter((l) => l.op === 'added').map((l) => l.text.trim())).toEqual(['"sum": 6,', '"at": 2,', '"extra": true']);
    expect(lineDiff(a, a).every((l) => l.op === 'same')).toBe(true);
  });

  it('puts a removed line beside the line that replaced it, and pads where one side has more', () => {
    const rows = sideBySide(lineDiff(a, b));
    expect(rows[0]).toEqual({ left: { text: '{', op: 'same' }, right: { text: '{', op: 'same' } });
    expect(rows[1]).toEqual({ left: { text: '  "sum": 5,', op: 'removed' }, right: { text: '  "sum": 6,', op: 'added' } });
    const tail = rows.slice(-3);
    expect(tail[0]).toEqual({ left: { text: '  "at": 1', op: 'removed' }, right: { text: '  "at": 2,', op: 'added' } });
    expect(tail[1]).toEqual({ right: { text: '  "extra": true', op: 'added' } });
  });
});
