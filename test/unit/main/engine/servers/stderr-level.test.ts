import { describe, expect, it } from 'vitest';
import { guessStderrLevel } from '../../../../../src-main/engine/servers/stderr-level';

describe('guessStderrLevel', () => {
  it.each([
    ['ERROR:root:could not connect', 'error'],
    ['2025-01-01 12:00:00 [error] request failed', 'error'],
    ['Traceback (most recent call last):', 'error'],
    ['ValueError: invalid literal for int()', 'error'],
    ['TypeError: Cannot read properties of undefined', 'error'],
    ['Unhandled exception in handler', 'error'],
    ['WARNING:fastmcp:Tool already exists', 'warning'],
    ['[warn] slow response', 'warning'],
    ['/srv/app/server.py:12: DeprecationWarning: datetime.datetime.utcnow() is deprecated', 'warning'],
    ['UserWarning: pydantic field shadows an attribute', 'warning'],
    ['CRITICAL: out of memory', 'critical'],
    ['fatal: the crash tool was called', 'critical'],
    ['panic: runtime error: index out of range', 'critical'],
    ['DEBUG tools/list took 3 ms', 'debug'],
    ['INFO:     Uvicorn running on http://127.0.0.1:8000', 'info'],
    ['echo-fixture: ready on stdio', 'info'],
  ])('%s → %s', (line, level) => {
    expect(guessStderrLevel(line)).toBe(level);
  });

  it('does not flag words that merely contain a level name', () => {
    expect(guessStderrLevel('0 errors, 0 warnings')).toBe('info');
    expect(guessStderrLevel('reading from stderr')).toBe('info');
  });

  it('looks only at the start of very long lines', () => {
    expect(guessStderrLevel('x'.repeat(200) + ' ERROR')).toBe('info');
  });
});
