import { readFileSync, readdirSync } from 'node:fs';

/** The state letter of a process from /proc (R, S, Z, …), or undefined when there is no such process. */
export function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Gone for a user's purposes: no such process, or a zombie waiting for its (possibly foreign) parent to reap it. */
export function isGone(pid: number): boolean {
  const s = procState(pid);
  return s === undefined || s === 'Z';
}

export async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (isGone(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return isGone(pid);
}

/** Direct children of a process (Linux: every thread's children list). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      for (const p of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (Number(p) > 0) out.push(Number(p));
    } catch {
      // thread gone
    }
  }
  return out;
}

/** Wait until `cond` holds, polling; returns whether it did within the time. */
export async function eventually(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return cond();
}
