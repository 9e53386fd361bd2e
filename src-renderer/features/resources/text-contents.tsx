import { useMemo, useState } from 'react';
import { formatBytes } from '../../components/format';
import { CopyButton } from './copy-button';

/** Past this many characters a text is cut (the rest on "Show all"): a DOM of megabytes makes the tab sluggish. */
export const TEXT_PREVIEW_CHARS = 100_000;
const MAX_JSON_CHARS = 5_000_000;

/** The text pretty-printed when it is JSON (by MIME type or by shape), otherwise null. */
export function prettyJsonText(text: string, mimeType?: string): string | null {
  if (text.length > MAX_JSON_CHARS) return null;
  const t = text.trim();
  const looksJson = /json/i.test(mimeType ?? '') || t.startsWith('{') || t.startsWith('[');
  if (!looksJson) return null;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return null;
  }
}

/** A resource's text: monospace, line breaks kept, JSON pretty-printed, long text cut with "Show all". Always text, never HTML. */
export function TextContents({ text, mimeType, label = 'text' }: { text: string; mimeType?: string | undefined; label?: string }) {
  const [all, setAll] = useState(false);
  const pretty = useMemo(() => prettyJsonText(text, mimeType), [text, mimeType]);
  const bytes = useMemo(() => new TextEncoder().encode(text).length, [text]);
  const shown = pretty ?? text;
  const cut = !all && shown.length > TEXT_PREVIEW_CHARS;
  return (
    <div className="block block-text">
      <div className="block-head">
        <span className="block-kind">
          {label}
          {pretty !== null ? ' · pretty-printed' : ''} · {formatBytes(bytes)}
        </span>
        <span className="header-spacer" />
        <CopyButton text={text} what="text" />
      </div>
      <pre className="result-text resource-text" tabIndex={0} aria-label="Resource text">
        {cut ? shown.slice(0, TEXT_PREVIEW_CHARS) : shown}
      </pre>
      {cut ? (
        <p className="muted small truncation-note" role="status">
          Showing the first {TEXT_PREVIEW_CHARS.toLocaleString('en-US')} of {shown.length.toLocaleString('en-US')} characters.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show all
          </button>
        </p>
      ) : null}
    </div>
  );
}
