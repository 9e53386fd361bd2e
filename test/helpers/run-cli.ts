import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT } from './fixtures';

export const CLI = path.join(REPO_ROOT, 'bin', 'mcp-lab.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `mcp-lab` command (bin → built out/main/cli.js), as a user would. */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    onStart?: (pid: number) => void;
    /** Typed on stdin, then stdin is closed. */ input?: string;
  } = {},
): Promise<CliRun> {
  if (!existsSync(path.join(REPO_ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error('the app is not built: run `npm run build` (npm test does it first)');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mcp-lab ${args.join(' ')} did not finish in time; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    options.onStart?.(child.pid!);
    if (options.input !== undefined) child.stdin.end(options.input);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface CliWithHome {
  run(args: string[], env?: Record<string, string>): Promise<CliRun>;
  /** The app-data folder of this test file's runs (set once its beforeAll has run). */
  readonly home: string;
}

/** `runCli` with an app-data folder of its own for the calling test file: downloads and history land there, never in the user's. */
export function cliWithOwnHome(): CliWithHome {
  let home = '';
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-home-'));
  });
  afterAll(async () => {
    if (home) await rm(home, { recursive: true, force: true });
  });
  return {
    run: (args, env = {}) => runCli(args, { env: { MCP_LAB_HOME: home, ...env } }),
    get home() {
      return home;
    },
  };
}
