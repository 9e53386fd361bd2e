/**
 * The request verbs of `mcp-lab` (resources, templates, read, prompts, prompt, complete, ping),
 * run as a user would, against the resource fixture server.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const server = ['--', process.execPath, fixtureScript('resource-server.ts')];
/** Every run gets its own app-data folder: downloads land there, not in the user's. */
const cli = cliWithOwnHome();
const runCli = cli.run;

describe('mcp-lab resources / templates', () => {
  it('lists every page of resources, for people and as JSON', async () => {
    const r = await runCli(['resources', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('resource-fixture 1.0.0 — 25 resources');
    expect(r.stdout).toContain('item://25  item-25  (text/plain)');
    const j = await runCli(['resources', '--json', ...server]);
    const o = JSON.parse(j.stdout).data;
    expect(o).toMatchObject({ status: 'ok', method: 'resources/list', result: { pages: 3 } });
    expect(o.result.resources).toHaveLength(25);
  });

  it('lists resource templates', async () => {
    const r = await runCli(['templates', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 resource templates');
    expect(r.stdout).toContain('big://blob/{bytes}  big-blob  (application/octet-stream)');
  });

  it('lists the resources of the official everything server', async () => {
    const everything = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
    const r = await runCli(['resources', '--', process.execPath, everything, 'stdio']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('demo://resource/static/document/features.md  features.md  (text/markdown)');
  });
});

describe('mcp-lab read', () => {
  it('prints a text resource', async () => {
    expect(await runCli(['read', 'item://7', ...server])).toMatchObject({ code: 0, stdout: 'item 7\n' });
  });

  it('summarizes a blob in one line, and writes it with --out', async () => {
    const summary = await runCli(['read', 'big://blob/300', ...server]);
    expect(summary).toMatchObject({
      code: 0,
      stdout: '[blob application/octet-stream, 300 bytes] big://blob/300 — use --out <file> to save it\n',
    });
    const file = path.join(cli.home, 'small.bin');
    const written = await runCli(['read', 'big://blob/300', '--out', file, ...server]);
    expect(written).toMatchObject({ code: 0, stdout: `wrote 300 bytes (application/octet-stream) to ${file}\n` });
    expect([...(await readFile(file)).subarray(250, 253)]).toEqual([250, 0, 1]);
  });

  it('writes a large blob the engine saved (over 4 MiB of base64) to --out', async () => {
    const file = path.join(cli.home, 'big.bin');
    const r = await runCli(['read', 'big://blob/6000000', '--out', file, ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote 6000000 bytes');
    expect((await stat(file)).size).toBe(6_000_000);
  });

  it('with --json, points at the saved file in the downloads folder, which outlives the command', async () => {
    const r = await runCli(['read', 'big://blob/6000000', '--json', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(2000);
    const c = JSON.parse(r.stdout).data.result.contents[0];
    expect(c).toMatchObject({ kind: 'blob', bytes: 6_000_000 });
    expect(path.dirname(c.savedTo)).toBe(path.join(cli.home, 'downloads'));
    expect((await stat(c.savedTo)).size).toBe(6_000_000);
  });

  it('exits 4 with a one-line reason for an unknown resource', async () => {
    const r = await runCli(['read', 'nope://x', ...server]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('mcp-lab: protocol error -32002 from resources/read: Resource not found: nope://x\n');
    expect(r.stdout).toBe('');
  });

  it('exits 5 when the server does not answer in time', async () => {
    const r = await runCli(['read', 'hang://forever', '--timeout-ms', '300', ...server]);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('mcp-lab: resources/read did not answer within 300 ms (use --timeout-ms to wait longer)\n');
  });
});

describe('mcp-lab prompts / prompt', () => {
  it('lists prompts with their arguments', async () => {
    const r = await runCli(['prompts', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 prompt\n');
    expect(r.stdout).toContain('greet(name)\n    Greets someone by name.');
  });

  it('prints the messages of a prompt, role by role', async () => {
    const r = await runCli(['prompt', 'greet', '--args', '{"name":"Ada"}', ...server]);
    expect(r).toMatchObject({ code: 0, stdout: 'greet prompt\n\n[user]\nPlease greet Ada.\n\n[assistant]\nHello, Ada!\n' });
  });

  it('exits 4 for an unknown prompt and 2 for arguments that are not strings', async () => {
    const unknown = await runCli(['prompt', 'nope', ...server]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toBe('mcp-lab: protocol error -32602 from prompts/get: Unknown prompt: nope\n');
    const bad = await runCli(['prompt', 'greet', '--args', '{"name":1}', ...server]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--args values must be strings');
  });
});

describe('mcp-lab complete / ping', () => {
  it('prints completions of a prompt argument and of a template variable', async () => {
    expect(await runCli(['complete', '--prompt', 'greet', '--arg', 'name', '--value', 'A', ...server])).toMatchObject({
      code: 0,
      stdout: 'Ada\nAlan\n',
    });
    const sizes = await runCli([
      'complete',
      '--resource',
      'big://blob/{bytes}',
      '--arg',
      'bytes',
      '--value',
      '',
      '--context',
      '{}',
      ...server,
    ]);
    expect(sizes).toMatchObject({ code: 0, stdout: '1024\n1048576\n2048\n' });
  });

  it('says on stderr that a server suggested nothing, leaving stdout empty (TypeScript fastmcp)', async () => {
    const fastmcp = ['--', process.execPath, fixtureScript('ts-fastmcp-server.ts')];
    const r = await runCli(['complete', '--prompt', 'summarize', '--arg', 'title', '--value', 'x', ...fastmcp]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'mcp-lab: no completions: the server suggested nothing for title = "x"\n' });
  });

  it('needs exactly one of --prompt and --resource', async () => {
    const none = await runCli(['complete', '--arg', 'x', '--value', 'y', ...server]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give exactly one of --prompt');
  });

  it('pings a server and prints the round trip', async () => {
    const r = await runCli(['ping', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pong from resource-fixture in \d+(\.\d)? ms\n$/);
  });
});
