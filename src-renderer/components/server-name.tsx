/**
 * Names a server chooses (its own name and title, its tools', prompts' and resources') are shown
 * as text that cannot disguise itself or what follows it. A right-to-left override (U+202E) would
 * make `exe.txt` read as `txt.exe`, and a control character can hide or reorder text; so:
 * - bidi controls and other invisible control characters are replaced by a visible `⟨U+XXXX⟩`;
 * - the name is isolated (`<bdi dir="auto">`), so right-to-left text in it reads correctly and
 *   never reorders the text around it.
 */

// C0 and C1 controls, DEL, and the Unicode direction marks, embeddings, overrides and isolates:
// matching control characters is this expression's whole purpose.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeName(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

export function ServerName({
  text,
  className,
  withTitle = false,
}: {
  text: string;
  className?: string;
  /** Also as a tooltip, for places that cut long names. */ withTitle?: boolean;
}) {
  return (
    <bdi dir="auto" className={className} title={withTitle ? safeName(text) : undefined}>
      {safeName(text)}
    </bdi>
  );
}
