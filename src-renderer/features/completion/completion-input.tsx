import { useId } from 'react';
import type { CompletionFetch } from './completion-controller';
import { useCompletion } from './use-completion';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  /** Where suggestions come from; null when the server offers no completions (a plain input). */
  fetch: CompletionFetch | null;
  /** Enter while no suggestion is highlighted (submit the form). */
  onEnter?(): void;
  required?: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A text input with server completions under it (ARIA combobox): suggestions arrive debounced as
 * the user types or focuses, ↑/↓ move, Enter or a click picks, Escape closes. Suggestions are
 * untrusted text and are rendered as text.
 */
export function CompletionInput({ id, value, onChange, fetch, onEnter, required, placeholder, describedBy, invalid }: Props) {
  const { controller, state } = useCompletion(fetch);
  const listId = `${useId()}-suggestions`;
  const optionId = (i: number) => `${listId}-${i}`;
  const choose = (i?: number) => {
    const item = controller.pick(i);
    if (item !== undefined) onChange(item);
    return item !== undefined;
  };
  const describedByAll = [describedBy, state.error ? `${listId}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="completion">
      <input
        id={id}
        className="input mono completion-field"
        value={value}
        placeholder={placeholder}
        required={required}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedByAll}
        autoComplete="off"
        spellCheck={false}
        {...(fetch
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': state.open,
              'aria-controls': listId,
              'aria-busy': state.loading || undefined,
              'aria-activedescendant': state.open && state.active >= 0 ? optionId(state.active) : undefined,
            }
          : {})}
        onFocus={() => fetch && controller.query(value)}
        onBlur={() => controller.close()}
        onChange={(e) => {
          onChange(e.target.value);
          if (fetch) controller.query(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!state.items.length) return;
            e.preventDefault();
            controller.move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            if (e.ctrlKey || e.metaKey) return; // the page's Ctrl/Cmd+Enter
            e.preventDefault();
            if (!choose()) onEnter?.();
          } else if (e.key === 'Escape' && state.open) {
            e.preventDefault();
            e.stopPropagation();
            controller.close();
          } else if (e.key === 'Tab') controller.close();
        }}
      />
      {fetch && state.open ? (
        <ul className="completion-list" role="listbox" id={listId} aria-label="Suggestions">
          {state.items.map((item, i) => (
            <li
              key={`${i}:${item}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === state.active}
              className={`completion-option ${i === state.active ? 'active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the input
                choose(i);
              }}
              onMouseEnter={() => controller.highlight(i)}
            >
              {item}
            </li>
          ))}
          {state.more ? (
            <li className="completion-more" aria-hidden="true">
              {state.more.total !== undefined ? `${state.items.length} of ${state.more.total} shown` : 'more available'}: type to narrow
            </li>
          ) : null}
        </ul>
      ) : null}
      {fetch && state.error ? (
        <p className="completion-error" id={`${listId}-error`}>
          No suggestions: {state.error}
        </p>
      ) : null}
    </div>
  );
}
