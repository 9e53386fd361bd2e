import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLifeline, type Lifeline } from '../../../src-main/engine/servers/lifeline';
import { createProcessTable } from '../../../src-main/engine/metrics/process-table';
import { ServerProcess } from '../../../src-main/engine/servers/server-process';

let lifeline: Lifeline | undefined;
let dir: string | undefined;
afterEach(() => {
  lifeline?.dispose();
  lifeline = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * Holds the event loop the way a busy or descheduled MCP Lab does: time passes and no I/O is read.
 * It ends once `done()` holds and at least `minMs` have passed.
 */
function stallUntil(done: () => boolean, minMs: number): void {
  const start = performance.now();
  const giveUp = start + 20_000;
  while ((!done() || performance.now() - start < minMs) && performance.now() < giveUp) {
    /* the stall under test */
  }
}

describe('a process whose last stderr line arrives just after its exit', () => {
  it('keeps the line that was already in the pipe when MCP Lab could read again', async () => {
    lifeline = startLifeline();
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-lab-stderr-'));
    const written = path.join(dir, 'written');
    // The direct child exits at once; what it leaves behind writes a traceback's last line to the
    // inherited stderr a moment later, then marks that the line is in the pipe.
    const proc = await ServerProcess.spawn(
      {
        command: 'sh',
        args: ['-c', `(sleep 0.05; echo "SyntaxError: the last line" >&2; touch "${written}") & exit 3`],
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      },
      { lifeline, processTable: createProcessTable(), onStderrLine: () => {} },
    );
    // Right after MCP Lab has seen the exit (and started its short wait for the pipes), it stalls
    // past that wait while the line lands in the pipe.
    const child = (proc as unknown as { child: ChildProcess }).child;
    child.once('exit', () => stallUntil(() => existsSync(written), 300));
    const exit = await proc.exited;
    expect(exit.code).toBe(3);
    expect(proc.stderrTail()).toEqual(['SyntaxError: the last line']);
    await proc.stop();
  });
});
