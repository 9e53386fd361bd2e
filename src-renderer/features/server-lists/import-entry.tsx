import type { ImportEntry } from '../../../src-shared/api/schemas/server-import';

const ACTION_LABELS: Record<ImportEntry['action'], string> = {
  add: 'will be added',
  rename: 'renamed',
  skip: 'skipped',
  invalid: 'cannot be imported',
};

interface Props {
  entry: ImportEntry;
  chosen: boolean;
  onChoose(on: boolean): void;
  secrets: Record<string, string>;
  onSecret(key: string, value: string): void;
}

/**
 * One server of the file, as the import would add it: the whole command line (or address) first,
 * what deserves a second look, and the values the file refers to but does not hold.
 */
export function ImportEntryView({ entry: e, chosen, onChoose, secrets, onSecret }: Props) {
  const importable = e.action === 'add' || e.action === 'rename';
  const values = [
    ...e.env.map((v) => ({ ...v, where: 'env' as const })),
    ...(e.headers ?? []).map((v) => ({ ...v, where: 'header' as const })),
  ];
  return (
    <li className={`import-entry import-${e.action}`} aria-label={`Server ${e.name}`}>
      <div className="import-entry-head">
        <label className="import-choose">
          <input
            type="checkbox"
            checked={importable && chosen}
            disabled={!importable}
            onChange={(ev) => onChoose(ev.target.checked)}
            aria-label={`Import ${e.name}`}
          />
          <strong>{e.name}</strong>
        </label>
        {e.id ? <span className="mono muted small">id {e.id}</span> : null}
        <span className={`import-action import-action-${e.action}`}>{ACTION_LABELS[e.action]}</span>
        <span className="header-spacer" />
        {e.line ? <span className="muted small">line {e.line}</span> : null}
      </div>
      {e.commandLine ? (
        <div className="import-command">
          <span className="muted small">Runs</span>
          <code className="import-command-line">{e.commandLine}</code>
          {e.cwd ? <span className="muted small">in {e.cwd}</span> : null}
        </div>
      ) : null}
      {e.url ? (
        <div className="import-command">
          <span className="muted small">Connects to ({e.transport})</span>
          <code className="import-command-line">{e.url}</code>
        </div>
      ) : null}
      {values.length ? (
        <ul className="import-values" aria-label={`Environment and headers of ${e.name}`}>
          {values.map((v) => (
            <li key={`${v.where}:${v.key}`}>
              <span className="mono">
                {v.key}
                {!v.needsValue && !v.secret ? <span className="muted">={v.value}</span> : null}
              </span>
              {v.needsValue ? (
                <label className="import-secret">
                  <span className="muted small">
                    {v.where === 'header' ? 'header' : 'secret'} to fill in
                    {v.reference ? (
                      <>
                        {' '}
                        (the file has <code>{v.reference}</code>)
                      </>
                    ) : null}
                    {v.description ? `: ${v.description}` : ''}
                  </span>
                  <input
                    type="password"
                    className="input"
                    aria-label={`Value of ${v.key} for ${e.name}`}
                    autoComplete="off"
                    value={secrets[v.key] ?? ''}
                    disabled={!importable}
                    placeholder="leave empty to fill in later"
                    onChange={(ev) => onSecret(v.key, ev.target.value)}
                  />
                </label>
              ) : v.secret ? (
                <span className="muted small"> secret (kept in MCP Lab&apos;s secret store, not in mcp-lab.json)</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {e.reason ? <p className={`import-reason ${e.action === 'invalid' ? 'error-text' : ''}`}>{e.reason}</p> : null}
      {e.warnings.length ? (
        <ul className="import-warnings" aria-label={`Notes on ${e.name}`}>
          {e.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
