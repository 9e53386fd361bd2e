import { useEffect, useRef, useState } from 'react';
import type { BreakpointSpec } from '../../../src-shared/api/schemas/debug';
import { useActions } from '../../app-context';
import { breakpointKind } from './breakpoint-glyph';

export interface BreakpointMenuAt {
  path: string;
  line: number;
  /** Viewport point the popover opens at. */
  x: number;
  y: number;
}

type Mode = 'menu' | 'condition' | 'log';

const FIELD: Record<Exclude<Mode, 'menu'>, { label: string; placeholder: string; help: string }> = {
  condition: {
    label: 'Condition',
    placeholder: 'n > 10',
    help: 'Pauses only when this expression, in the server’s language, is true. Empty: it always pauses.',
  },
  log: {
    label: 'Log message',
    placeholder: 'n is {n}',
    help: 'Written to the server’s log without pausing; {expression} parts are evaluated. Empty: it pauses instead.',
  },
};

/**
 * The gutter's breakpoint menu: add or remove the line's breakpoint, or give it a condition or a
 * log message. Escape or a click outside closes it; focus goes back to the editor.
 */
export function BreakpointPopover({ at, spec, onClose }: { at: BreakpointMenuAt; spec: BreakpointSpec | undefined; onClose(): void }) {
  const { setBreakpoint, removeBreakpoint } = useActions();
  const [mode, setMode] = useState<Mode>('menu');
  const [text, setText] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // Focus goes back where it was (the editor) when the popover closes.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    return () => opener?.focus?.();
  }, []);

  useEffect(() => {
    const first = root.current?.querySelector<HTMLElement>('input, button');
    first?.focus();
  }, [mode]);
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [onClose]);

  const edit = (m: Exclude<Mode, 'menu'>) => {
    setText((m === 'condition' ? spec?.condition : spec?.logMessage) ?? '');
    setMode(m);
  };
  const save = () => {
    const base: BreakpointSpec = { line: at.line, ...(spec?.condition ? { condition: spec.condition } : {}) };
    const next: BreakpointSpec =
      mode === 'condition'
        ? { line: at.line, ...(text.trim() ? { condition: text } : {}), ...(spec?.logMessage ? { logMessage: spec.logMessage } : {}) }
        : { ...base, ...(text.trim() ? { logMessage: text } : {}) };
    void setBreakpoint(at.path, next);
    onClose();
  };
  const kind = spec ? breakpointKind(spec) : undefined;
  const title = `${kind === 'logpoint' ? 'Log point' : 'Breakpoint'} at line ${at.line}`;

  return (
    <div
      ref={root}
      className="breakpoint-popover"
      role="dialog"
      aria-label={title}
      style={{ left: Math.min(at.x, window.innerWidth - 340), top: Math.min(at.y + 12, window.innerHeight - 200) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="breakpoint-popover-title">{title}</div>
      {mode === 'menu' ? (
        <div className="breakpoint-popover-actions" role="group" aria-label="Breakpoint actions">
          {spec ? (
            <button
              type="button"
              className="button small"
              onClick={() => {
                void removeBreakpoint(at.path, at.line);
                onClose();
              }}
            >
              Remove {kind === 'logpoint' ? 'log point' : 'breakpoint'}
            </button>
          ) : (
            <button
              type="button"
              className="button small"
              onClick={() => {
                void setBreakpoint(at.path, { line: at.line });
                onClose();
              }}
            >
              Add breakpoint
            </button>
          )}
          <button type="button" className="button small" onClick={() => edit('condition')}>
            {spec?.condition ? 'Edit condition…' : 'Condition…'}
          </button>
          <button type="button" className="button small" onClick={() => edit('log')}>
            {spec?.logMessage ? 'Edit log message…' : 'Log message…'}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label className="breakpoint-popover-field">
            <span>{FIELD[mode].label}</span>
            <input
              className="input"
              value={text}
              placeholder={FIELD[mode].placeholder}
              maxLength={4096}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <p className="muted small">{FIELD[mode].help}</p>
          <div className="breakpoint-popover-actions">
            <button type="submit" className="button small primary">
              Save
            </button>
            <button type="button" className="button small" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
