import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * A file or folder the engine ships beside its code (templates, the Python helper). From source
 * it sits under src-main/engine/; the build copies the same tree to out/main/engine-assets/
 * (see electron.vite.config.ts), and the bundled code finds it from its own location.
 */
export function engineAsset(...parts: string[]): string {
  const here = import.meta.dirname;
  const fromSource = path.join(here, '..', ...parts);
  if (path.basename(path.dirname(here)) === 'engine' && existsSync(fromSource)) return fromSource;
  let dir = here;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'engine-assets', ...parts);
    // Packaged: other programs (python3, node) cannot read inside app.asar; the unpacked copy is beside it.
    if (existsSync(candidate)) return candidate.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    dir = path.dirname(dir);
  }
  throw new Error(`MCP Lab is missing its ${parts.join('/')} (looked beside ${here}): rebuild it with \`npm run build\` or reinstall it`);
}
