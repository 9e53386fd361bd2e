/**
 * `mcp-lab surface`: save a real server's surface, change the server (an optional parameter made
 * required), and `--check` exits 1 naming it; a compatible change exits 0; files that are not
 * snapshots are never overwritten.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsFixture } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const cli = cliWithOwnHome();
const server = tsFixture('surface-server.ts');
const serverArgs = (variant: string) => ['-e', `SURFACE_VARIANT=${variant}`, '--', server.command, ...server.args];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-surface-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('mcp-lab surface', () => {
  it('saves a surface, then --check exits 1 naming a parameter that became required, breaking changes first', async () => {
    const file = path.join(dir, 'surface.json');
    const saved = await cli.run(['surface', '--save', file, ...serverArgs('v1')]);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('written — surface-fixture 1.0.0, 1 tool, 1 resource, 0 templates, 1 prompt');
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'mcp-lab/surface',
      tools: [{ name: 'forecast', inputSchema: { required: ['city'] } }],
    });

    // Saving the same server again gives the same file: stable order, nothing run-specific.
    const again = await cli.run(['surface', '--save', file, ...serverArgs('v1')]);
    expect(again.stdout).toContain(': unchanged —');
    expect(await readFile(file, 'utf8')).toBe(text);

    const same = await cli.run(['surface', '--check', file, ...serverArgs('v1')]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no changes');

    const broken = await cli.run(['surface', '--check', file, ...serverArgs('days-required')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('1 breaking change, 0 compatible changes');
    expect(broken.stdout).toContain('Breaking\n  tool forecast  input.days: parameter became required');
    expect(broken.stderr).toContain('1 breaking change since');

    const json = await cli.run(['surface', '--json', '--check', file, ...serverArgs('days-required')]);
    expect(json.code).toBe(1);
    const envelope = JSON.parse(json.stdout);
    expect(envelope).toMatchObject({
      ok: false,
      verb: 'surface',
      exitCode: 1,
      error: { kind: 'failed' },
      data: {
        breaking: 1,
        changes: [{ severity: 'breaking', kind: 'tool', name: 'forecast', at: 'input.days', message: 'parameter became required' }],
      },
    });
    expect(envelope.error.message).toContain('input.days: parameter became required');
  });

  it('a compatible change (a tool added) exits 0 and lists it', async () => {
    const file = path.join(dir, 'compatible.json');
    expect((await cli.run(['surface', '--save', file, ...serverArgs('v1')])).code).toBe(0);
    const r = await cli.run(['surface', '--check', file, ...serverArgs('extra-tool')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 breaking changes, 1 compatible change');
    expect(r.stdout).toContain('Compatible\n  tool alerts: tool added');
  });

  it('prints the surface as JSON in the one envelope', async () => {
    const r = await cli.run(['surface', '--json', ...serverArgs('v1')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      verb: 'surface',
      exitCode: 0,
      data: { surface: { server: { name: 'surface-fixture' }, prompts: [{ name: 'brief' }] } },
    });
  });

  it('never overwrites a file that is not a surface snapshot, and says so (exit 2)', async () => {
    const file = path.join(dir, 'notes.json');
    await writeFile(file, '{"mine": true}\n');
    // A server that starts fine: only the check keeps the file as it was.
    const r = await cli.run(['surface', '--save', file, ...serverArgs('v1')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a surface snapshot');
    expect(r.stderr).toContain('does not overwrite it');
    expect(await readFile(file, 'utf8')).toBe('{"mine": true}\n');

    const missing = await cli.run(['surface', '--check', path.join(dir, 'nope.json'), '--', '/nonexistent/server']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
  });

  it('a server that does not start exits 3', async () => {
    const r = await cli.run(['surface', '--', '/nonexistent/server']);
    expect(r.code).toBe(3);
  });
});
