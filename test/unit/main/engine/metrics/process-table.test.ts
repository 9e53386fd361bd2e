import { describe, expect, it } from 'vitest';
import { fromAuxv, parseProcStat } from '../../../../../src-main/engine/metrics/process-table';

/** A /proc/<pid>/stat line: fields 3.. after the command name, rss (field 24) and times (14, 15) set. */
function statLine(pid: number, comm: string, o: { ppid: number; pgid: number; utime: number; stime: number; rssPages: number }): string {
  const fields = [
    'S',
    o.ppid,
    o.pgid,
    o.pgid,
    0,
    -1,
    4194560,
    100,
    0,
    0,
    0,
    o.utime,
    o.stime,
    0,
    0,
    20,
    0,
    1,
    0,
    12345,
    1000000,
    o.rssPages,
    'rest',
    'of',
    'fields',
  ];
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
}

describe('parseProcStat', () => {
  it('reads pid, parent, group, CPU time and memory', () => {
    const s = parseProcStat(statLine(4321, 'node', { ppid: 1, pgid: 4321, utime: 150, stime: 50, rssPages: 2560 }), 4096, 100);
    expect(s).toEqual({ pid: 4321, ppid: 1, pgid: 4321, cpuMs: 2000, rssBytes: 2560 * 4096 });
  });

  it('survives a command name with spaces and parentheses', () => {
    const comm = 'my (weird) server) S 9 9';
    const s = parseProcStat(statLine(77, comm, { ppid: 12, pgid: 70, utime: 3, stime: 1, rssPages: 10 }), 4096, 100);
    expect(s).toEqual({ pid: 77, ppid: 12, pgid: 70, cpuMs: 40, rssBytes: 40960 });
  });

  it('uses the clock tick rate it is given', () => {
    const s = parseProcStat(statLine(5, 'x', { ppid: 1, pgid: 5, utime: 250, stime: 250, rssPages: 1 }), 16384, 250);
    expect(s).toMatchObject({ cpuMs: 2000, rssBytes: 16384 });
  });

  it('rejects text that is not a stat line', () => {
    expect(parseProcStat('', 4096, 100)).toBeUndefined();
    expect(parseProcStat('garbage without parens', 4096, 100)).toBeUndefined();
  });
});

describe('fromAuxv', () => {
  const auxv = (pairs: [number, number][]) => {
    const b = Buffer.alloc(pairs.length * 16);
    pairs.forEach(([t, v], i) => {
      b.writeBigUInt64LE(BigInt(t), i * 16);
      b.writeBigUInt64LE(BigInt(v), i * 16 + 8);
    });
    return b;
  };

  it.runIf(process.arch === 'x64' || process.arch === 'arm64')('reads the page size and clock ticks from the auxiliary vector', () => {
    expect(
      fromAuxv(
        auxv([
          [33, 1],
          [6, 16384],
          [17, 100],
          [0, 0],
        ]),
      ),
    ).toEqual({ pageSize: 16384, ticksPerSec: 100 });
  });

  it.runIf(process.arch === 'x64' || process.arch === 'arm64')(
    'gives up (so getconf answers) when an entry is missing or the file cannot be read',
    () => {
      expect(
        fromAuxv(
          auxv([
            [6, 4096],
            [0, 0],
            [17, 100],
          ]),
        ),
      ).toBeUndefined();
      expect(fromAuxv(null)).toBeUndefined();
    },
  );

  it.runIf(process.platform === 'linux')("agrees with this machine's getconf", async () => {
    const { execFileSync } = await import('node:child_process');
    const known = fromAuxv();
    expect(known).toEqual({
      pageSize: Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' })),
      ticksPerSec: Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })),
    });
  });
});
