import { useState } from 'react';

interface Action {
  label: string;
  title?: string;
  /** A key shown next to the label (the key itself is handled by the dialog or the form). */
  hint?: string;
  disabled?: boolean;
  onClick(): Promise<void> | void;
}

interface Props {
  primary: Action;
  secondary?: Action[];
  /** What Escape does (Cancel / Reject): the dialog presses this button. */
  escape: Action;
}

/** The answer buttons of a request, with the engine's refusal (if any) shown above them. */
export function RequestActions({ primary, secondary = [], escape }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A click handler returns nothing: the action's failure is caught here and shown above the buttons.
  const run = (a: Action) => () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        await a.onClick();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    })();
  };
  return (
    <div className="request-actions-area">
      {error ? (
        <p className="engine-error request-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="request-actions">
        <button type="button" className="button" data-escape-action="" title={escape.title} disabled={busy} onClick={run(escape)}>
          {escape.label} <kbd>Esc</kbd>
        </button>
        {secondary.map((a) => (
          <button key={a.label} type="button" className="button" title={a.title} disabled={busy || a.disabled} onClick={run(a)}>
            {a.label}
          </button>
        ))}
        <span className="header-spacer" />
        <button
          type="button"
          className="button primary"
          data-primary-action=""
          title={primary.title}
          disabled={busy || primary.disabled}
          onClick={run(primary)}
        >
          {primary.label}
          {primary.hint ? <kbd className="button-kbd">{primary.hint}</kbd> : null}
        </button>
      </div>
    </div>
  );
}
