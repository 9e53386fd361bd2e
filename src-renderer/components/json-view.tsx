import { useMemo } from 'react';
import { prettyJson } from './format';

/** Pretty JSON as text (never as HTML): safe for anything an untrusted server sends. */
export function JsonView({ value, label, className }: { value: unknown; label?: string; className?: string }) {
  const text = useMemo(() => prettyJson(value), [value]);
  return (
    <pre className={`json-view ${className ?? ''}`} aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}
