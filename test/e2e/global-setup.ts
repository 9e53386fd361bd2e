import { existsSync } from 'node:fs';
import path from 'node:path';

/** Fail early and clearly when the app is not built (the tests run the built CLI and UI). */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  for (const f of ['out/main/cli.js', 'out/main/example-server.js', 'out/renderer/index.html']) {
    if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npx electron-vite build\` before \`npx playwright test\``);
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
}
