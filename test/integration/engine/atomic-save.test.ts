import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';

describe('saving when the process dies mid-save', () => {
  it('always leaves the whole old or the whole new content, however often it is killed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-save-'));
    const file = path.join(dir, 'mcp-lab.json');
    const a = 'A'.repeat(2 * 1024 * 1024);
    const b = 'B'.repeat(2 * 1024 * 1024) + 'end';
    try {
      for (let round = 0; round < 25; round++) {
        const child = spawn(process.execPath, ['--import', TSX_IMPORT, path.join(REPO_ROOT, 'test/fixtures/save-loop.ts'), file], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
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
    }
  });
});
