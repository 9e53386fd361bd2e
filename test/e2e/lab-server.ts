import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface LabServer {
  /** The URL with `#token=…` that `mcp-lab serve` printed. */
  url: string;
  home: string;
  workspace: string;
  /** SIGTERM, wait, SIGKILL if needed; then make sure no server process it started survives. Returns the survivors it had to kill. */
  stop(): Promise<number[]>;
}

/** Children and grandchildren of `pid` (Linux /proc; elsewhere nothing is tracked). */
function descendants(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start `mcp-lab serve --port 0` with a fresh MCP_LAB_HOME (and a fresh workspace when asked). */
export async function startLab(
  options: {
    cleanWorkspace?: boolean;
    workspaceServers?: unknown[];
    /** Extra environment for `mcp-lab serve` (e.g. where other clients keep their files). */ env?: Record<string, string>;
    /** Files already in the app-data folder (name → content), as an earlier run left them. */ appData?: Record<string, string>;
    /** Extra `mcp-lab serve` options (e.g. `--health-interval-ms`). */ serveArgs?: string[];
  } = {},
): Promise<LabServer> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-e2e-'));
  for (const [name, content] of Object.entries(options.appData ?? {})) writeFileSync(path.join(home, name), content);
  const clean = options.cleanWorkspace || options.workspaceServers !== undefined;
  const workspace = clean ? path.join(home, 'clean-workspace') : path.join(home, 'workspaces', 'default');
  if (options.workspaceServers) {
    // A workspace as it comes from a repository: its mcp-lab.json written before MCP Lab ever saw it.
    mkdirSync(workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'mcp-lab.json'), JSON.stringify({ version: 1, servers: options.workspaceServers }));
  }
  const args = [
    path.join(REPO_ROOT, 'out/main/cli.js'),
    'serve',
    '--port',
    '0',
    ...(clean ? ['--workspace', workspace] : []),
    ...(options.serveArgs ?? []),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, MCP_LAB_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mcp-lab serve printed no URL within 20 s:\n${output}`)), 20_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /Open:\s+(http:\/\/\S+#token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mcp-lab serve exited early (code ${code}):\n${output}`));
    });
  });

  const stop = async (): Promise<number[]> => {
    const tracked = new Set(descendants(child.pid!));
    if (child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    // Anything it started that is still alive now was left behind: kill it, and report it.
    for (let i = 0; i < 20 && [...tracked].some(alive); i++) await sleep(100);
    const survivors = [...tracked].filter(alive);
    for (const pid of survivors) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(home, { recursive: true, force: true });
    return survivors;
  };
  return { url, home, workspace, stop };
}
