import type { ErrorSchema, FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { JSON_FIELD_KEY, type JsonFieldMark } from '../tools/schema/prepare-schema';

const REASON: Record<JsonFieldMark['reason'], string> = {
  recursion: 'Deeper levels of this recursive type are edited as JSON.',
  size: 'The schema is too large to show as a form from here down: edit this part as JSON.',
  remote: 'The schema refers to a definition MCP Lab does not fetch: any JSON value goes here.',
};

function toText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every message below this field, with where it applies ("children.0.value: is required"). */
function nestedErrors(es: ErrorSchema | undefined, path: string[] = []): string[] {
  if (!es || typeof es !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(es as Record<string, unknown>)) {
    if (k === '__errors') {
      if (path.length && Array.isArray(v)) out.push(...v.map((m) => `${path.join('.')}: ${String(m)}`));
    } else out.push(...nestedErrors(v as ErrorSchema, [...path, k]));
  }
  return out;
}

/**
 * Where the form stops (the deeper part of a recursive type, or a value of any shape), a JSON
 * text field: what parses becomes the value; text that does not parse yet is kept here, with the
 * last valid value in the arguments, and said so.
 */
export function JsonValueField({ schema, formData, onChange, fieldPathId, disabled, readonly, errorSchema, name, title }: FieldProps) {
  const mark = schema[JSON_FIELD_KEY] as JsonFieldMark | undefined;
  const [text, setText] = useState(() => toText(formData));
  const [problem, setProblem] = useState<string | null>(null);
  const lastSent = useRef<unknown>(formData);

  // A value set from outside (JSON mode, a reset, a new list item) replaces the text.
  useEffect(() => {
    if (sameJson(formData, lastSent.current)) return;
    lastSent.current = formData;
    setText(toText(formData));
    setProblem(null);
  }, [formData]);

  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setProblem(null);
      lastSent.current = undefined;
      onChange(undefined, fieldPathId.path);
      return;
    }
    try {
      const value = JSON.parse(next) as unknown;
      setProblem(null);
      lastSent.current = value;
      onChange(value, fieldPathId.path);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const example = mark?.example !== undefined ? toText(mark.example) : undefined;
  const label = (schema.title as string | undefined) ?? title ?? name;
  const below = nestedErrors(errorSchema);
  return (
    <div className="json-value-field">
      <textarea
        id={fieldPathId.$id}
        className="input mono"
        aria-label={`${label || 'value'} (JSON)`}
        aria-invalid={problem ? true : undefined}
        spellCheck={false}
        rows={Math.min(12, Math.max(3, text.split('\n').length))}
        value={text}
        placeholder={example}
        disabled={disabled || readonly}
        onChange={(e) => edit(e.target.value)}
      />
      <div className="json-value-field-foot">
        <span className="form-help">{mark ? REASON[mark.reason] : 'Any JSON value: the schema gives this field no type.'}</span>
        {example !== undefined && text.trim() === '' && !disabled && !readonly ? (
          <button type="button" className="button small" onClick={() => edit(example)}>
            Insert example
          </button>
        ) : null}
      </div>
      {problem ? (
        <p className="form-errors" role="alert">
          Not valid JSON yet ({problem}); the arguments keep the last valid value.
        </p>
      ) : null}
      {below.length ? (
        <ul className="form-errors" role="alert">
          {below.slice(0, 6).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
