import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { childrenOf, eventually } from '../../helpers/processes';
import { runCli } from '../../helpers/run-cli';

// The README's "Exit codes" table, verb by verb.
const tsServer = (file: string) => ['--', process.execPath, fixtureScript(file)];
const echo = tsServer('echo-server.ts');
const missing = ['--', '/nonexistent/mcp-server-for-exit-codes'];

/** Each verb that starts a server, with the arguments it needs before `--`. */
const SERVER_VERBS: string[][] = [
  ['tools'],
  ['call', 'add'],
  ['bench', 'add', '-n', '1'],
  ['resources'],
  ['templates'],
  ['read', 'x://y'],
  ['prompts'],
  ['prompt', 'p'],
  ['complete', '--prompt', 'p', '--arg', 'a', '--value', ''],
  ['ping'],
  ['fuzz', 'add'],
  ['lint'],
  ['surface'],
];
const OTHER_VERBS: string[][] = [
  ['test'],
  ['import', 'x.json'],
  ['export', '--format', 'claude'],
  ['new', 'fastmcp', 'x'],
  ['setup', 'fastmcp', 'x'],
  ['serve'],
];

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-exit-'));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('exit code 2: usage errors', () => {
  it.each([...SERVER_VERBS, ...OTHER_VERBS])('%s with an unknown option', async (...verb) => {
    const r = await runCli([...verb, '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
  });

  it.each([
    [['call', 'add', '--timeout-ms', 'abc', ...echo], 'must be a whole number'],
    [['call', 'add', '--timeout-ms', '-5', ...echo], 'must be a whole number'],
    [['call', 'add', '--timeout-ms', '0', ...echo], 'above 0'],
    [['call'], "missing required argument 'tool'"],
    [['tools', '--protocol', '1999', ...echo], 'Allowed choices'],
    [['export'], "required option '-f, --format <format>'"],
    [['call', 'add', '--args', '{bad', ...echo], '--args is not valid JSON'],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    noStack(r.stderr);
  });

  it('bench of a tool the server does not have names the tools it has, without a stack', async () => {
    const r = await runCli(['bench', 'nope', '-n', '2', ...echo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the server has no tool "nope" (tools: echo, add');
    noStack(r.stderr);
  });
});

describe('exit code 3: the server could not start or be reached', () => {
  it.each(SERVER_VERBS)('%s', async (...verb) => {
    const r = await runCli([...verb, ...missing]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('server did not start');
    noStack(r.stderr);
  });

  it('a URL where nothing listens', async () => {
    const r = await runCli(['ping', '--url', 'http://127.0.0.1:9/mcp']);
    expect(r.code).toBe(3);
  });
});

describe('exit code 1: what was checked failed', () => {
  it('a tool error', async () => {
    const r = await runCli(['call', 'fail', ...echo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tool error from fail');
  });
});

describe('exit code 130: Ctrl+C', () => {
  /** Send SIGINT once `ready` holds for the running CLI, and return the run. */
  async function interruptWhen(args: string[], ready: (pid: number) => boolean) {
    let pid = 0;
    const run = runCli(args, { onStart: (p) => (pid = p) });
    expect(await eventually(() => pid > 0 && ready(pid), 30_000)).toBe(true);
    process.kill(pid, 'SIGINT');
    return run;
  }
  const runsFixture = (pid: number, file: string): boolean => {
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop()!;
      for (const c of childrenOf(p)) {
        try {
          if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes(file)) return true;
        } catch {
          // gone
        }
        stack.push(c);
      }
    }
    return false;
  };

  it('during the handshake: 130 at once, not the handshake timeout', async () => {
    const r = await interruptWhen(['tools', '--handshake-timeout-ms', '600000', ...tsServer('silent.ts')], (pid) =>
      runsFixture(pid, 'silent.mjs'),
    );
    expect(r, r.stderr).toMatchObject({ code: 130 });
    expect(r.stderr).toContain('interrupted (Ctrl+C)');
    expect(r.stderr).not.toContain('did not answer');
    noStack(r.stderr);
  });

  // Both follow their run on the contract's progress stream and stop it through the contract.
  it('during a test run: the run is stopped', async () => {
    const mark = path.join(tmp, 'test-mark');
    const suite = path.join(tmp, 'wait.test.json');
    const server = { command: process.execPath, args: [fixtureScript('call-marker.ts')], env: { MARK_FILE: mark } };
    writeFileSync(suite, JSON.stringify({ server, timeoutMs: 600_000, cases: [{ name: 'waits', tool: 'wait' }] }));
    const r = await interruptWhen(['test', suite], () => existsSync(mark));
    expect(r, r.stderr).toMatchObject({ code: 130 });
    noStack(r.stderr);
  });

  it('during fuzz: the run is stopped', async () => {
    const mark = path.join(tmp, 'fuzz-mark');
    const r = await interruptWhen(
      ['fuzz', 'wait', '--timeout-ms', '120000', '--env', `MARK_FILE=${mark}`, ...tsServer('call-marker.ts')],
      () => existsSync(mark),
    );
    expect(r, r.stderr).toMatchObject({ code: 130 });
    noStack(r.stderr);
  });

  it('during bench', async () => {
    const mark = path.join(tmp, 'bench-mark');
    const r = await interruptWhen(
      ['bench', 'wait', '-c', '1', '-d', '600', '--timeout-ms', '600000', '--env', `MARK_FILE=${mark}`, ...tsServer('call-marker.ts')],
      () => existsSync(mark),
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted (Ctrl+C)');
    noStack(r.stderr);
  });
});
