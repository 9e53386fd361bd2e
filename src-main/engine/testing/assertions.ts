import type { Assertion, AssertionFailure } from '../../../src-shared/api/schemas/testing';
import { formatIssues, validateValue } from '../../../src-shared/json-schema/validate';
import { snapshotValue, type CaseAnswer } from './case-answer';
import { deepEqual, isSubset, lineDiff, projectLike, readPointer, stableJson, withoutPointers } from './json-values';

/** What an assertion may need besides the answer. */
export interface AssertionContext {
  /** The tool's declared outputSchema, if any (tool cases only). */
  outputSchema?: Record<string, unknown>;
  /** The stored snapshot under `key`, or undefined when there is none yet. */
  readSnapshot(key: string): unknown;
  /** Record the answer as the snapshot (first run), or remember it for "accept". */
  writeSnapshot(key: string, value: unknown): void;
  noteSnapshot(key: string, state: 'written' | 'matched' | 'mismatched', actual: unknown): void;
  caseName: string;
}

/** A short label for an assertion as written, for reports: `status: ok`, `pointer /sum equals`. */
export function assertionLabel(a: Assertion): string {
  if ('status' in a) return `status: ${statusList(a.status)}${a.code !== undefined ? ` (code ${a.code})` : ''}`;
  if ('structuredContent' in a) return `structuredContent ${a.match ?? 'equal'}`;
  if ('textContains' in a) return `text contains ${JSON.stringify(a.textContains)}`;
  if ('textMatches' in a) return `text matches /${a.textMatches}/${a.flags ?? ''}`;
  if ('pointer' in a)
    return `pointer ${a.pointer || '(root)'} ${a.equals !== undefined ? 'equals' : a.subset !== undefined ? 'subset' : a.matches !== undefined ? 'matches' : 'exists'}`;
  if ('outputSchema' in a) return 'valid against outputSchema';
  if ('maxLatencyMs' in a) return `latency under ${a.maxLatencyMs} ms`;
  return `snapshot ${a.snapshot === true ? '' : a.snapshot}`.trim();
}

function statusList(s: string | string[]): string {
  return Array.isArray(s) ? s.join(' or ') : s;
}

function fail(a: Assertion, message: string, expected?: unknown, actual?: unknown): AssertionFailure {
  const f: AssertionFailure = { assertion: assertionLabel(a), message };
  if (expected !== undefined || actual !== undefined) {
    // Text assertions compare text: show it as text. Everything else is JSON (so 42 and "42" differ visibly).
    const asText = 'textContains' in a || 'textMatches' in a || ('pointer' in a && a.matches !== undefined);
    const e = asText && typeof expected === 'string' ? expected : stableJson(expected);
    const x = asText && typeof actual === 'string' ? actual : stableJson(actual);
    f.expected = e;
    f.actual = x;
    f.diff = lineDiff(e, x);
  }
  return f;
}

function describeStatus(x: CaseAnswer): string {
  return `${x.status}${x.code !== undefined ? ` (code ${x.code})` : ''}${x.message && x.status !== 'ok' ? `: ${x.message}` : x.status === 'toolError' && x.text ? `: ${x.text.split('\n')[0]}` : ''}`;
}

/** Check one assertion; null when it holds. Never throws on odd input: a bad regex is a failure. */
export function checkAssertion(a: Assertion, x: CaseAnswer, ctx: AssertionContext): AssertionFailure | null {
  if ('status' in a) {
    const allowed: string[] = Array.isArray(a.status) ? a.status : [a.status];
    if (!allowed.includes(x.status))
      return fail(
        a,
        `expected status ${statusList(a.status)}${a.code !== undefined ? ` with code ${a.code}` : ''}, got ${describeStatus(x)}`,
      );
    if (a.code !== undefined && x.code !== a.code)
      return fail(a, `expected error code ${a.code}, got ${x.code ?? 'none'}${x.message ? `: ${x.message}` : ''}`);
    return null;
  }
  if ('structuredContent' in a) {
    if (x.structuredContent === undefined)
      return fail(a, `the answer has no structuredContent (status ${describeStatus(x)})`, a.structuredContent, null);
    const ok =
      (a.match ?? 'equal') === 'equal'
        ? deepEqual(a.structuredContent, x.structuredContent)
        : isSubset(a.structuredContent, x.structuredContent);
    if (ok) return null;
    const shown = a.match === 'subset' ? projectLike(a.structuredContent, x.structuredContent) : x.structuredContent;
    return fail(
      a,
      a.match === 'subset' ? 'structuredContent does not contain the expected values' : 'structuredContent differs from the expected value',
      a.structuredContent,
      shown,
    );
  }
  if ('textContains' in a) {
    return x.text.includes(a.textContains)
      ? null
      : fail(a, `the text does not contain ${JSON.stringify(a.textContains)}`, a.textContains, x.text);
  }
  if ('textMatches' in a) {
    let re: RegExp;
    try {
      re = new RegExp(a.textMatches, a.flags);
    } catch (e) {
      return fail(a, `invalid regular expression: ${(e as Error).message}`);
    }
    return re.test(x.text)
      ? null
      : fail(a, `the text does not match /${a.textMatches}/${a.flags ?? ''}`, `/${a.textMatches}/${a.flags ?? ''}`, x.text);
  }
  if ('pointer' in a) {
    const got = readPointer(x.document, a.pointer);
    const ops = [a.equals !== undefined, a.subset !== undefined, a.matches !== undefined, a.exists !== undefined].filter(Boolean).length;
    if (ops > 1) return fail(a, 'give one of equals, subset, matches or exists');
    if (a.exists === false) return got.found ? fail(a, `${a.pointer} exists, expected it absent`, undefined, got.value) : null;
    if (!got.found) return fail(a, `nothing at ${a.pointer} in the answer`, a.equals ?? a.subset ?? a.matches, null);
    if (a.equals !== undefined)
      return deepEqual(a.equals, got.value) ? null : fail(a, `${a.pointer} differs from the expected value`, a.equals, got.value);
    if (a.subset !== undefined)
      return isSubset(a.subset, got.value)
        ? null
        : fail(a, `${a.pointer} does not contain the expected values`, a.subset, projectLike(a.subset, got.value));
    if (a.matches !== undefined) {
      let re: RegExp;
      try {
        re = new RegExp(a.matches);
      } catch (e) {
        return fail(a, `invalid regular expression: ${(e as Error).message}`);
      }
      const s = typeof got.value === 'string' ? got.value : JSON.stringify(got.value);
      return re.test(s) ? null : fail(a, `${a.pointer} does not match /${a.matches}/`, `/${a.matches}/`, s);
    }
    return null;
  }
  if ('outputSchema' in a) {
    if (x.kind !== 'tool') return fail(a, 'outputSchema applies to tool calls only');
    if (!ctx.outputSchema) return fail(a, 'the tool declares no outputSchema');
    if (x.status !== 'ok') return fail(a, `no result to validate (status ${describeStatus(x)})`);
    if (x.structuredContent === undefined) return fail(a, 'the tool declares an outputSchema but returned no structuredContent');
    const issues = validateValue(ctx.outputSchema, x.structuredContent);
    return issues.length ? fail(a, `structuredContent breaks the outputSchema: ${formatIssues(issues)}`) : null;
  }
  if ('maxLatencyMs' in a) {
    return x.durationMs <= a.maxLatencyMs ? null : fail(a, `took ${Math.round(x.durationMs)} ms, over the bound of ${a.maxLatencyMs} ms`);
  }
  // snapshot
  const key = a.snapshot === true ? ctx.caseName : a.snapshot;
  const ignore = a.ignore ?? [];
  const actual = withoutPointers(snapshotValue(x), ignore);
  const stored = ctx.readSnapshot(key);
  if (stored === undefined) {
    ctx.writeSnapshot(key, actual);
    ctx.noteSnapshot(key, 'written', actual);
    return null;
  }
  const expected = withoutPointers(stored, ignore);
  if (deepEqual(expected, actual)) {
    ctx.noteSnapshot(key, 'matched', actual);
    return null;
  }
  ctx.noteSnapshot(key, 'mismatched', actual);
  return fail(a, `the answer differs from snapshot "${key}" (accept the change to update it)`, expected, actual);
}
