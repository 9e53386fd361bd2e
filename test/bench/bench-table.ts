/** One line of the benchmark table: a figure, its reference, their ratio, and the target. */
export interface BenchRow {
  measure: string;
  reference: string;
  mcpLab: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

export function printTable(rows: BenchRow[]): string {
  const head = ['measure', 'reference', 'MCP Lab', 'ratio', 'target', ''];
  const cells = rows.map((r) => [r.measure, r.reference, r.mcpLab, r.ratio, r.target, r.met === null ? '' : r.met ? 'met' : 'MISSED']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
