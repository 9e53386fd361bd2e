import type { EnvEntry, ServerConfig } from '../../../src-shared/api/schemas/server';
import { initialRemoteFields } from './remote-form-model';
import { type ArgsInputMode, type SplitResult, formatArgsInput, parseArgsInput } from './argv';
import type { EnvRow } from './env-editor';
import type { RemoteFormFields } from './remote-form-model';

export interface ServerFormState extends Partial<RemoteFormFields> {
  /** How the server is reached: a command MCP Lab runs (default), or a URL. */
  kind?: 'command' | 'url';
  name: string;
  command: string;
  argsMode: ArgsInputMode;
  argsText: string;
  cwd: string;
  env: EnvRow[];
}

export interface ServerFormErrors {
  name?: string;
  command?: string;
  args?: string;
  env: Record<number, string>;
}

export interface ServerFormResult {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env: EnvEntry[];
}

const ENV_KEY = /^[^=\0]+$/;

export function initialFormState(config: ServerConfig | undefined, nextRowId: () => number): ServerFormState {
  if (!config) return { kind: 'command', name: '', command: '', argsMode: 'line', argsText: '', cwd: '', env: [] };
  if (config.transport !== 'stdio')
    return {
      kind: 'url',
      name: config.name,
      command: '',
      argsMode: 'line',
      argsText: '',
      cwd: '',
      env: [],
      ...initialRemoteFields(config, nextRowId),
    };
  const argsMode: ArgsInputMode = config.args.some((a) => a.includes('\n')) ? 'lines' : 'line';
  return {
    name: config.name,
    command: config.command,
    argsMode,
    argsText: formatArgsInput(argsMode, config.args),
    cwd: config.cwd ?? '',
    env: config.env.map((e) => ({
      rowId: nextRowId(),
      key: e.key,
      value: e.value ?? '',
      secret: e.secret,
      ...(e.secret ? { storedSecretKey: e.key } : {}),
    })),
  };
}

export function previewArgs(f: ServerFormState): SplitResult {
  return parseArgsInput(f.argsMode, f.argsText);
}

/** Validate the form; on success, the entries to send (an unchanged secret goes without its value). */
export function validateServerForm(f: ServerFormState): { ok: true; value: ServerFormResult } | { ok: false; errors: ServerFormErrors } {
  const errors: ServerFormErrors = { env: {} };
  const name = f.name.trim();
  const command = f.command.trim();
  if (!name) errors.name = 'Give the server a name.';
  else if (name.length > 120) errors.name = 'At most 120 characters.';
  if (!command) errors.command = 'Enter the program to run, e.g. node, uv, python3 or npx.';
  const split = previewArgs(f);
  if (!split.ok) errors.args = `Cannot split the arguments: ${split.error}.`;

  const env: EnvEntry[] = [];
  const seen = new Set<string>();
  for (const r of f.env) {
    const key = r.key.trim();
    if (!key && !r.value) continue;
    if (!key) errors.env[r.rowId] = 'Enter a name for this variable.';
    else if (!ENV_KEY.test(key)) errors.env[r.rowId] = 'A variable name cannot contain "=".';
    else if (seen.has(key)) errors.env[r.rowId] = `"${key}" is set twice.`;
    else if (r.storedSecretKey !== undefined && r.value === '' && (!r.secret || key !== r.storedSecretKey)) {
      errors.env[r.rowId] = 'Enter the value again: a stored secret is never shown, so it cannot be renamed or made plain.';
    }
    seen.add(key);
    if (errors.env[r.rowId]) continue;
    if (r.secret && r.storedSecretKey !== undefined && r.value === '') env.push({ key, secret: true });
    else env.push({ key, value: r.value, secret: r.secret });
  }

  if (errors.name || errors.command || errors.args || Object.keys(errors.env).length > 0) return { ok: false, errors };
  const cwd = f.cwd.trim();
  return { ok: true, value: { name, command, args: split.ok ? split.argv : [], env, ...(cwd ? { cwd } : {}) } };
}
