// `npm start`: install and build what is missing, then open the desktop app. Where the Electron
// runtime is not available (it is fetched separately from npm), say so in one line and serve the
// same app in the browser instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, ensureInstalled } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
ensureInstalled(root);
buildIfStale(root);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : undefined;
}

const passThrough = process.argv.slice(2);
const electron = electronBinary();
let child;
if (electron && !process.env.MCP_LAB_BROWSER) {
  child = spawn(electron, [root, ...passThrough], { stdio: 'inherit' });
} else {
  console.log(
    electron
      ? 'mcp-lab: MCP_LAB_BROWSER is set: serving MCP Lab in your browser.'
      : 'mcp-lab: the Electron runtime is not installed here (`npx install-electron` fetches it); serving MCP Lab in your browser instead.',
  );
  child = spawn(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...passThrough], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
