import type { BreakpointSpec } from '../../../src-shared/api/schemas/debug';

export type BreakpointKind = 'breakpoint' | 'conditional' | 'logpoint';

/** A log message wins over a condition: the debugger logs (when the condition holds) and never stops there. */
export function breakpointKind(b: BreakpointSpec): BreakpointKind {
  if (b.logMessage) return 'logpoint';
  return b.condition ? 'conditional' : 'breakpoint';
}

/** Each kind's glyph in the gutter (a dot, a dot with "=", a diamond, as in VS Code) and the words on hover. */
export function breakpointGlyph(b: BreakpointSpec): { className: string; hover: string } {
  const kind = breakpointKind(b);
  const more = 'click to remove, right-click to edit';
  if (kind === 'logpoint')
    return {
      className: 'editor-logpoint-glyph',
      hover: `Log point at line ${b.line}: logs \`${b.logMessage}\`${b.condition ? ` when \`${b.condition}\`` : ''} and goes on (${more})`,
    };
  if (kind === 'conditional')
    return {
      className: 'editor-breakpoint-glyph conditional',
      hover: `Breakpoint at line ${b.line}, only when \`${b.condition}\` (${more})`,
    };
  return { className: 'editor-breakpoint-glyph', hover: `Breakpoint at line ${b.line} (${more})` };
}
