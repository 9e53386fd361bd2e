import type { monaco } from './monaco-setup';

/** The editor's own frames: Monaco scrolls their content itself and never scrolls them natively. */
const FRAMES = '.monaco-editor, .overflow-guard, .editor-scrollable';

/**
 * Undo native scrolling of the editor's frames. When the browser scrolls something into view inside
 * the editor (the hidden text area that follows the cursor at the end of a long line, a click near
 * the edge), it sets `scrollLeft` on one of these `overflow: hidden` frames; Monaco does not know,
 * so the code stays shifted left — line starts cut off, the gutter misaligned — until a reload.
 * Inputs inside the editor (the find widget) keep their own scrolling. Returns the remover.
 */
export function keepEditorFramesUnscrolled(editor: monaco.editor.ICodeEditor): () => void {
  const root = editor.getDomNode();
  if (!root) return () => undefined;
  const onScroll = (e: Event) => {
    const el = e.target;
    if (!(el instanceof HTMLElement) || !el.matches(FRAMES)) return;
    if (el.scrollLeft !== 0) el.scrollLeft = 0;
    if (el.scrollTop !== 0) el.scrollTop = 0;
  };
  // Scroll events do not bubble: listen while they travel down (capture) to catch the frames' own.
  root.addEventListener('scroll', onScroll, true);
  return () => root.removeEventListener('scroll', onScroll, true);
}
