import type { LogLevel } from '../../../src-shared/api/schemas/log';

/**
 * A guess at a stderr line's level, so errors stand out in the log view. Servers rarely say; the
 * common logging formats ("ERROR:root:", "[warn]", "Traceback") do.
 */
export function guessStderrLevel(line: string): LogLevel {
  const head = line.slice(0, 120);
  if (/\b(CRITICAL|FATAL|PANIC)\b/i.test(head)) return 'critical';
  if (/\b(ERROR|ERR|EXCEPTION)\b|^Traceback \(most recent call last\)|^\w*Error:/i.test(head)) return 'error';
  // Python's `warnings` module prints "<file>:<line>: DeprecationWarning: …" (any *Warning class).
  if (/\bWARN(ING)?\b|[a-z]Warning:/i.test(head)) return 'warning';
  if (/\bDEBUG\b/.test(head)) return 'debug';
  return 'info';
}
