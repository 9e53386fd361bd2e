import { execFile } from 'node:child_process';
import type { EnvEntry } from '../../../src-shared/api/schemas/server';

/**
 * The documented base environment every server gets, before the user's own entries. We pass a
 * short, known list instead of MCP Lab's whole environment, so what a server sees is predictable
 * and our own variables (tokens included) never leak into it. The UI shows the resulting keys.
 */
export const BASE_ENV_KEYS_POSIX = [
  'HOME',
  'LOGNAME',
  'USER',
  'PATH',
  'SHELL',
  'TERM',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
  'TZ',
  'XDG_CACHE_HOME',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_RUNTIME_DIR',
];
export const BASE_ENV_KEYS_WIN32 = [
  'APPDATA',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'PATH',
  'PATHEXT',
  'PROCESSOR_ARCHITECTURE',
  'SYSTEMDRIVE',
  'SYSTEMROOT',
  'TEMP',
  'TMP',
  'USERNAME',
  'USERPROFILE',
  'PROGRAMFILES',
];

/** Set for every server: Python otherwise block-buffers stderr into a pipe, and logs arrive late. */
export const DEFAULT_SERVER_ENV: Record<string, string> = {
  PYTHONUNBUFFERED: '1',
  PYTHONIOENCODING: 'utf-8',
};

export interface EnvSource {
  /** MCP Lab's own environment (process.env). */
  processEnv: NodeJS.ProcessEnv;
  /** PATH from the user's login shell, when we were started from a launcher with a stripped PATH. */
  loginShellPath?: string;
  platform?: NodeJS.Platform;
}

export function buildServerEnv(entries: EnvEntry[], secrets: (key: string) => string | undefined, source: EnvSource) {
  const platform = source.platform ?? process.platform;
  const keys = platform === 'win32' ? BASE_ENV_KEYS_WIN32 : BASE_ENV_KEYS_POSIX;
  const env: Record<string, string> = {};
  for (const k of keys) {
    const v = source.processEnv[k];
    if (v !== undefined) env[k] = v;
  }
  if (source.loginShellPath) env.PATH = mergePath(source.loginShellPath, env.PATH, platform);
  Object.assign(env, DEFAULT_SERVER_ENV);
  for (const e of entries) {
    const v = e.secret ? (e.value ?? secrets(e.key)) : e.value;
    if (v !== undefined) env[e.key] = v;
  }
  return env;
}

function mergePath(first: string, second: string | undefined, platform: NodeJS.Platform): string {
  const sep = platform === 'win32' ? ';' : ':';
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of [...first.split(sep), ...(second ?? '').split(sep)]) {
    if (p && !seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out.join(sep);
}

/**
 * Ask the user's login shell for PATH. A desktop app started from a dock gets a minimal PATH, and
 * `spawn uv ENOENT` is the most common complaint about GUI MCP clients. Bounded: a broken shell
 * profile must not stop the app from starting.
 */
export function readLoginShellPath(timeoutMs = 3000): Promise<string | undefined> {
  if (process.platform === 'win32') return Promise.resolve(undefined);
  const shell = process.env.SHELL || '/bin/sh';
  const marker = '__MCP_LAB_PATH__';
  return new Promise((resolve) => {
    execFile(
      shell,
      ['-ilc', `printf '${marker}%s${marker}' "$PATH"`],
      { timeout: timeoutMs, env: { ...process.env, TERM: 'dumb' } },
      (_err, stdout) => {
        const m = typeof stdout === 'string' ? stdout.match(new RegExp(`${marker}(.*)${marker}`)) : null;
        resolve(m?.[1] || undefined);
      },
    );
  });
}
