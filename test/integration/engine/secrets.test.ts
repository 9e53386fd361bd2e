import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, waitForLog } from '../../helpers/harness';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';

const SECRET = 's3cret';

const h = harnessForEachTest();

describe('secret environment values', () => {
  it('reach the server process but never the workspace file, the API or the log', async () => {
    const added = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', {
        env: [
          { key: 'API_TOKEN', value: SECRET, secret: true },
          { key: 'REGION', value: 'eu-west-1' },
        ],
      }),
    );
    const id = added.config.id;
    expect((added.config as StdioServerConfig).env).toEqual([
      { key: 'API_TOKEN', secret: true },
      { key: 'REGION', value: 'eu-west-1', secret: false },
    ]);

    // The workspace file (meant for git) has the key and the flag, not the value.
    const file = await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    const saved = JSON.parse(file) as { servers: { env: { key: string; value?: string; secret?: boolean }[] }[] };
    expect(saved.servers[0]!.env).toContainEqual({ key: 'API_TOKEN', secret: true });

    const [listed] = await h.api.call('servers.list', {});
    expect((listed!.config as StdioServerConfig).env.find((e) => e.key === 'API_TOKEN')).toEqual({ key: 'API_TOKEN', secret: true });

    const started = await h.api.call('servers.start', { serverId: id });
    expect(started.status.state).toBe('ready');
    expect(started.effectiveEnvKeys).toContain('API_TOKEN');

    const out = await h.api.call('tools.call', { serverId: id, toolName: 'env_present', arguments: { name: 'API_TOKEN' } });
    expect(out.status).toBe('ok');
    if (out.status === 'ok') expect(out.result.structuredContent).toEqual({ present: true, length: SECRET.length });

    // Nothing the engine logged (command line, protocol traffic, stderr) carries the value.
    const entries = await waitForLog(h, id, (e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'in');
    expect(entries.length).toBeGreaterThan(3);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });

  it('keeps the stored value when the server is updated without re-entering it', async () => {
    const added = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { env: [{ key: 'API_TOKEN', value: SECRET, secret: true }] }),
    );
    // What the UI sends back after an edit: the config as listed, without the secret value.
    await h.api.call('servers.update', { ...added.config, name: 'renamed' });
    const started = await h.api.call('servers.start', { serverId: added.config.id });
    expect(started.status.state).toBe('ready');
    const out = await h.api.call('tools.call', { serverId: added.config.id, toolName: 'env_present', arguments: { name: 'API_TOKEN' } });
    if (out.status !== 'ok') throw new Error(`call failed: ${out.status}`);
    expect(out.result.structuredContent).toEqual({ present: true, length: SECRET.length });
  });
});

describe('secrets that a server prints or returns', () => {
  it('are blanked out of its log: stderr lines and protocol payloads alike', async () => {
    const token = 'tok-7f3a9c1e2b';
    // A careless server: prints its environment to stderr and echoes the token in a result.
    const code = `
      import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
      import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
      process.stderr.write('debug: API_TOKEN=' + process.env.API_TOKEN + '\\n');
      const s = new McpServer({ name: 'careless', version: '1' });
      s.registerTool('whoami', {}, async () => ({ content: [{ type: 'text', text: 'token is ' + process.env.API_TOKEN }] }));
      await s.connect(new StdioServerTransport());`;
    const { config } = await h.api.call('servers.add', {
      name: 'careless',
      transport: 'stdio',
      command: process.execPath,
      args: ['--input-type=module', '-e', code],
      cwd: REPO_ROOT, // where the inline script finds the SDK
      env: [{ key: 'API_TOKEN', value: token, secret: true }],
    });
    await h.api.call('servers.start', { serverId: config.id });
    const out = await h.api.call('tools.call', { serverId: config.id, toolName: 'whoami', arguments: {} });
    // The caller asked for the result: it gets it as the server sent it.
    expect(JSON.stringify(out)).toContain(token);
    await waitForLog(h, config.id, (e) => e.source === 'stderr' && e.text.startsWith('debug: API_TOKEN='));
    const log = h.engine.logs.since(config.id, 0).entries;
    expect(JSON.stringify(log)).not.toContain(token);
    expect(log.find((e) => e.source === 'stderr')!.text).toBe('debug: API_TOKEN=•••');
    const response = log.find((e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'in')!;
    expect(JSON.stringify(response.data)).toContain('token is •••');
  });
});
