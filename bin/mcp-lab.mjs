#!/usr/bin/env node
// The `mcp-lab` command. It runs the built CLI (out/main/cli.js); `npm start` or `npm run build` builds it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(`mcp-lab: not built yet. Run \`npm run build\` in ${root} (npm start builds it too).\n`);
  process.exit(2);
}
const { runCli } = await import(pathToFileURL(cli).href);
await runCli(process.argv);
