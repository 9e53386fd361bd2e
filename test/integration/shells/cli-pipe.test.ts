/** A reader that goes away early (`mcp-lab … | head -1`) does not change the exit code. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, fixtureScript } from '../../helpers/fixtures';
import { CLI } from '../../helpers/run-cli';

const echo = ['--', process.execPath, fixtureScript('echo-server.ts')];

/** Run mcp-lab with its stdout a real pipe whose reading end we close before anything is written. */
function runWithClosedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a closed pipe keeps the verdict', () => {
  it('fuzz with findings still exits 1', async () => {
    const r = await runWithClosedReader(['fuzz', 'hang', '--runs', '2', '--timeout-ms', '300', '--seed', '3', '--no-shrink', ...echo]);
    expect(r.code, r.stderr).toBe(1);
  });

  it('a tool error still exits 1, and --json keeps its code too', async () => {
    expect((await runWithClosedReader(['call', 'fail', ...echo])).code).toBe(1);
    expect((await runWithClosedReader(['call', 'fail', '--json', ...echo])).code).toBe(1);
  });
});
