import type { ResourceReadOutcome } from '../../../src-shared/api/schemas/resource';
import type { ResourceRead } from '../../store/slices/resources-slice';
import { RequestOutcomeSection } from '../requests/request-outcome-view';
import { ResourceContentsView } from './resource-contents';

/** The last read of a URI: what could not be sent, embedded contents, or the server's outcome. */
export function ReadResult({ read }: { read: ResourceRead }) {
  return (
    <div className="result-area">
      {read.error ? (
        <div className="args-problem error" role="alert">
          <strong>The resource could not be read:</strong> {read.error}
        </div>
      ) : null}
      {read.embedded ? (
        <section className="result result-ok" aria-label="Embedded contents">
          <div className="result-head">
            <span className="muted small">Embedded in a result: these contents came with it, they were not read from the server.</span>
          </div>
          <div className="result-body">
            <ResourceContentsView contents={read.embedded} requestedUri={read.uri} />
          </div>
        </section>
      ) : null}
      {read.outcome && !read.embedded ? <ReadOutcomeView outcome={read.outcome} uri={read.uri} /> : null}
    </div>
  );
}

function ReadOutcomeView({ outcome, uri }: { outcome: ResourceReadOutcome; uri: string }) {
  return (
    <RequestOutcomeSection
      outcome={outcome}
      label="Read result"
      renderOk={(result) => (
        <div className="result-body">
          <ResourceContentsView contents={result.contents} requestedUri={uri} />
        </div>
      )}
    />
  );
}
