import type { CaseResult } from '../../../src-shared/api/schemas/testing';

const ICONS: Record<CaseResult['status'], string> = { passed: '✓', failed: '✗', skipped: '–', pending: '·', running: '◌' };
const LABELS: Record<CaseResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  pending: 'pending',
  running: 'running',
};

export function StatusIcon({ status }: { status: CaseResult['status'] }) {
  return (
    <span className={`test-status test-status-${status}`} role="img" aria-label={LABELS[status]} title={LABELS[status]}>
      {ICONS[status]}
    </span>
  );
}
