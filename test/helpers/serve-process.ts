import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLI } from './run-cli';
import { isGone } from './processes';

export interface ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly token: string;
  readonly home: string;
  readonly workspace: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code when the process ends (never, while it keeps serving). */
  readonly exited: Promise<number | null>;
  /** Kill it if still running and remove its folders. */
  cleanup(): Promise<void>;
}

/** A real `mcp-lab serve` on a free port, with its own app data and a workspace holding `servers`. */
export async function startServeProcess(servers: unknown[], extraArgs: string[] = []): Promise<ServeProcess> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-serve-'));
  const workspace = path.join(home, 'ws');
  await mkdir(workspace, { recursive: true });
  await writeFile(path.join(workspace, 'mcp-lab.json'), JSON.stringify({ version: 1, servers }));
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', workspace, ...extraArgs], {
    env: { ...process.env, MCP_LAB_HOME: home },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Open:\s+(http:\/\/\S+)\/#token=(\S+)/.exec(out);
      if (m) resolve(`${m[1]}#${m[2]}`);
    });
    void exited.then((code) => reject(new Error(`mcp-lab serve exited (${code}) before printing its URL: ${err}`)));
  });
  const [base, token] = url.split('#') as [string, string];
  return {
    child,
    base,
    token,
    home,
    workspace,
    stdout: () => out,
    stderr: () => err,
    exited,
    cleanup: async () => {
      if (!isGone(child.pid!)) {
        child.kill('SIGKILL');
        await exited;
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}
