// Build the app when any source is newer than the last build (or there is no build yet).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src-main', 'src-renderer', 'src-shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

export function ensureInstalled(root) {
  if (existsSync(path.join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('mcp-lab: installing dependencies (first run)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error('npm install failed: see the output above');
}

export function buildIfStale(root, { force = false } = {}) {
  const stamp = path.join(root, 'out', '.build-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(root, p))));
  if (!force && built > newest) return false;
  console.log('mcp-lab: building the app…');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const r = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error('the build failed: run `npm run build` to see why');
  writeBuildStamp(root);
  return true;
}

/** Record that `out/` matches the sources now (`npm test` builds on its own and says so here). */
export function writeBuildStamp(root) {
  writeFileSync(path.join(root, 'out', '.build-stamp'), new Date().toISOString());
}
