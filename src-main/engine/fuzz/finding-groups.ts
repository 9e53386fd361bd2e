import type { FuzzFinding } from '../../../src-shared/api/schemas/fuzz';
import { stableJson } from '../testing/json-values';

const SEVERITY_RANK = { error: 0, warning: 1 } as const;

/** The class of an answer: its status, and for a JSON-RPC error its code (messages vary with the input). */
export function answerClass(o: FuzzFinding['outcome']): string {
  return o.status === 'protocolError' ? `protocolError ${o.code ?? ''}` : o.status;
}

/** Two findings of one cause: the same kind, the same (shrunk) input, the same class of answer. */
export function sameCause(a: FuzzFinding, b: FuzzFinding): boolean {
  return a.kind === b.kind && answerClass(a.outcome) === answerClass(b.outcome) && stableJson(a.input) === stableJson(b.input);
}

/**
 * Add a finding to a run's list: counted on the finding of the same cause when there is one (many
 * generated inputs shrink to the same one), else inserted after the findings of its severity or
 * worse, so errors come first and, within a severity, the order they were found in.
 */
export function addFinding(findings: FuzzFinding[], f: FuzzFinding): FuzzFinding {
  const same = findings.find((x) => sameCause(x, f));
  if (same) {
    same.occurrences += f.occurrences;
    return same;
  }
  const at = findings.findIndex((x) => SEVERITY_RANK[x.severity] > SEVERITY_RANK[f.severity]);
  findings.splice(at < 0 ? findings.length : at, 0, f);
  return f;
}
