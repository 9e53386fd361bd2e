import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { pidAlive, waitUntil } from './process-group';

/**
 * A daemon that forks, calls setsid() and forks again leaves its server's process group and its
 * parent chain: neither the group kill nor the process tree finds it. What it keeps is the
 * environment it inherited. Every server child gets a random marker there; on Linux, /proc tells
 * us every process that still carries it.
 */
export const SERVER_MARKER_KEY = 'MCP_LAB_SERVER_TOKEN';

export function newServerMarker(): string {
  return randomBytes(16).toString('hex');
}

/** Processes (other than us) whose environment carries `marker`. Linux only; elsewhere none are found. */
export async function findMarked(marker: string): Promise<number[]> {
  if (process.platform !== 'linux') return [];
  const needle = Buffer.from(`${SERVER_MARKER_KEY}=${marker}`);
  const names = await fs.readdir('/proc').catch(() => [] as string[]);
  const found: number[] = [];
  await Promise.all(
    names.map(async (name) => {
      if (!/^\d+$/.test(name) || Number(name) === process.pid) return;
      // Unreadable (another user's process) or gone: not one we could have started and marked.
      const env = await fs.readFile(`/proc/${name}/environ`).catch(() => undefined);
      if (env && hasEntry(env, needle)) found.push(Number(name));
    }),
  );
  return found.sort((a, b) => a - b);
}

/** An exact NUL-separated entry, so one marker never matches another that merely starts with it. */
function hasEntry(env: Buffer, entry: Buffer): boolean {
  for (let i = env.indexOf(entry); i !== -1; i = env.indexOf(entry, i + 1)) {
    const startsEntry = i === 0 || env[i - 1] === 0;
    const endsEntry = i + entry.length === env.length || env[i + entry.length] === 0;
    if (startsEntry && endsEntry) return true;
  }
  return false;
}

/**
 * End every process that carries `marker`: SIGTERM, a short grace, SIGKILL. Returns the pids that
 * are still there afterwards (a process of another user, one that changed its credentials), so they
 * can be shown rather than silently left running.
 */
export async function endMarked(marker: string, graceMs = 1000): Promise<number[]> {
  const found = await findMarked(marker);
  if (!found.length) return [];
  const alive = () => found.filter((p) => pidAlive(p) && !isZombie(p));
  for (const p of found) signal(p, 'SIGTERM');
  if (!(await waitUntil(() => alive().length === 0, graceMs))) {
    for (const p of alive()) signal(p, 'SIGKILL');
    await waitUntil(() => alive().length === 0, graceMs);
  }
  return alive();
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already, or not ours to signal: what survives is reported by the caller
  }
}

/** A zombie has ended; it only waits for its (possibly foreign) parent to reap it. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
