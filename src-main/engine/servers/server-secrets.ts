import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import { OAUTH_KEYS, headerSecretKey, storeRemoteSecrets } from '../remote/remote-secrets';
import { DAMAGED_WAY_OUT, type WorkspaceSecrets } from '../workspace/secret-store';
import type { SessionDeps } from './session-deps';

/**
 * The secret-store keys a server's config refers to. `needed`: without them it cannot run as
 * configured (secret env values and headers not written inline; the OAuth entries of a server
 * configured for OAuth); `all` adds OAuth entries a remote server may use without saying so.
 */
export function secretKeysOf(config: ServerConfig): { needed: string[]; all: string[] } {
  if (config.transport === 'stdio') {
    const keys = config.env.filter((e) => e.secret && e.value === undefined).map((e) => e.key);
    return { needed: keys, all: keys };
  }
  const headers = config.headers.filter((h) => h.secret && h.value === undefined).map((h) => headerSecretKey(h.key));
  const oauth = Object.values(OAUTH_KEYS);
  return { needed: config.oauth ? [...headers, ...oauth] : headers, all: [...headers, ...oauth] };
}

/** Secret values go to the store; the config keeps the key and the flag. */
export async function storeServerSecrets(config: ServerConfig, secrets: WorkspaceSecrets): Promise<ServerConfig> {
  if (config.transport !== 'stdio') return storeRemoteSecrets(config, secrets);
  for (const e of config.env) if (e.secret && e.value !== undefined) await secrets.set(config.id, e.key, e.value);
  await secrets.retain(
    config.id,
    config.env.filter((e) => e.secret).map((e) => e.key),
  );
  return { ...config, env: config.env.map((e) => (e.secret ? { key: e.key, secret: true } : e)) };
}

/**
 * Why a server may not start because of its secrets, in words; undefined when it may. A server
 * is never given a value that was not entered for it in this workspace: entries an earlier MCP
 * Lab saved under the id alone wait for a person's decision, and a store that cannot be read
 * gives nothing.
 */
export function secretProblem(config: ServerConfig, secrets: WorkspaceSecrets): string | undefined {
  const { needed, all } = secretKeysOf(config);
  const status = secrets.store.status;
  if (status.state === 'damaged' && needed.length) {
    return `"${config.name}" needs ${describeKeys(needed)}, and the secret store ${status.file} cannot be read: ${status.reason}. MCP Lab does not start it without its secrets, and does not write over the file. ${DAMAGED_WAY_OUT}`;
  }
  const waiting = secrets.waiting(config.id, all);
  if (waiting.length) {
    return `${describeKeys(waiting)} of "${config.name}" ${waiting.length === 1 ? 'was' : 'were'} saved by an earlier MCP Lab under the server id alone, before secrets were kept per workspace, and MCP Lab cannot tell whether ${waiting.length === 1 ? 'it belongs' : 'they belong'} to this workspace. Decide in MCP Lab (the server's page: use ${waiting.length === 1 ? 'it' : 'them'} here, or discard), or enter the value again in the server's settings.`;
  }
  return undefined;
}

/** What a session reads secrets through: this workspace's values, and the check before a start. */
export function sessionSecrets(secrets: WorkspaceSecrets): SessionDeps['secrets'] {
  return {
    get: (serverId, key) => secrets.get(serverId, key),
    set: (serverId, key, value) => secrets.set(serverId, key, value),
    startProblem: async (config) => {
      await secrets.store.refresh();
      return secretProblem(config, secrets);
    },
  };
}

/** `API_KEY`, `the Authorization header`, `the OAuth sign-in`, joined in words. */
export function describeKeys(keys: string[]): string {
  const names = [...new Set(keys.map(describeKey))];
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const plural = names.length > 1 || keys.length > 1;
  return `the secret${plural ? 's' : ''} ${list}`;
}

function describeKey(key: string): string {
  if (key.startsWith('header:')) return `${key.slice('header:'.length)} (header)`;
  if (key.startsWith('oauth:')) return 'OAuth sign-in';
  return key;
}
