/** `--args @file` and `--args -` (stdin): arguments too long or too generated for shell quoting. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

const echo = ['--', process.execPath, fixtureScript('echo-server.ts')];
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-args-'));
  await writeFile(path.join(dir, 'args.json'), '{"a": 40, "b": 2}\n');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('--args from a file or stdin', () => {
  it('@file', async () => {
    const r = await runCli(['call', 'add', '--json', '--args', `@${path.join(dir, 'args.json')}`, ...echo]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).data.result.structuredContent).toEqual({ sum: 42 });
  });

  it('- reads stdin', async () => {
    const r = await runCli(['call', 'add', '--json', '--args', '-', ...echo], { input: '{"a": 1, "b": 2}' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).data.result.structuredContent).toEqual({ sum: 3 });
  });

  it('a missing file is a usage error that names it', async () => {
    const r = await runCli(['call', 'add', '--args', `@${path.join(dir, 'nope.json')}`, ...echo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.json: there is no such file');
  });
});
