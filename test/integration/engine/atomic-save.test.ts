import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';

describe('saving when the process dies mid-save', () => {
  it('always leaves the whole old or the whole new content, however often it is killed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-save-'));
    const file = path.join(dir, 'mcp-lab.json');
    const a = 'A'.repeat(2 * 1024 * 1024);
    const b = 'B'.repeat(2 * 1024 * 1024) + 'end';
    // The saver bundled afresh for this run (the writer's current source), its packages left to node: each round
    // starts a plain node, not the TypeScript loader, so 25 rounds stay short on a busy machine. It sits in the
    // repository so that node finds those packages.
    const saver = path.join(REPO_ROOT, '.cache', 'test-scripts', `save-loop-${process.pid}.mjs`);
    buildSync({
      entryPoints: [path.join(REPO_ROOT, 'test/fixtures/save-loop.ts')],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      outfile: saver,
    });
    try {
      for (let round = 0; round < 25; round++) {
        const child = spawn(process.execPath, [saver, file], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise<void>((resolve, reject) => {
          child.stdout.once('data', () => resolve());
          child.once('exit', (code) => reject(new Error(`round ${round}: the saver exited (${code}) before its first save`)));
        });
        // Kill at a random moment while it saves.
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const content = await readFile(file, 'utf8');
        expect(content === a || content === b, `round ${round}: a torn file of ${content.length} characters`).toBe(true);
      }
      // Temporary files of interrupted saves may be left next to it, but never in its place.
      const names = await readdir(dir);
      expect(names).toContain('mcp-lab.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(saver, { force: true });
    }
  });
});
