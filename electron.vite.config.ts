import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const r = (p: string) => resolve(import.meta.dirname, p);

/**
 * Files the engine reads at run time (project templates, the Python tool reader) are not code
 * to bundle: copy them beside the bundle, where engine/base/engine-asset.ts looks for them.
 */
function copyEngineAssets(): Plugin {
  return {
    name: 'mcp-lab-engine-assets',
    writeBundle() {
      const dest = r('out/main/engine-assets');
      rmSync(dest, { recursive: true, force: true });
      for (const dir of ['templates', 'tool-builder/python']) {
        cpSync(r(`src-main/engine/${dir}`), resolve(dest, dir), {
          recursive: true,
          filter: (src) => !/__pycache__|\.pytest_cache/.test(src),
        });
      }
    },
  };
}

/**
 * One build for every shell. `main` holds every Node entry (Electron main, the engine's utility
 * process, the CLI and the example server): they share chunks and all run on plain Node except
 * the Electron main itself.
 */
export default defineConfig({
  main: {
    plugins: [copyEngineAssets()],
    build: {
      outDir: 'out/main',
      target: 'node20',
      rolldownOptions: {
        input: {
          'electron-main': r('src-main/shells/electron/main.ts'),
          'engine-host': r('src-main/shells/electron/engine-host.ts'),
          cli: r('src-main/shells/cli/main.ts'),
          'example-server': r('src-main/examples/example-server.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: r('src-main/shells/electron/preload.ts') },
        // CommonJS keeps the preload loadable with `sandbox: true` (an ESM preload needs the sandbox off).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('src-renderer'),
    plugins: [react()],
    build: {
      outDir: r('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: r('src-renderer/index.html') },
      chunkSizeWarningLimit: 16_000,
    },
    worker: { format: 'es' },
  },
});
