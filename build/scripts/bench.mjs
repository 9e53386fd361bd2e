// `npm run bench`: build what is stale, then run the benchmark table (test/bench/run-all.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale, ensureInstalled } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
ensureInstalled(root);
buildIfStale(root);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx', { paths: [root] })).href;
const r = spawnSync(process.execPath, ['--expose-gc', '--import', tsx, path.join(root, 'test', 'bench', 'run-all.ts')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
