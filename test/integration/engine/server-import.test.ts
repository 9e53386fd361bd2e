/**
 * Import and export of server lists through the engine: a preview that says what would happen,
 * an import that adds servers nobody approved yet, and a command that does not run before a
 * person has seen the whole command line and agreed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { FIXTURES, TSX_IMPORT } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-import-'));
  dirs.push(d);
  return d;
}

/** A Claude Desktop file whose server leaves a mark on disk the moment it runs. */
function claudeFile(marker: string) {
  const echo = path.join(FIXTURES, 'echo-server.ts');
  return {
    mcpServers: {
      'Echo (marked)': {
        command: 'sh',
        args: ['-c', `touch "$MARKER" && exec "${process.execPath}" --import ${TSX_IMPORT} "${echo}"`],
        env: { MARKER: marker, SERVICE_TOKEN: 'tok-from-claude-file' },
      },
      weather: { command: 'uvx', args: ['weather-mcp'], env: { API_KEY: '${input:weather-key}' } },
    },
  };
}

describe('importing a server list', () => {
  it('never runs an imported command before a person has seen the full command line and agreed', async () => {
    const dir = await tmp();
    const marker = path.join(dir, 'it-ran');
    h = await startHarness({ requireConsent: true });
    const preview = await h.api.call('servers.importPreview', {
      text: JSON.stringify(claudeFile(marker)),
      fileName: 'claude_desktop_config.json',
    });
    expect(preview.format).toBe('claude');
    const echo = preview.entries[0]!;
    expect(echo).toMatchObject({ action: 'add', id: 'echo-marked', name: 'Echo (marked)' });
    // The whole command line, and what in it deserves a second look, before anything else.
    expect(echo.commandLine).toBe(
      `sh -c 'touch "$MARKER" && exec "${process.execPath}" --import ${TSX_IMPORT} "${path.join(FIXTURES, 'echo-server.ts')}"'`,
    );
    expect(echo.warnings[0]).toBe('sh: runs its arguments as shell code');
    // The token from the file is kept as a secret and never shown.
    expect(echo.env).toEqual([
      { key: 'MARKER', secret: false, value: marker },
      { key: 'SERVICE_TOKEN', secret: true },
    ]);
    expect(JSON.stringify(preview)).not.toContain('tok-from-claude-file');

    const result = await h.api.call('servers.import', { previewId: preview.previewId, entries: [{ key: 'Echo (marked)' }] });
    expect(result).toEqual({ added: [{ key: 'Echo (marked)', id: 'echo-marked', name: 'Echo (marked)' }], skipped: [] });
    expect(existsSync(marker)).toBe(false);

    const [summary] = await h.api.call('servers.list', {});
    expect(summary!.status.state).toBe('stopped');
    expect(summary!.consent).toBeDefined();
    const refused = await h.api.call('servers.start', { serverId: 'echo-marked' }).catch((e: ApiError) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'ConsentRequired', details: { fingerprint: summary!.consent!.fingerprint } });
    await expect(h.api.call('servers.restart', { serverId: 'echo-marked' })).rejects.toMatchObject({ code: 'ConsentRequired' });
    expect(existsSync(marker)).toBe(false);

    await h.api.call('servers.approve', { serverId: 'echo-marked', fingerprint: summary!.consent!.fingerprint });
    const started = await h.api.call('servers.start', { serverId: 'echo-marked' });
    expect(started.status.state).toBe('ready');
    expect(existsSync(marker)).toBe(true);

    // The secret went to the secret store: the workspace file (meant for git) does not hold it.
    const file = await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8');
    expect(file).not.toContain('tok-from-claude-file');
    expect(JSON.parse(file).servers[0].env).toContainEqual({ key: 'SERVICE_TOKEN', secret: true });
  });

  it('turns ${input:…} into a secret to fill in, stores the value the person typed, and never passes the reference', async () => {
    h = await startHarness({ requireConsent: true });
    const preview = await h.api.call('servers.importPreview', {
      text: JSON.stringify(claudeFile('/nowhere')),
      fileName: 'claude_desktop_config.json',
    });
    const weather = preview.entries.find((e) => e.key === 'weather')!;
    expect(weather.env).toEqual([{ key: 'API_KEY', secret: true, needsValue: true, reference: '${input:weather-key}' }]);
    await h.api.call('servers.import', {
      previewId: preview.previewId,
      entries: [{ key: 'weather', secrets: { API_KEY: 'typed-by-ada' } }],
    });
    const config = (await h.api.call('servers.list', {}))[0]!.config as StdioServerConfig;
    expect(config.env).toEqual([{ key: 'API_KEY', secret: true }]);
    const file = await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8');
    expect(file).not.toContain('typed-by-ada');
    expect(file).not.toContain('${input');
  });

  it('renames on id conflicts, skips what is already here, and a preview is used once', async () => {
    h = await startHarness();
    await h.api.call('servers.add', { id: 'weather', name: 'weather', transport: 'stdio', command: 'python3', args: ['w.py'], env: [] });
    await h.api.call('servers.add', {
      name: 'Everything',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-everything'],
      env: [],
    });
    const text = JSON.stringify({
      mcpServers: {
        weather: { command: 'uvx', args: ['weather-mcp'] },
        ev: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] },
        broken: { args: [] },
      },
    });
    const preview = await h.api.call('servers.importPreview', { text });
    expect(preview.entries.map((e) => [e.key, e.action, e.id ?? null])).toEqual([
      ['weather', 'rename', 'weather-2'],
      ['ev', 'skip', null],
      ['broken', 'invalid', null],
    ]);
    const result = await h.api.call('servers.import', {
      previewId: preview.previewId,
      entries: preview.entries.map((e) => ({ key: e.key })),
    });
    expect(result.added.map((a) => a.id)).toEqual(['weather-2']);
    expect(result.skipped.map((s) => s.key)).toEqual(['ev', 'broken']);
    await expect(h.api.call('servers.import', { previewId: preview.previewId, entries: [{ key: 'weather' }] })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });

  it('imports a remote server with its headers: the typed token goes to the secret store, and it waits for a review too', async () => {
    h = await startHarness({ requireConsent: true });
    const text = JSON.stringify({
      inputs: [{ type: 'promptString', id: 'tok', description: 'API token', password: true }],
      servers: {
        api: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${input:tok}', 'X-Team': 'core' } },
      },
    });
    const preview = await h.api.call('servers.importPreview', { text, fileName: 'mcp.json' });
    expect(preview.entries[0]).toMatchObject({ action: 'add', transport: 'http', url: 'https://mcp.example.com/mcp' });
    await h.api.call('servers.import', {
      previewId: preview.previewId,
      entries: [{ key: 'api', secrets: { Authorization: 'Bearer typed-token-1' } }],
    });
    const [s] = await h.api.call('servers.list', {});
    expect(s!.config).toMatchObject({
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: [
        { key: 'Authorization', secret: true },
        { key: 'X-Team', value: 'core' },
      ],
    });
    expect(s!.consent).toBeDefined();
    await expect(h.api.call('servers.start', { serverId: 'api' })).rejects.toMatchObject({ code: 'ConsentRequired' });
    expect(await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8')).not.toContain('typed-token-1');
  });

  it('reports a malformed file with its line and column, and adds nothing', async () => {
    h = await startHarness();
    const preview = await h.api.call('servers.importPreview', {
      text: '{\n  "servers": {\n    "a": { "type": "stdio" "command": "x" }\n  }\n}',
      fileName: 'mcp.json',
    });
    expect(preview.entries).toEqual([]);
    expect(preview.problems).toEqual([{ message: 'not valid JSON: a "," is missing at line 3, column 28', line: 3, column: 28 }]);
  });

  it('offers the known files of other clients, reads one only when asked, and refuses paths elsewhere', async () => {
    const home = await tmp();
    const ws = await tmp();
    h = await startHarness({ workspaceDir: ws, processEnv: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') } });
    const before = await h.api.call('servers.importSources', {});
    const claude = before.find((s) => s.id === 'claude')!;
    expect(claude).toMatchObject({ label: 'Claude Desktop', exists: false, format: 'claude' });
    if (process.platform === 'linux') expect(claude.path).toBe(path.join(home, '.config', 'Claude', 'claude_desktop_config.json'));

    await mkdir(path.dirname(claude.path), { recursive: true });
    await writeFile(claude.path, JSON.stringify({ mcpServers: { notes: { command: 'uvx', args: ['notes-mcp'] } } }));
    await mkdir(path.join(ws, '.vscode'), { recursive: true });
    await writeFile(
      path.join(ws, '.vscode', 'mcp.json'),
      JSON.stringify({ servers: { local: { type: 'stdio', command: 'uv', args: ['run', '${workspaceFolder}/server.py'] } } }),
    );
    const after = await h.api.call('servers.importSources', {});
    expect(after.filter((s) => s.exists).map((s) => s.id)).toEqual(['claude', 'vscode-workspace']);

    const fromClaude = await h.api.call('servers.importPreview', { path: claude.path });
    expect(fromClaude).toMatchObject({
      format: 'claude',
      source: claude.path,
      entries: [expect.objectContaining({ key: 'notes', commandLine: 'uvx notes-mcp' })],
    });
    // A workspace file knows its own ${workspaceFolder}.
    const fromVsCode = await h.api.call('servers.importPreview', { path: path.join(ws, '.vscode', 'mcp.json') });
    expect(fromVsCode.entries[0]!.args).toEqual(['run', `${ws}/server.py`]);
    expect(fromVsCode.entries[0]!.warnings).toEqual([]);

    await expect(h.api.call('servers.importPreview', { path: '/etc/passwd' })).rejects.toMatchObject({ code: 'InvalidParams' });
    await expect(h.api.call('servers.importPreview', { path: path.join(ws, 'nope.json') })).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('exporting a server list', () => {
  it('round-trips through every format: what is exported imports back as the same servers, secrets to fill in', async () => {
    h = await startHarness();
    await h.api.call('servers.add', {
      name: 'Weather',
      transport: 'stdio',
      command: 'uvx',
      args: ['weather-mcp', '--units', 'metric'],
      env: [
        { key: 'API_KEY', value: 'k-secret-1', secret: true },
        { key: 'REGION', value: 'eu' },
      ],
    });
    await h.api.call('servers.add', {
      name: 'Remote',
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: [{ key: 'Authorization', value: 'Bearer t-secret-2', secret: true }],
    });
    for (const format of ['claude', 'vscode', 'cursor', 'mcp-lab'] as const) {
      const out = await h.api.call('servers.export', { format });
      expect(out.exported).toBe(2);
      expect(out.text).not.toMatch(/k-secret-1|t-secret-2/);
      // Into a fresh workspace, as someone receiving the file would.
      const other = await startHarness();
      try {
        const preview = await other.api.call('servers.importPreview', { text: out.text, format });
        expect(preview.entries.map((e) => [e.action, e.name, e.commandLine ?? e.url])).toEqual([
          ['add', 'Weather', 'uvx weather-mcp --units metric'],
          ['add', 'Remote', 'https://mcp.example.com/mcp'],
        ]);
        expect(preview.entries[0]!.env).toEqual([
          expect.objectContaining({ key: 'API_KEY', secret: true, needsValue: true }),
          { key: 'REGION', secret: false, value: 'eu' },
        ]);
        expect(preview.entries[1]!.headers).toEqual([expect.objectContaining({ key: 'Authorization', secret: true, needsValue: true })]);
      } finally {
        await other.dispose();
      }
    }
    await expect(h.api.call('servers.export', { format: 'claude', serverIds: ['nope'] })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
