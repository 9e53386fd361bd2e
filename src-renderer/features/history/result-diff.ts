import { diffLines } from 'diff';

export type DiffLine = { op: 'same' | 'added' | 'removed'; text: string };
/** One row of a side-by-side diff: the left line, the right line (either may be missing). */
export type DiffRow = { left?: { text: string; op: 'same' | 'removed' }; right?: { text: string; op: 'same' | 'added' } };

/** Line diff of two texts (the pretty JSON of two results), as lines with what happened to each. */
export function lineDiff(a: string, b: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(a, b)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of lines) out.push({ op, text });
  }
  return out;
}

/** The same diff side by side: removed lines face the added lines that replaced them. */
export function sideBySide(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      rows.push({
        ...(i < removed.length ? { left: { text: removed[i]!, op: 'removed' as const } } : {}),
        ...(i < added.length ? { right: { text: added[i]!, op: 'added' as const } } : {}),
      });
    }
    removed = [];
    added = [];
  };
  for (const l of lines) {
    if (l.op === 'removed') removed.push(l.text);
    else if (l.op === 'added') added.push(l.text);
    else {
      flush();
      rows.push({ left: { text: l.text, op: 'same' }, right: { text: l.text, op: 'same' } });
    }
  }
  flush();
  return rows;
}
