import { useEffect } from 'react';
import type { LintFinding } from '../../../src-shared/api/schemas/lint';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { testingSelectors } from '../../store/slices/testing-slice';

const SEVERITIES = ['error', 'warning', 'info'] as const;

function where(f: LintFinding): string {
  if (f.location) return `${f.location.file}:${f.location.line}`;
  if (f.target) return `${f.target.kind} ${f.target.name}${f.target.param ? ` · ${f.target.param}` : ''}`;
  return 'server';
}

/** The best-practice linter's report, by severity, each finding with its rule's reason and, for source findings, the lines. */
export function LintPanel({ server }: { server: ServerSummary }) {
  const serverId = server.config.id;
  const report = useWorkbench(testingSelectors.lintReport(serverId));
  const running = useWorkbench((s) => s.lintRunning[serverId] ?? false);
  const error = useWorkbench((s) => s.lintErrors[serverId]);
  const rules = useWorkbench((s) => s.lintRules);
  const { runLint, loadLintRules, setLintRule } = useActions();
  const ready = server.status.state === 'ready';
  useEffect(() => void loadLintRules(), [loadLintRules]);
  const off = rules.filter((r) => !r.enabled);

  return (
    <div className="lint-panel">
      <div className="suites-toolbar">
        <button type="button" className="button primary small" disabled={!ready || running} onClick={() => void runLint(serverId)}>
          {running ? 'Linting…' : report ? 'Lint again' : 'Run lint'}
        </button>
        {report ? (
          <span className="muted small" role="status" aria-label="Lint summary">
            {report.counts.error} errors, {report.counts.warning} warnings, {report.counts.info} info ·{' '}
            {report.sources.map((s) => `${s.file.split('/').slice(-1)[0]}${s.analyzed ? '' : ' (not analyzed)'}`).join(', ')}
          </span>
        ) : null}
      </div>
      {error ? (
        <div className="args-problem error" role="alert">
          {error}
        </div>
      ) : null}
      {!report ? (
        ready ? (
          <EmptyState title="Check this server against the guide">
            The linter reads the server's tools, resources and prompts, probes its protocol behaviour (unknown methods, ping, cancellation
            of read-only tools) and, when it finds the source on the command line, analyzes it (Python through ast, TypeScript through the
            compiler API).
          </EmptyState>
        ) : (
          <EmptyState title="Start the server to lint it">The linter reads what the running server lists and talks to it.</EmptyState>
        )
      ) : report.findings.length === 0 ? (
        <p className="lint-clean" role="status">
          No findings: this server follows every enabled rule.
        </p>
      ) : (
        SEVERITIES.map((sev) => {
          const items = report.findings.filter((f) => f.severity === sev);
          if (!items.length) return null;
          return (
            <section key={sev} aria-label={`Lint ${sev}s`} className="lint-group">
              <h4>
                <span className={`severity severity-${sev}`}>{sev}</span> {items.length}
              </h4>
              <ul className="finding-list">
                {items.map((f, i) => (
                  <li key={i} className={`finding finding-${f.severity}`}>
                    <div className="finding-head">
                      <code>{f.ruleId}</code>
                      <span className="finding-title">{f.message}</span>
                      <span className="header-spacer" />
                      <button
                        type="button"
                        className="button small"
                        title="Switch this rule off for the workspace (.mcp-lab/lint.json)"
                        onClick={() => void setLintRule(f.ruleId, false)}
                      >
                        Switch rule off
                      </button>
                    </div>
                    {f.location?.snippet ? null : <p className="muted small">{where(f)}</p>}
                    {f.location?.snippet ? (
                      <details className="lint-source" open={i === 0}>
                        <summary>
                          {f.location.file}:{f.location.line}
                        </summary>
                        <pre className="source-snippet" aria-label={`Source at ${f.location.file}:${f.location.line}`}>
                          {f.location.snippet.map((l, k) => {
                            const n = f.location!.snippetStart! + k;
                            return (
                              <span key={k} className={`snippet-line ${n === f.location!.line ? 'snippet-hit' : ''}`}>
                                {String(n).padStart(4)} {l}
                              </span>
                            );
                          })}
                        </pre>
                      </details>
                    ) : null}
                    <p className="finding-why">
                      <strong>Why:</strong> {f.rationale}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      {off.length ? (
        <p className="muted small lint-off">
          Switched off in this workspace:{' '}
          {off.map((r, i) => (
            <span key={r.id}>
              {i ? ', ' : ''}
              <code>{r.id}</code>{' '}
              <button type="button" className="link-button" onClick={() => void setLintRule(r.id, true)}>
                switch on
              </button>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
