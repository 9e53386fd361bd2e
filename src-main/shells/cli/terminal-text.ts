/**
 * Text from a server (tool output, names, stderr) must not drive the terminal: an ESC or OSC
 * sequence can retitle the window, move the cursor or rewrite what was printed before. Control
 * characters are shown escaped, as `\u001b`, the way JSON output shows them; newlines and tabs
 * stay. Bidi overrides are escaped too (they reorder what a reader sees); lone surrogates, which
 * a terminal cannot show, likewise.
 */
// C0 except \t and \n, a \r not followed by \n, DEL, C1, bidi embedding/override/isolate controls.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A stream for human output whose writes are escaped, unless `raw()` says the user asked for the
 * bytes as they are (`--raw`). Strings only: everything the CLI prints is text.
 */
export function escapingStream(target: NodeJS.WritableStream, raw: () => boolean): NodeJS.WritableStream {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (t.write as (...a: unknown[]) => boolean).call(t, typeof chunk === 'string' && !raw() ? escapeControls(chunk) : chunk, ...rest);
      }
      const v = Reflect.get(t, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}
