import { spawn } from 'node:child_process';
import { LineSplitter } from '../base/line-splitter';

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Every line, for error analysis (the job keeps only a tail). */
  lines: string[];
  spawnError?: string;
}

/**
 * Run one setup command to the end, feeding its output line by line (stdout and stderr
 * interleaved, as a terminal would show them). Never throws: a spawn failure is a result too.
 */
export function runStep(
  command: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; onLine: (line: string) => void; signal?: AbortSignal; timeoutMs?: number },
): Promise<StepRun> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    const push = (l: string) => {
      const line = l.replace(/\r$/, '');
      if (!line.trim()) return;
      lines.push(line);
      if (lines.length > 5000) lines.splice(0, lines.length - 5000);
      o.onLine(line);
    };
    let child;
    try {
      child = spawn(command, args, {
        cwd: o.cwd,
        env: o.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        detached: process.platform !== 'win32',
      });
    } catch (e) {
      resolve({ code: null, signal: null, lines, spawnError: (e as Error).message });
      return;
    }
    const long = (head: string, chars: number) => push(`${head}… (${chars} characters)`);
    const out = new LineSplitter(64 * 1024, push, long);
    const err = new LineSplitter(64 * 1024, push, long);
    child.stdout.on('data', (d: Buffer) => out.push(d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => err.push(d.toString('utf8')));
    const kill = () => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = o.timeoutMs ? setTimeout(kill, o.timeoutMs) : undefined;
    o.signal?.addEventListener('abort', kill, { once: true });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, lines, spawnError: e.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.end();
      err.end();
      resolve({ code, signal, lines });
    });
  });
}
