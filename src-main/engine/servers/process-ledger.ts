import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../workspace/atomic-file';
import { endMarked, findMarked } from './escaped-processes';
import type { Lifeline } from './lifeline';
import { groupAlive, signalGroup, waitUntil } from './process-group';

interface LedgerEntry {
  pgid: number;
  /** The group leader's start time (clock ticks after boot, from /proc): tells our process from a recycled pid. */
  startTicks: string | null;
  label: string;
  since: number;
  /** The environment marker the server's processes carry: finds its daemons after the group is gone. */
  marker?: string;
}

interface LedgerFile {
  enginePid: number;
  groups: LedgerEntry[];
}

export interface StaleProcessReport {
  pgid: number;
  label: string;
  /** What we did: stopped it, or left it because its identity could not be checked. */
  action: 'stopped' | 'left alone';
  /** Processes it had left outside its group (daemons) that we ended too. */
  daemonsStopped?: number;
  /** Such processes that could not be ended. */
  survivors?: number[];
}

/**
 * A file per running engine (`<app data>/running/<pid>.json`) listing the process groups of its
 * servers. The lifeline already kills them if the engine dies; the ledger covers the rarer case
 * where the lifeline died too (a machine-wide kill, a crash of both): the next engine finds the
 * file of a dead engine, stops what is still running, and says so.
 */
export class ProcessLedger {
  private readonly file: string;
  private readonly groups = new Map<number, LedgerEntry>();
  private writing: Promise<void> = Promise.resolve();

  constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'running', `${process.pid}.json`);
  }

  /** A lifeline that also keeps this ledger. */
  wrap(inner: Lifeline): Lifeline {
    return {
      pid: inner.pid,
      add: (pgid, label, marker) => {
        inner.add(pgid, label, marker);
        this.groups.set(pgid, { pgid, startTicks: startTicks(pgid), label: label ?? '', since: Date.now(), ...(marker ? { marker } : {}) });
        this.persist();
      },
      remove: (pgid) => {
        inner.remove(pgid);
        if (this.groups.delete(pgid)) this.persist();
      },
      dispose: () => {
        inner.dispose();
        this.writing = this.writing.then(() => fs.rm(this.file, { force: true }));
      },
    };
  }

  /** Resolves when the latest change is on disk (tests, shutdown). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private persist(): void {
    const body: LedgerFile = { enginePid: process.pid, groups: [...this.groups.values()] };
    this.writing = this.writing.then(() => writeFileAtomically(this.file, JSON.stringify(body)).catch(() => {}));
  }

  /** Stop what dead engines left running; report every group found. Never touches a live engine's servers. */
  static async reapStale(appDataDir: string): Promise<StaleProcessReport[]> {
    const dir = path.join(appDataDir, 'running');
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const reports: StaleProcessReport[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      let ledger: LedgerFile;
      try {
        ledger = JSON.parse(await fs.readFile(file, 'utf8')) as LedgerFile;
      } catch {
        await fs.rm(file, { force: true });
        continue;
      }
      if (ledger.enginePid === process.pid || pidAlive(ledger.enginePid)) continue;
      for (const g of ledger.groups) {
        // The lifeline may have ended the group while its daemons live on: they carry the marker.
        const daemons = async (): Promise<Pick<StaleProcessReport, 'daemonsStopped' | 'survivors'>> => {
          if (!g.marker) return {};
          const before = (await findMarked(g.marker)).length;
          const survivors = await endMarked(g.marker);
          return {
            ...(before - survivors.length ? { daemonsStopped: before - survivors.length } : {}),
            ...(survivors.length ? { survivors } : {}),
          };
        };
        if (!groupAlive(g.pgid)) {
          const d = await daemons();
          if (d.daemonsStopped || d.survivors) reports.push({ pgid: g.pgid, label: g.label, action: 'stopped', ...d });
          continue;
        }
        const now = startTicks(g.pgid);
        // Only a group whose leader is the very process we started may be killed.
        if (g.startTicks === null || now !== g.startTicks) {
          reports.push({ pgid: g.pgid, label: g.label, action: 'left alone' });
          continue;
        }
        signalGroup(g.pgid, 'SIGTERM');
        if (!(await waitUntil(() => !groupAlive(g.pgid), 1000))) signalGroup(g.pgid, 'SIGKILL');
        reports.push({ pgid: g.pgid, label: g.label, action: 'stopped', ...(await daemons()) });
      }
      await fs.rm(file, { force: true });
    }
    return reports;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (Linux); null where it cannot be read. */
function startTicks(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** One sentence for people: what was found from an earlier run and what was done. */
export function describeStaleProcesses(stale: StaleProcessReport[]): string {
  const stopped = stale.filter((s) => s.action === 'stopped');
  const left = stale.filter((s) => s.action === 'left alone');
  const daemons = (s: StaleProcessReport) =>
    s.daemonsStopped ? `, with ${s.daemonsStopped} daemon${s.daemonsStopped === 1 ? '' : 's'} it had detached` : '';
  const names = (xs: StaleProcessReport[]) => xs.map((s) => `${s.label || 'a server'} (process group ${s.pgid}${daemons(s)})`).join(', ');
  const survivors = stale.flatMap((s) => (s.survivors ?? []).map((pid) => `${pid} (${s.label || 'a server'})`));
  return [
    stopped.length
      ? `Stopped ${stopped.length} server process group${stopped.length === 1 ? '' : 's'} left running by an earlier MCP Lab run: ${names(stopped)}.`
      : '',
    left.length ? `Found ${names(left)} from an earlier run but could not confirm it is ours, so left it running: check it with ps.` : '',
    survivors.length
      ? `Could not end process${survivors.length === 1 ? '' : 'es'} ${survivors.join(', ')} left by an earlier run: end ${survivors.length === 1 ? 'it' : 'them'} with kill.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}
