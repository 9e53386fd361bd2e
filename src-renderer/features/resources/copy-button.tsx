import { useState } from 'react';

/** Copies text to the clipboard and says whether it worked (a browser may refuse). */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="button small"
      aria-label={`Copy ${what}`}
      onClick={() => {
        // No clipboard at all (an insecure context): say so rather than pretend.
        if (!navigator.clipboard) return setState('failed');
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
      onBlur={() => setState('idle')}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
