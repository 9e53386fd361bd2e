/** `mcp-lab import` and `mcp-lab export`, run as a user would (the built CLI), with their exit codes. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFileFor } from '../../../src-main/engine/history/history-service';
import { tsFixture } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

let root: string;
let ws: string;
let env: Record<string, string>;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-lists-'));
  ws = path.join(root, 'ws');
  env = { MCP_LAB_HOME: path.join(root, 'home') };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function claudeFile(marker: string): Promise<string> {
  const file = path.join(root, 'claude_desktop_config.json');
  const doc = {
    mcpServers: {
      marked: { command: 'sh', args: ['-c', `touch ${marker}`], env: { GITHUB_TOKEN: 'ghp_fromfile123' } },
      fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
    },
  };
  await writeFile(file, JSON.stringify(doc, null, 2));
  return file;
}
const workspaceFile = async () =>
  JSON.parse(await readFile(path.join(ws, 'mcp-lab.json'), 'utf8')) as { servers: Array<{ id: string; command: string; env: unknown[] }> };

describe('mcp-lab import', () => {
  it('lists what it will add with the full command lines, asks, and adds nothing when the answer is no', async () => {
    const marker = path.join(root, 'ran');
    const file = await claudeFile(marker);
    const r = await runCli(['import', file, '--workspace', ws], { env, input: 'n\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`+ marked (marked)  [line 3]\n    runs: sh -c 'touch ${marker}'`);
    expect(r.stdout).toContain('! sh: runs its arguments as shell code');
    expect(r.stdout).toContain('GITHUB_TOKEN (secret)');
    expect(r.stdout).not.toContain('ghp_fromfile123');
    expect(r.stderr).toContain('Add 2 servers to');
    expect(r.stderr).toContain('Nothing runs until you review each command in MCP Lab. [y/N]');
    expect(r.stderr).toContain('nothing was imported');
    expect(existsSync(path.join(ws, 'mcp-lab.json'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('adds them on yes (or --yes), keeps secrets out of the workspace file, and never starts anything', async () => {
    const marker = path.join(root, 'ran');
    const file = await claudeFile(marker);
    const r = await runCli(['import', file, '--workspace', ws], { env, input: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added "marked" (marked): review it in MCP Lab before its first start');
    const saved = await workspaceFile();
    expect(saved.servers.map((s) => s.id)).toEqual(['marked', 'fetch']);
    expect(JSON.stringify(saved)).not.toContain('ghp_fromfile123');
    expect(saved.servers[0]!.env).toEqual([{ key: 'GITHUB_TOKEN', secret: true }]);
    expect(existsSync(marker)).toBe(false);

    // Again: both are already there, so there is nothing to do.
    const again = await runCli(['import', file, '--workspace', ws, '--yes'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('skipped: already in this workspace as "marked" (marked): same command line');
    expect(again.stderr).toContain('nothing to import');
  });

  it('exits 2 with the line and column of a malformed file, and 1 when some entries cannot be imported', async () => {
    const bad = path.join(root, 'mcp.json');
    await writeFile(bad, '{\n  "servers": {\n    "a": { "type": "stdio", "command": "x", }\n    "b": {}\n  }\n}');
    const r = await runCli(['import', bad, '--workspace', ws, '--yes'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`mcp-lab: ${bad}:4:5: not valid JSON: a "," is missing at line 4, column 5\n`);

    const partial = path.join(root, 'partial.json');
    await writeFile(partial, JSON.stringify({ mcpServers: { ok: { command: 'uvx', args: ['ok-mcp'] }, broken: { args: ['x'] } } }));
    const p = await runCli(['import', partial, '--workspace', ws, '--yes', '--json'], { env });
    expect(p.code).toBe(1);
    const out = JSON.parse(p.stdout).data as { added: Array<{ id: string }>; preview: { entries: Array<{ action: string }> } };
    expect(out.added.map((a) => a.id)).toEqual(['ok']);
    expect(out.preview.entries.map((e) => e.action)).toEqual(['add', 'invalid']);

    expect((await runCli(['import', path.join(root, 'missing.json'), '--workspace', ws], { env })).code).toBe(2);
  });
});

describe('mcp-lab export', () => {
  it('prints the workspace in each format, never a secret value, and round-trips through import', async () => {
    const file = await claudeFile(path.join(root, 'ran'));
    expect((await runCli(['import', file, '--workspace', ws, '--yes'], { env })).code).toBe(0);

    const vscode = await runCli(['export', '--format', 'vscode', '--workspace', ws], { env });
    expect(vscode.code).toBe(0);
    const doc = JSON.parse(vscode.stdout) as {
      inputs: Array<{ id: string; password: boolean }>;
      servers: Record<string, { env?: Record<string, string> }>;
    };
    expect(doc.inputs).toEqual([
      { type: 'promptString', id: 'marked-github-token', description: 'GITHUB_TOKEN for marked', password: true },
    ]);
    expect(doc.servers.marked!.env).toEqual({ GITHUB_TOKEN: '${input:marked-github-token}' });

    const out = path.join(root, 'exported', 'claude.json');
    const claude = await runCli(['export', '--format', 'claude', '--workspace', ws, '--out', out, '--server', 'fetch'], { env });
    expect(claude.code).toBe(0);
    expect(claude.stderr).toContain(`wrote 1 server to ${out}`);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } });

    // What was exported imports back into another workspace as the same server.
    const other = path.join(root, 'other');
    const back = await runCli(['import', out, '--workspace', other, '--yes', '--json'], { env });
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout).data as { preview: { entries: Array<{ commandLine: string }> } }).preview.entries[0]!.commandLine).toBe(
      'uvx mcp-server-fetch',
    );

    for (const f of ['claude', 'cursor', 'mcp-lab']) {
      const r = await runCli(['export', '--format', f, '--workspace', ws], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('ghp_fromfile123');
    }
  });

  it('exits 2 on a bad format, an unknown server, or a folder without servers', async () => {
    expect((await runCli(['export', '--format', 'zed', '--workspace', ws], { env })).code).toBe(2);
    const empty = await runCli(['export', '--format', 'claude', '--workspace', ws], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('lists no servers: nothing to export');
    await runCli(['import', await claudeFile(path.join(root, 'x')), '--workspace', ws, '--yes'], { env });
    const unknown = await runCli(['export', '--format', 'claude', '--workspace', ws, '--server', 'nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no server with id "nope"');
  });
});

describe('the CLI and the call history', () => {
  it("keeps what `mcp-lab call --workspace` sends in that workspace's history, in the app-data folder", async () => {
    const { command, args } = tsFixture('echo-server.ts');
    const file = path.join(root, 'claude.json');
    await writeFile(file, JSON.stringify({ mcpServers: { echo: { command, args } } }));
    expect((await runCli(['import', file, '--workspace', ws, '--yes'], { env })).code).toBe(0);
    const call = await runCli(['call', 'echo', '--args', '{"text": "from the terminal"}', '--workspace', ws], { env });
    expect(call.code).toBe(0);
    const lines = (await readFile(historyFileFor(env.MCP_LAB_HOME!, ws), 'utf8')).trim().split('\n');
    const entry = JSON.parse(lines.at(-1)!) as { kind: string; target: string; origin: string; params: { arguments: unknown } };
    expect(entry).toMatchObject({
      kind: 'tools.call',
      target: 'echo',
      origin: 'in-memory',
      params: { arguments: { text: 'from the terminal' } },
    });
    expect(existsSync(path.join(ws, '.mcp-lab', 'history'))).toBe(false);
  });
});
