import type { AssertionFailure } from '../../../src-shared/api/schemas/testing';

/** One failed assertion: what it checked, why it failed, and the diff (red: expected, green: actual). */
export function FailureView({ failure }: { failure: AssertionFailure }) {
  const changed = failure.diff?.some((d) => d.op !== 'same');
  return (
    <div className="test-failure">
      <div className="test-failure-head">
        <code>{failure.assertion}</code> <span>{failure.message}</span>
      </div>
      {changed ? (
        <pre className="test-diff" aria-label={`Diff for ${failure.assertion}`} tabIndex={0}>
          <span className="diff-legend">
            <span className="diff-removed">- expected</span> <span className="diff-added">+ actual</span>
          </span>
          {'\n'}
          {failure.diff!.map((d, i) => (
            <span key={i} className={d.op === 'added' ? 'diff-added' : d.op === 'removed' ? 'diff-removed' : 'diff-same'}>
              {d.op === 'added' ? '+ ' : d.op === 'removed' ? '- ' : '  '}
              {d.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : null}
    </div>
  );
}
