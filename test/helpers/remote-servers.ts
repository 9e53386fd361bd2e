import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

export const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

/** A port nobody listens on right now (the OS picks it; we close it again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port (or rejects after `timeoutMs`). */
export async function waitListening(port: number, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface RunningHttpServer {
  port: number;
  url: string;
  proc: ChildProcess;
  /** SIGKILL (the process gets no chance to say goodbye, as in a crash) and wait for the exit. */
  kill(): Promise<void>;
}

/**
 * The official server-everything over HTTP: `streamableHttp` serves /mcp, `sse` serves /sse (its
 * port comes from the PORT environment variable).
 */
export async function startEverythingHttp(mode: 'streamableHttp' | 'sse', port?: number): Promise<RunningHttpServer> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, [EVERYTHING, mode], {
    env: { ...process.env, PORT: String(p) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  try {
    await Promise.race([waitListening(p), exited.then(() => Promise.reject(new Error(`server-everything ${mode} exited: ${stderr}`)))]);
  } catch (e) {
    proc.kill('SIGKILL');
    throw e;
  }
  return {
    port: p,
    url: `http://127.0.0.1:${p}/${mode === 'sse' ? 'sse' : 'mcp'}`,
    proc,
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * A self-signed certificate made here with Debian's openssl (no download): for `names` (DNS names
 * and IPs), valid for a day. Returns PEM text and the file the certificate was written to.
 */
export async function selfSignedCert(dir: string, names: string[]): Promise<{ key: string; cert: string; certFile: string }> {
  const { execFileSync } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const san = names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}
