import { CliError, EXIT } from '../exit-codes';

/** Parse an option that takes a JSON object (`--args`, `--context`), or fail with a usage error that shows an example. */
export function parseJsonObject(flag: string, value: string | undefined, example: string): Record<string, unknown> {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new CliError(`${flag} is not valid JSON: ${(e as Error).message}`, EXIT.usage);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliError(`${flag} must be a JSON object, e.g. '${example}'`, EXIT.usage);
  return parsed as Record<string, unknown>;
}

/** A JSON object of strings: prompt arguments and completion context are strings in MCP. */
export function parseStringMap(flag: string, value: string | undefined, example: string): Record<string, string> {
  const obj = parseJsonObject(flag, value, example);
  const bad = Object.entries(obj).find(([, v]) => typeof v !== 'string');
  if (bad) throw new CliError(`${flag} values must be strings (MCP prompt arguments are strings): "${bad[0]}" is ${JSON.stringify(bad[1])}`, EXIT.usage);
  return obj as Record<string, string>;
}
