import { createHash } from 'node:crypto';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import { remoteConsentCanonical, remoteConsentWarnings } from '../remote/remote-consent';

export interface ConsentWarning {
  /** Which part of the command line (or, for a remote server, of its address) the warning is about. */
  where: 'command' | 'args' | 'env' | 'url' | 'headers';
  /** The text that triggered it, so the UI can highlight it. */
  match: string;
  why: string;
}

/**
 * What a person agrees to when they allow a server to start: the program, its arguments, its
 * working directory and its environment (secret values excepted: the user typed those). Any change
 * to these needs a new agreement.
 */
export function consentFingerprint(config: ServerConfig): string {
  // A remote server: where its data goes (the URL) and what is sent along (headers) need agreement.
  if (config.transport !== 'stdio') return createHash('sha256').update(remoteConsentCanonical(config)).digest('hex').slice(0, 32);
  const env = config.env.map((e) => (e.secret ? `${e.key}=<secret>` : `${e.key}=${e.value ?? ''}`)).sort();
  const canonical = JSON.stringify({ command: config.command, args: config.args, cwd: config.cwd ?? '', env, transport: config.transport });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

const SHELLS = /^(?:.*[\\/])?(?:sh|bash|zsh|dash|ksh|fish|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh(?:\.exe)?)$/i;
const ARG_PATTERNS: Array<[RegExp, string]> = [
  [/\b(?:curl|wget)\b[^|]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/i, 'downloads a script and pipes it into a shell'],
  [/\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/i, 'pipes into a shell'],
  [/\bsudo\b|\bdoas\b/i, 'asks for administrator rights'],
  [/\brm\s+-[a-z]*[rf][a-z]*\b/i, 'deletes files recursively or by force'],
  [/\bmkfs\b|\bdd\s+if=/i, 'can overwrite a disk'],
  [/\bchmod\s+(?:-R\s+)?[0-7]*7[0-7]{2}\b/i, 'makes files writable by everyone'],
  [/\$\(|`/, 'runs a command inside the command (substitution)'],
  [/\beval\b/i, 'evaluates text as code'],
  [/>\s*\/dev\/(?:sd|nvme|disk)/i, 'writes to a raw disk device'],
];
const ENV_DANGERS: Record<string, string> = {
  LD_PRELOAD: 'loads a library into every program it starts',
  LD_LIBRARY_PATH: 'changes which libraries programs load',
  DYLD_INSERT_LIBRARIES: 'loads a library into every program it starts',
  NODE_OPTIONS: 'can make Node load extra code',
  PYTHONSTARTUP: 'runs a Python file at start',
  PYTHONPATH: 'changes where Python finds its modules',
  BASH_ENV: 'runs a script whenever bash starts',
  ENV: 'runs a script whenever sh starts',
};

/** Patterns worth a second look before a command runs: shells, pipes into shells, sudo, rm -rf. */
export function consentWarnings(config: ServerConfig): ConsentWarning[] {
  if (config.transport !== 'stdio') return remoteConsentWarnings(config);
  const out: ConsentWarning[] = [];
  const base = config.command.split(/[\\/]/).pop() ?? config.command;
  const runsShellCode = SHELLS.test(config.command) && config.args.some((a) => /^(?:-[a-z]*c|\/c|-Command)$/i.test(a));
  if (runsShellCode) out.push({ where: 'command', match: base, why: 'runs its arguments as shell code' });
  const line = config.args.join(' ');
  for (const [re, why] of ARG_PATTERNS) {
    const m = re.exec(`${config.command} ${line}`);
    if (m) out.push({ where: m.index < config.command.length ? 'command' : 'args', match: m[0].trim(), why });
  }
  for (const e of config.env) if (ENV_DANGERS[e.key]) out.push({ where: 'env', match: e.key, why: ENV_DANGERS[e.key]! });
  return out;
}
