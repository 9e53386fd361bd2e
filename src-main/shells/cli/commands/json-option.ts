import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, EXIT } from '../exit-codes';

/** `@file` reads the JSON from a file, `-` from stdin (long or generated arguments, no shell quoting). */
function jsonText(flag: string, value: string): string {
  if (value !== '-' && !value.startsWith('@')) return value;
  const file = value === '-' ? undefined : path.resolve(value.slice(1));
  try {
    return readFileSync(file ?? 0, 'utf8');
  } catch (e) {
    throw new CliError(
      `${flag} ${value}: cannot read ${file ?? 'stdin'}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}`,
      EXIT.usage,
    );
  }
}

/**
 * Parse an option that takes a JSON object (`--args`, `--context`; inline, `@file` or `-` for stdin), or fail
 * with a usage error that shows an example.
 */
export function parseJsonObject(flag: string, value: string | undefined, example: string): Record<string, unknown> {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText(flag, value));
  } catch (e) {
    throw new CliError(`${flag} is not valid JSON: ${(e as Error).message}`, EXIT.usage);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliError(`${flag} must be a JSON object, e.g. '${example}'`, EXIT.usage);
  return parsed as Record<string, unknown>;
}

/** A JSON object of strings: prompt arguments and completion context are strings in MCP. */
export function parseStringMap(flag: string, value: string | undefined, example: string): Record<string, string> {
  const obj = parseJsonObject(flag, value, example);
  const bad = Object.entries(obj).find(([, v]) => typeof v !== 'string');
  if (bad)
    throw new CliError(
      `${flag} values must be strings (MCP prompt arguments are strings): "${bad[0]}" is ${JSON.stringify(bad[1])}`,
      EXIT.usage,
    );
  return obj as Record<string, string>;
}
