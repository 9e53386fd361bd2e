import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../../../src-main/shells/cli/terminal-text';

describe('escapeControls', () => {
  it('shows ESC, OSC, BEL, C0 and C1 controls as \\u escapes, like JSON', () => {
    expect(escapeControls('a\u001b]0;title\u0007b')).toBe('a\\u001b]0;title\\u0007b');
    expect(escapeControls('\u001b[2J\u0000\u007f\u009b31m')).toBe('\\u001b[2J\\u0000\\u007f\\u009b31m');
  });

  it('keeps newlines, tabs, CRLF line ends and text in any script', () => {
    expect(escapeControls('line 1\r\n\tline 2\nήλιος 日本 😀')).toBe('line 1\r\n\tline 2\nήλιος 日本 😀');
  });

  it('escapes a bare carriage return (it rewrites the line), bidi overrides and lone surrogates', () => {
    expect(escapeControls('ok\rFAKE')).toBe('ok\\u000dFAKE');
    expect(escapeControls('abc\u202Etxt.exe')).toBe('abc\\u202etxt.exe');
    expect(escapeControls('half\ud800 and \udc00')).toBe('half\\ud800 and \\udc00');
  });
});
