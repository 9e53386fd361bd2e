import { existsSync } from 'node:fs';
import path from 'node:path';
import { readTextIfExists } from './atomic-file';
import { type SecretData, type SecretValues, emptySecretData } from './secret-file';
import { workspaceKey } from './workspace-key';

/**
 * Decide where the entries of an older store (filed under a server id alone) belong. An entry
 * goes to a workspace only when the app data leaves no doubt: exactly one workspace this machine
 * knows of (recently opened, or with approved commands) lists a server with that id, and a person
 * approved that server there (adding or editing a server in MCP Lab approves it, so the workspace
 * where the secret was typed has that record). Everything else is set aside until a person
 * decides: a cloned repository that reuses the id must never receive it.
 */
export async function attributeLegacySecrets(values: SecretValues, appDataDir: string): Promise<SecretData> {
  const out = emptySecretData();
  if (Object.keys(values).length === 0) return out;
  const known = await knownWorkspaces(appDataDir);
  for (const [serverId, keys] of Object.entries(values)) {
    const holders = known.filter((w) => w.serverIds === 'unknown' || w.serverIds.has(serverId));
    const only = holders.length === 1 ? holders[0]! : undefined;
    if (only && only.approved.has(serverId)) (out.workspaces[only.key] ??= {})[serverId] = { ...keys };
    else out.setAside[serverId] = { ...keys };
  }
  return out;
}

interface KnownWorkspace {
  key: string;
  /** The server ids its mcp-lab.json lists now; 'unknown' when the file cannot be read (it may list any). */
  serverIds: Set<string> | 'unknown';
  /** Server ids a person approved to run in it. */
  approved: Set<string>;
}

async function knownWorkspaces(appDataDir: string): Promise<KnownWorkspace[]> {
  const approvals = readObject(await readTextIfExists(path.join(appDataDir, 'consent.json')).catch(() => undefined)) ?? {};
  const recent = readObject(await readTextIfExists(path.join(appDataDir, 'recent-workspaces.json')).catch(() => undefined));
  const dirs = new Set<string>(Object.keys(approvals));
  if (Array.isArray(recent?.recent))
    for (const r of recent.recent as unknown[]) if (typeof (r as { dir?: unknown })?.dir === 'string') dirs.add((r as { dir: string }).dir);

  const byKey = new Map<string, KnownWorkspace>();
  for (const dir of dirs) {
    if (!path.isAbsolute(dir) || !existsSync(dir)) continue;
    const key = await workspaceKey(dir);
    const w = byKey.get(key) ?? { key, serverIds: await listedServerIds(dir), approved: new Set<string>() };
    const mine = approvals[dir];
    if (mine && typeof mine === 'object') for (const id of Object.keys(mine)) w.approved.add(id);
    byKey.set(key, w);
  }
  return [...byKey.values()];
}

async function listedServerIds(dir: string): Promise<Set<string> | 'unknown'> {
  const text = await readTextIfExists(path.join(dir, 'mcp-lab.json')).catch(() => 'unreadable');
  if (text === undefined) return new Set();
  const servers = readObject(text)?.servers;
  if (!Array.isArray(servers)) return 'unknown';
  return new Set(servers.map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string'));
}

function readObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
