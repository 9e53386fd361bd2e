import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const r = (p: string) => resolve(import.meta.dirname, p);

/**
 * One build for every shell. `main` holds every Node entry (Electron main, the engine's utility
 * process, the CLI and the example server): they share chunks and all run on plain Node except
 * the Electron main itself.
 */
export default defineConfig({
  main: {
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
