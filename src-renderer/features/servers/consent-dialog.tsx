import { useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { RemoteConsentFacts } from './remote-consent-facts';
import { safeName } from '../../components/server-name';

/**
 * Before a command that is new to this machine runs (from a cloned workspace, an import, or an
 * edit made outside MCP Lab): show all of it, point at what deserves a second look, and start it
 * only when the person says so.
 */
export function ConsentDialog({
  server,
  underDebugger = false,
  onClose,
}: {
  server: ServerSummary;
  /** Debug was pressed: once allowed, the server starts under its debugger, as asked. */
  underDebugger?: boolean;
  onClose(): void;
}) {
  const { pushNotice, approveServer, startApprovedServer } = useActions();
  const [busy, setBusy] = useState(false);
  const consent = server.consent;
  const { config } = server;
  if (!consent) return null;
  const risky = consent.warnings.length > 0;

  const allow = async () => {
    setBusy(true);
    try {
      await approveServer(config.id, consent.fingerprint);
      onClose();
      await startApprovedServer(config.id, { underDebugger });
    } catch (e) {
      pushNotice('error', `Could not start "${config.name}": ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={`Review before it runs: ${safeName(config.name)}`}
      onClose={onClose}
      className="consent-dialog"
      footer={
        <>
          <span className="header-spacer" />
          <button type="button" className="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className={`button ${risky ? 'danger' : 'primary'}`} disabled={busy} onClick={() => void allow()}>
            {risky
              ? config.transport === 'stdio'
                ? 'Run it anyway'
                : 'Connect anyway'
              : config.transport !== 'stdio'
                ? 'Allow and connect'
                : underDebugger
                  ? 'Allow and debug'
                  : 'Allow and start'}
          </button>
        </>
      }
    >
      {config.transport !== 'stdio' ? (
        <p>
          This server&apos;s address is new to this machine: it came with the workspace, was imported, or was changed outside MCP Lab. MCP
          Lab will send requests (and the headers below) to it. Connect only if you trust it.
        </p>
      ) : (
        <p>
          This server&apos;s command is new to this machine: it came with the workspace, was imported, or was changed outside MCP Lab. It
          runs with your permissions. Start it only if you trust it.
        </p>
      )}
      {config.transport !== 'stdio' ? (
        <RemoteConsentFacts config={config} warnings={consent.warnings} />
      ) : (
        <dl className="consent-facts">
          <dt>Program</dt>
          <dd>
            <Highlighted text={config.command} marks={consent.warnings.filter((w) => w.where === 'command').map((w) => w.match)} />
          </dd>
          <dt>Arguments</dt>
          <dd>
            {config.args.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <ol className="consent-args">
                {config.args.map((a, i) => (
                  <li key={i}>
                    <Highlighted text={a} marks={consent.warnings.filter((w) => w.where !== 'env').map((w) => w.match)} />
                  </li>
                ))}
              </ol>
            )}
          </dd>
          <dt>Working directory</dt>
          <dd className="mono">{config.cwd ?? '(the workspace folder)'}</dd>
          <dt>Environment</dt>
          <dd>
            {config.env.length === 0 ? (
              <span className="muted">only the documented base (HOME, PATH, …)</span>
            ) : (
              <ul className="consent-env">
                {config.env.map((e) => (
                  <li key={e.key} className={consent.warnings.some((w) => w.where === 'env' && w.match === e.key) ? 'flagged' : ''}>
                    <span className="mono">{e.key}</span>
                    {e.secret ? <span className="muted"> (secret)</span> : <span className="mono muted">={e.value}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {risky ? (
        <div className="consent-warnings" role="alert">
          <strong>Worth a second look</strong>
          <ul>
            {consent.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.match}</code> — {w.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ModalDialog>
  );
}

/** The text with each flagged fragment marked (as text: never HTML). */
function Highlighted({ text, marks }: { text: string; marks: string[] }) {
  const hit = marks.filter((m) => m && text.includes(m)).sort((a, b) => b.length - a.length)[0];
  if (!hit) return <span className="mono">{text}</span>;
  const i = text.indexOf(hit);
  return (
    <span className="mono">
      {text.slice(0, i)}
      <mark className="danger-mark">{hit}</mark>
      {text.slice(i + hit.length)}
    </span>
  );
}
