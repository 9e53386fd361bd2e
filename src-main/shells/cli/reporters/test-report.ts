import path from 'node:path';
import type { AssertionFailure, CaseResult, SuiteInfo, TestRun } from '../../../../src-shared/api/schemas/testing';
import { junitXml, type JUnitSuite } from './junit-xml';

/** The line CI reads: `N passed, N failed` (and skipped when there are any). */
export function closingLine(passed: number, failed: number, skipped = 0): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** One failure as text: what was asserted, why it failed, and the diff (- expected, + actual). */
export function failureText(f: AssertionFailure, indent = ''): string {
  const lines = [`${indent}${f.assertion}: ${f.message}`];
  if (f.diff?.some((d) => d.op !== 'same')) {
    lines.push(`${indent}  - expected`, `${indent}  + actual`);
    for (const d of f.diff) lines.push(`${indent}  ${d.op === 'added' ? '+' : d.op === 'removed' ? '-' : ' '} ${d.text}`);
  }
  return lines.join('\n');
}

export function caseLine(r: CaseResult): string {
  const mark = r.status === 'passed' ? '✓' : r.status === 'failed' ? '✗' : '-';
  const ms = r.durationMs !== undefined ? ` (${Math.round(r.durationMs)} ms)` : '';
  const why = r.status === 'skipped' && r.error ? ` — ${r.error}` : '';
  return `  ${mark} ${r.name}${ms}${why}`;
}

export function caseDetails(r: CaseResult): string[] {
  if (r.status !== 'failed') return [];
  const out: string[] = [];
  if (r.error) out.push(`      ${r.error}`);
  for (const f of r.failures) out.push(failureText(f, '      '));
  return out;
}

function suiteName(id: string, suites: SuiteInfo[]): string {
  return suites.find((s) => s.id === id)?.name ?? path.basename(id);
}

export function testRunJunit(run: TestRun, suites: SuiteInfo[]): string {
  const byId = new Map<string, CaseResult[]>();
  for (const r of run.results) (byId.get(r.suiteId) ?? byId.set(r.suiteId, []).get(r.suiteId)!).push(r);
  const out: JUnitSuite[] = [...byId.entries()].map(([id, results]) => ({
    name: suiteName(id, suites),
    file: suites.find((s) => s.id === id)?.file ?? id,
    timeSec: results.reduce((n, r) => n + (r.durationMs ?? 0), 0) / 1000,
    timestamp: new Date(run.startedAt).toISOString().replace(/\.\d+Z$/, ''),
    cases: results.map((r) => ({
      name: r.name,
      classname: id,
      timeSec: (r.durationMs ?? 0) / 1000,
      ...(r.status === 'failed'
        ? r.failures.length
          ? {
              failure: {
                message: r.failures.map((f) => `${f.assertion}: ${f.message}`).join('; '),
                type: r.failures[0]!.assertion.split(' ')[0]!.replace(/:$/, ''),
                body: [r.error ?? '', ...r.failures.map((f) => failureText(f))].filter(Boolean).join('\n\n'),
              },
            }
          : { error: { message: r.error ?? 'failed', body: r.error ?? '' } }
        : {}),
      ...(r.status === 'skipped' ? { skipped: r.error ?? 'skipped' } : {}),
    })),
  }));
  // A suite file that could not be used is an error case of its own: CI must see it.
  for (const p of run.problems) {
    out.push({
      name: path.basename(p.file),
      file: p.file,
      timeSec: 0,
      cases: [
        {
          name: '(suite file)',
          classname: p.file,
          timeSec: 0,
          error: { message: `line ${p.line}:${p.column}: ${p.message}`, body: `${p.file}:${p.line}:${p.column}: ${p.message}` },
        },
      ],
    });
  }
  return junitXml('mcp-lab test', out);
}
