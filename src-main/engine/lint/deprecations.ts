import { DEPRECATED_FEATURES, type DeprecatedFeatureId, type DeprecatedUse } from '../../../src-shared/api/schemas/deprecation';
import type { LintDeprecation } from '../../../src-shared/api/schemas/lint';
import type { RawFinding } from './list-rules';

/** What the server was seen to use, merged with the uses its source shows (each with where), in the registry's order. */
export function lintDeprecations(observed: readonly DeprecatedUse[], raw: readonly RawFinding[]): LintDeprecation[] {
  const byFeature = new Map<DeprecatedFeatureId, LintDeprecation>();
  const entry = (f: DeprecatedFeatureId) => byFeature.get(f) ?? byFeature.set(f, { feature: f, evidence: [], locations: [] }).get(f)!;
  for (const u of observed) entry(u.feature).evidence.push(...u.evidence);
  for (const f of raw) {
    if (!f.feature) continue;
    const e = entry(f.feature);
    if (f.location) e.locations.push(f.location);
    if (!e.evidence.includes(f.message)) e.evidence.push(f.message);
  }
  return (Object.keys(DEPRECATED_FEATURES) as DeprecatedFeatureId[]).filter((f) => byFeature.has(f)).map((f) => byFeature.get(f)!);
}
