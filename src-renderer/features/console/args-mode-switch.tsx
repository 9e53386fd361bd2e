export type ArgsMode = 'form' | 'json';

/** Form or raw JSON, for tool and prompt arguments alike; the form is locked while the JSON does not parse. */
export function ArgsModeSwitch({
  mode,
  parseError,
  onChange,
}: {
  mode: ArgsMode;
  parseError: string | null;
  onChange(mode: ArgsMode): void;
}) {
  return (
    <span className="segmented" role="radiogroup" aria-label="Argument editor">
      <button
        type="button"
        role="radio"
        aria-checked={mode === 'form'}
        disabled={mode === 'json' && !!parseError}
        title={parseError ? 'Fix the JSON first: the form cannot show malformed JSON' : 'Edit with a form'}
        onClick={() => onChange('form')}
      >
        Form
      </button>
      <button
        type="button"
        role="radio"
        aria-checked={mode === 'json'}
        title="Edit the raw JSON arguments"
        onClick={() => onChange('json')}
      >
        JSON
      </button>
    </span>
  );
}
