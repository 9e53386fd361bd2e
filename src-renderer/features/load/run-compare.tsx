import type { LoadRunSummary } from '../../../src-shared/api/schemas/load';
import { formatClock } from '../../components/format';
import { FIGURES, compareFigure } from './load-figures';
import { safeName } from '../../components/server-name';

/** Two runs side by side: each figure, and how the second differs from the first (%), marked better or worse. */
export function RunCompare({ a, b, onClose }: { a: LoadRunSummary; b: LoadRunSummary; onClose(): void }) {
  const title = (r: LoadRunSummary) =>
    `${safeName(r.spec.toolName)} · ${new Date(r.startedAt).toLocaleDateString()} ${formatClock(r.startedAt)}`;
  return (
    <section className="run-compare" aria-label="Run comparison">
      <header className="load-run-head">
        <h2>Comparing two runs</h2>
        <span className="header-spacer" />
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <table className="stats-table compare-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              A: {title(a)}
            </th>
            <th scope="col" className="num">
              B: {title(b)}
            </th>
            <th scope="col" className="num">
              B vs A
            </th>
          </tr>
        </thead>
        <tbody>
          {FIGURES.map((f) => {
            const va = f.value(a);
            const vb = f.value(b);
            const c = compareFigure(f, a, b);
            return (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td className="num">{va === null ? '—' : f.format(va)}</td>
                <td className="num">{vb === null ? '—' : f.format(vb)}</td>
                <td className={`num verdict-${c.verdict}`} title={c.verdict === 'n/a' ? undefined : `${c.verdict} (${f.better} is better)`}>
                  {c.pct === null
                    ? c.verdict === 'n/a'
                      ? '—'
                      : c.verdict
                    : `${c.pct > 0 ? '▲' : c.pct < 0 ? '▼' : ''} ${c.pct > 0 ? '+' : ''}${c.pct.toFixed(1)} % ${c.verdict === 'same' ? '' : c.verdict}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">Differences under 2 % are marked the same: one run on a shared machine is noisy.</p>
    </section>
  );
}
