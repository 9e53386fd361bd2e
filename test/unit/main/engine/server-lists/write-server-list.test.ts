import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planImport } from '../../../../../src-main/engine/server-lists/plan-import';
import { readServerList } from '../../../../../src-main/engine/server-lists/read-server-list';
import { writeServerList } from '../../../../../src-main/engine/server-lists/write-server-list';
import { idFromName } from '../../../../../src-main/engine/servers/server-manager';
import type { ServerConfig } from '../../../../../src-shared/api/schemas/server';
import type { ServerListFormat } from '../../../../../src-shared/api/schemas/server-import';

const ws = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-export-'));
writeFileSync(path.join(ws, 'server.py'), '# a server\n');
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const servers: ServerConfig[] = [
  {
    id: 'weather',
    name: 'Weather',
    transport: 'stdio',
    command: 'uv',
    args: ['run', 'server.py', '--verbose'],
    env: [
      { key: 'UNITS', value: 'metric', secret: false },
      { key: 'API_KEY', secret: true },
    ],
  },
  {
    id: 'everything',
    name: 'Everything',
    transport: 'stdio',
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-everything'],
    env: [],
  },
  {
    id: 'api',
    name: 'Team API',
    transport: 'http',
    url: 'https://mcp.example.com/mcp',
    headers: [
      { key: 'Authorization', secret: true },
      { key: 'X-Team', value: 'core', secret: false },
    ],
  },
];

/** Export, then read and plan the text as an import into an empty workspace would. */
function roundTrip(format: ServerListFormat) {
  const out = writeServerList(format, servers, ws);
  const read = readServerList(out.text, { format });
  const planned = planImport(read, {
    existing: [],
    freeId: (n) => idFromName(n),
    places: { workspaceFolder: ws, pathSeparator: '/' },
    workspaceFolderGuessed: false,
  });
  return { out, read, planned };
}

describe('writeServerList', () => {
  it('writes Claude Desktop: mcpServers, absolute paths where files exist, a placeholder for each secret', () => {
    const out = writeServerList('claude', servers, ws);
    expect(out.fileName).toBe('claude_desktop_config.json');
    const doc = JSON.parse(out.text) as { mcpServers: Record<string, { command: string; args: string[]; env?: Record<string, string> }> };
    expect(doc.mcpServers.Weather).toEqual({
      command: 'uv',
      args: ['run', path.join(ws, 'server.py'), '--verbose'],
      env: { UNITS: 'metric', API_KEY: '<secret API_KEY: not exported, set it here>' },
    });
    expect(out.warnings).toContain('API_KEY of "Weather" is secret and was not exported: replace its placeholder in the file');
    expect(out.warnings.join('\n')).toContain(
      `"Weather" runs in ${ws} in MCP Lab; Claude Desktop has no working-directory setting, so server.py was made absolute`,
    );
  });

  it('writes VS Code: servers with a type, cwd, and an input with password: true for each secret', () => {
    const doc = JSON.parse(writeServerList('vscode', servers, ws).text) as {
      inputs: unknown[];
      servers: Record<string, Record<string, unknown>>;
    };
    expect(doc.inputs).toEqual([
      { type: 'promptString', id: 'weather-api-key', description: 'API_KEY for Weather', password: true },
      { type: 'promptString', id: 'team-api-authorization', description: 'Authorization for Team API', password: true },
    ]);
    expect(doc.servers.Weather).toEqual({
      type: 'stdio',
      command: 'uv',
      args: ['run', 'server.py', '--verbose'],
      cwd: ws,
      env: { UNITS: 'metric', API_KEY: '${input:weather-api-key}' },
    });
    expect(doc.servers['Team API']).toEqual({
      type: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: { Authorization: '${input:team-api-authorization}', 'X-Team': 'core' },
    });
  });

  it('writes Cursor: mcpServers with ${env:…} for secrets', () => {
    const out = writeServerList('cursor', servers, ws);
    const doc = JSON.parse(out.text) as { mcpServers: Record<string, Record<string, unknown>> };
    expect(doc.mcpServers.Weather!.env).toEqual({ UNITS: 'metric', API_KEY: '${env:API_KEY}' });
    expect(doc.mcpServers['Team API']).toEqual({
      url: 'https://mcp.example.com/mcp',
      headers: { Authorization: '${env:TEAM_API_AUTHORIZATION}', 'X-Team': 'core' },
    });
  });

  it('never writes a secret value, whatever the format', () => {
    const leaky: ServerConfig[] = [
      { id: 's', name: 's', transport: 'stdio', command: 'x', args: [], env: [{ key: 'TOKEN', value: 'hunter2-secret', secret: true }] },
    ];
    for (const f of ['claude', 'vscode', 'cursor', 'mcp-lab'] as const)
      expect(writeServerList(f, leaky, ws).text).not.toContain('hunter2-secret');
  });

  it('names duplicates apart', () => {
    const twice: ServerConfig[] = [servers[1]!, { ...servers[1]!, id: 'everything-2' }];
    expect(Object.keys((JSON.parse(writeServerList('claude', twice, ws).text) as { mcpServers: object }).mcpServers)).toEqual([
      'Everything',
      'Everything (2)',
    ]);
  });
});

describe('export → import round trips', () => {
  it.each(['claude', 'vscode', 'cursor'] as const)(
    '%s: every server comes back with its command line, env and secrets to fill in',
    (format) => {
      const { planned, read } = roundTrip(format);
      expect(read.problems).toEqual([]);
      expect(planned.map((p) => [p.view.action, p.view.name, p.view.transport])).toEqual([
        ['add', 'Weather', 'stdio'],
        ['add', 'Everything', 'stdio'],
        ['add', 'Team API', 'http'],
      ]);
      const weather = planned[0]!.view;
      expect(weather.command).toBe('uv');
      expect(weather.env).toEqual([
        { key: 'UNITS', secret: false, value: 'metric' },
        expect.objectContaining({ key: 'API_KEY', secret: true, needsValue: true }),
      ]);
      expect(planned[1]!.config).toMatchObject({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] });
      expect(planned[2]!.config).toMatchObject({
        url: 'https://mcp.example.com/mcp',
        headers: [
          { key: 'Authorization', secret: true },
          { key: 'X-Team', value: 'core' },
        ],
      });
    },
  );

  it('mcp-lab: the configs come back exactly', () => {
    const { planned } = roundTrip('mcp-lab');
    expect(planned.map((p) => p.config)).toEqual(servers);
  });
});
