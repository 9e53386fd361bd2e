import { describe, expect, it } from 'vitest';
import { readServerList } from '../../../../../src-main/engine/server-lists/read-server-list';

describe('readServerList: the formats', () => {
  it('reads a Claude Desktop file: command, args, env per server, with the line of each entry', () => {
    const text = `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/ada/Desktop"]
    },
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_abc123", "GITHUB_TOOLSETS": "repos" }
    }
  }
}`;
    const r = readServerList(text, { fileName: 'claude_desktop_config.json' });
    expect(r.format).toBe('claude');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.key, e.line, e.transport, e.command, e.args.length])).toEqual([
      ['filesystem', 3, 'stdio', 'npx', 3],
      ['github', 7, 'stdio', 'docker', 4],
    ]);
    expect(r.entries[1]!.env).toEqual([
      { key: 'GITHUB_PERSONAL_ACCESS_TOKEN', value: 'ghp_abc123' },
      { key: 'GITHUB_TOOLSETS', value: 'repos' },
    ]);
  });

  it('reads a VS Code file with comments, trailing commas, inputs and every transport type', () => {
    const text = `{
  // secrets are asked for once and kept by VS Code
  "inputs": [{ "type": "promptString", "id": "api-key", "description": "Weather API key", "password": true }],
  "servers": {
    "weather": { "type": "stdio", "command": "uv", "args": ["run", "weather.py"], "env": { "API_KEY": "\${input:api-key}" }, },
    "remote": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer \${input:api-key}" } },
    "legacy": { "type": "sse", "url": "http://localhost:8000/sse" },
  },
}`;
    const r = readServerList(text, { fileName: '.vscode/mcp.json' });
    expect(r.format).toBe('vscode');
    expect(r.problems).toEqual([]);
    expect(r.inputs.get('api-key')).toEqual({ description: 'Weather API key', password: true });
    expect(r.entries.map((e) => [e.key, e.transport, e.url ?? e.command])).toEqual([
      ['weather', 'stdio', 'uv'],
      ['remote', 'http', 'https://mcp.example.com/mcp'],
      ['legacy', 'sse', 'http://localhost:8000/sse'],
    ]);
    expect(r.entries[1]!.headers).toEqual([{ key: 'Authorization', value: 'Bearer ${input:api-key}' }]);
  });

  it('tells Cursor from Claude Desktop by the path, and reads remote entries without a type', () => {
    const text = JSON.stringify({
      mcpServers: { docs: { url: 'https://docs.example.com/mcp' }, old: { url: 'https://old.example.com/sse' } },
    });
    const r = readServerList(text, { fileName: '/home/ada/project/.cursor/mcp.json' });
    expect(r.format).toBe('cursor');
    expect(r.entries.map((e) => e.transport)).toEqual(['http', 'sse']);
    expect(r.entries[1]!.notes[0]).toContain('ends with /sse');
  });

  it('reads an mcp-lab.json with every field of each server', () => {
    const text = JSON.stringify({
      version: 1,
      servers: [
        {
          id: 'notes',
          name: 'Notes',
          transport: 'stdio',
          command: 'uv',
          args: ['run', 'server.py'],
          cwd: 'notes',
          env: [{ key: 'TOKEN', secret: true }],
          restart: { onCrash: false, maxRestarts: 1, windowSeconds: 30 },
        },
      ],
    });
    const r = readServerList(text);
    expect(r.format).toBe('mcp-lab');
    expect(r.entries[0]!.labConfig).toMatchObject({ id: 'notes', cwd: 'notes', restart: { onCrash: false } });
    expect(r.entries[0]!.env).toEqual([{ key: 'TOKEN', secret: true }]);
  });

  it('takes the format it is told over the shape', () => {
    expect(readServerList(JSON.stringify({ mcpServers: { a: { command: 'x' } } }), { format: 'cursor' }).format).toBe('cursor');
  });
});

describe('readServerList: malformed files', () => {
  it('names the line and column of a syntax error', () => {
    const text = '{\n  "mcpServers": {\n    "a": { "command": "npx" }\n    "b": { "command": "uvx" }\n  }\n}';
    const r = readServerList(text);
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([{ message: 'not valid JSON: a "," is missing at line 4, column 5', line: 4, column: 5 }]);
  });

  it('says so when the string is not closed', () => {
    const r = readServerList('{"mcpServers": {"a": {"command": "npx}}}');
    expect(r.problems[0]!.message).toMatch(/^not valid JSON: a string is not closed at line 1, column \d+$/);
  });

  it('refuses a file that is not a server list, and an empty one', () => {
    expect(readServerList('{"name": "my-package", "version": "1.0.0"}').problems[0]!.message).toContain('not a server list MCP Lab knows');
    expect(readServerList('[1, 2]').problems[0]!.message).toContain('a server list is a JSON object');
    expect(readServerList('').problems[0]!.message).toContain('the file is empty');
    expect(readServerList('{"mcpServers": {}}').problems[0]).toMatchObject({
      message: '"mcpServers" is empty: there is nothing to import',
      line: 1,
    });
    expect(readServerList('{"mcpServers": []}').problems[0]!.message).toContain('must be an object mapping');
  });

  it('reports a broken entry by name and line and still reads the others', () => {
    const text = `{
  "mcpServers": {
    "good": { "command": "npx", "args": ["-y", "x"] },
    "no-command": { "args": ["x"] },
    "bad-args": { "command": "node", "args": "server.js" },
    "bad-env": { "command": "node", "env": { "A": { "nested": true } } },
    "not-object": "npx -y x",
    "bad-type": { "type": "websocket", "url": "ws://x" }
  }
}`;
    const r = readServerList(text);
    expect(r.entries.map((e) => [e.key, e.line, e.invalid])).toEqual([
      ['good', 3, []],
      ['no-command', 4, ['"command" is missing: a local server needs the program to run']],
      ['bad-args', 5, ['"args" must be a list of strings']],
      ['bad-env', 6, ['env "A" must be a string']],
      ['not-object', 7, ['its settings must be an object such as {"command": "npx", "args": ["-y", "some-server"]}']],
      ['bad-type', 8, ['"type" is "websocket": MCP Lab knows stdio, http and sse']],
    ]);
  });

  it('notes what it leaves out: numbers passed as strings, envFile, unknown fields, disabled', () => {
    const r = readServerList(
      JSON.stringify({ mcpServers: { a: { command: 'srv', args: ['--port', 8080], envFile: '.env', disabled: true, icon: 'x' } } }),
    );
    const e = r.entries[0]!;
    expect(e.args).toEqual(['--port', '8080']);
    expect(e.invalid).toEqual([]);
    expect(e.notes.join('\n')).toMatch(
      /disabled in the Claude Desktop file[\s\S]*"envFile" \(\.env\) is not read[\s\S]*"icon" is not used[\s\S]*argument 2 \(8080\)/,
    );
  });

  it('reports an mcp-lab.json entry that breaks the workspace format with its line', () => {
    const text =
      '{\n  "version": 1,\n  "servers": [\n    { "id": "ok", "name": "Ok", "transport": "stdio", "command": "node" },\n    { "id": "bad id!", "name": "Bad", "transport": "stdio", "command": "node" }\n  ]\n}';
    const r = readServerList(text);
    expect(r.entries[1]).toMatchObject({ line: 5, invalid: [expect.stringContaining('id: letters, digits')] });
  });
});
