import type { Node, ParseError } from 'jsonc-parser';
import { lazyRequire } from '../base/lazy-require';
import { ASSERTION_KINDS, SuiteSchema, type Suite, type SuiteProblem } from '../../../src-shared/api/schemas/testing';

const jsonc = lazyRequire<typeof import('jsonc-parser')>('jsonc-parser');

export type ParsedSuite = { ok: true; suite: Suite; caseLines: number[] } | { ok: false; problems: SuiteProblem[] };

const KIND_KEYS = new Set<string>(ASSERTION_KINDS);
const CASE_KEYS = new Set(['name', 'tool', 'resource', 'prompt', 'arguments', 'timeoutMs', 'skip', 'expect']);

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Parse a suite file (JSON with comments and trailing commas). Every problem names the line: a
 * syntax error where the parser stopped, a wrong field where that field is, an unknown assertion
 * on its own key. A file with problems is reported and skipped; the other suites still run.
 */
export function parseSuiteFile(file: string, text: string): ParsedSuite {
  const errors: ParseError[] = [];
  const tree = jsonc().parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number, message: string): SuiteProblem => ({ file, ...position(text, offset), message });
  if (errors.length || !tree) {
    const e = errors[0];
    return {
      ok: false,
      problems: [
        at(
          e?.offset ?? 0,
          e ? `syntax error: ${describeParseError(e)}` : 'the file is empty: a suite needs at least {"server": …, "cases": []}',
        ),
      ],
    };
  }
  if (tree.type !== 'object')
    return { ok: false, problems: [at(tree.offset, 'a suite file holds one JSON object: {"server": …, "cases": [ … ]}')] };

  const problems = checkAssertionKeys(tree, at);
  if (problems.length) return { ok: false, problems };

  const parsed = SuiteSchema.safeParse(jsonc().getNodeValue(tree));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 5).map((i) => {
        const node = nodeAt(tree, i.path as (string | number)[]);
        const where = i.path.length ? i.path.join('.') : 'top level';
        return at(node.offset, `${where}: ${i.message}`);
      }),
    };
  }
  const cases = jsonc().findNodeAtLocation(tree, ['cases']);
  const caseLines = (cases?.children ?? []).map((c) => position(text, c.offset).line);
  return { ok: true, suite: parsed.data, caseLines };
}

/** The deepest node that exists along a path (the problem is at or inside it). */
function nodeAt(tree: Node, path: (string | number)[]): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = jsonc().findNodeAtLocation(tree, path.slice(0, n));
    if (node) {
      // Point at the property's key rather than its value when there is one.
      return node.parent?.type === 'property' ? node.parent : node;
    }
  }
  return tree;
}

/** Unknown assertion kinds and unknown case fields, with a "did you mean". Zod's union errors would not say this well. */
function checkAssertionKeys(tree: Node, at: (offset: number, message: string) => SuiteProblem): SuiteProblem[] {
  const out: SuiteProblem[] = [];
  const cases = jsonc().findNodeAtLocation(tree, ['cases']);
  (cases?.children ?? []).forEach((c, ci) => {
    if (c.type !== 'object') return;
    for (const prop of c.children ?? []) {
      const key = prop.children?.[0]?.value as string | undefined;
      if (key !== undefined && !CASE_KEYS.has(key))
        out.push(
          at(prop.offset, `cases.${ci}: unknown field "${key}"${suggest(key, [...CASE_KEYS])} (fields: ${[...CASE_KEYS].join(', ')})`),
        );
    }
    const expect = jsonc().findNodeAtLocation(c, ['expect']);
    (expect?.children ?? []).forEach((a, ai) => {
      if (a.type !== 'object') {
        out.push(at(a.offset, `cases.${ci}.expect.${ai}: an assertion is an object such as {"status": "ok"}`));
        return;
      }
      const keys = (a.children ?? []).map((p) => ({ key: p.children?.[0]?.value as string, offset: p.offset }));
      const kinds = keys.filter((k) => KIND_KEYS.has(k.key));
      if (kinds.length === 0) {
        const first = keys[0];
        out.push(
          at(
            first?.offset ?? a.offset,
            `cases.${ci}.expect.${ai}: unknown assertion${first ? ` "${first.key}"${suggest(first.key, [...KIND_KEYS])}` : ' (empty object)'} — known assertions: ${ASSERTION_KINDS.join(', ')}`,
          ),
        );
      } else if (kinds.length > 1) {
        out.push(
          at(
            kinds[1]!.offset,
            `cases.${ci}.expect.${ai}: one assertion per object (found ${kinds.map((k) => k.key).join(' and ')}); split them into two`,
          ),
        );
      }
    });
  });
  return out;
}

export function describeParseError(e: ParseError): string {
  const what = jsonc().printParseErrorCode(e.error);
  const plain: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    ValueExpected: 'a value is missing',
    ColonExpected: 'a ":" is missing',
    CommaExpected: 'a "," is missing',
    CloseBraceExpected: 'a "}" is missing',
    CloseBracketExpected: 'a "]" is missing',
    PropertyNameExpected: 'a property name (in double quotes) is expected',
    EndOfFileExpected: 'unexpected text after the end',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfComment: 'a comment is not closed',
  };
  return plain[what] ?? what;
}

/** " (did you mean \"x\"?)" for a key one or two edits away from a known one. */
function suggest(key: string, known: string[]): string {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
