import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, fixtureScript } from '../../helpers/fixtures';
import { CLI, runCli } from '../../helpers/run-cli';

const echo = ['--', process.execPath, fixtureScript('echo-server.ts')];
const py = ['--', 'python3', `${FIXTURES}/py_stdlib_server.py`];

describe('mcp-lab tools', () => {
  it('lists the tools of a server it has never seen, for people', async () => {
    const r = await runCli(['tools', ...py]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('py-stdlib-server 0.1.0 — 2 tools');
    expect(r.stdout).toContain('reverse(text: string)');
    expect(r.stdout).toContain('Reverse a string.');
  });

  it('prints the full schemas with --json', async () => {
    const r = await runCli(['tools', '--json', ...echo]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout).data;
    expect(j.server.name).toBe('echo-fixture');
    const add = j.result.tools.find((t: { name: string }) => t.name === 'add');
    expect(add.inputSchema.properties).toHaveProperty('a');
    expect(add.outputSchema.properties).toHaveProperty('sum');
  });
});

describe('mcp-lab call', () => {
  it('prints the result text and exits 0', async () => {
    const r = await runCli(['call', 'reverse', '--args', '{"text":"stressed"}', ...py]);
    expect(r).toMatchObject({ code: 0, stdout: 'desserts\n' });
  });

  it('prints the whole outcome with --json: status, durationMs and the raw result', async () => {
    const r = await runCli(['call', 'add', '--json', '--args', '{"a":2,"b":40}', ...echo]);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout).data;
    expect(o.status).toBe('ok');
    expect(typeof o.durationMs).toBe('number');
    expect(o.result.structuredContent).toEqual({ sum: 42 });
  });

  it('exits 1 with a one-line reason on a tool error', async () => {
    const r = await runCli(['call', 'divide', '--args', '{"a":1,"b":0}', ...py]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot divide by zero');
  });

  it('exits 5 on a timeout and says how to wait longer', async () => {
    const r = await runCli(['call', 'hang', '--timeout-ms', '300', ...echo]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('--timeout-ms');
  });

  it('exits 6 when the server crashes mid-call, naming the exit code and the last stderr line', async () => {
    const r = await runCli(['call', 'crash', '--args', '{"code":9}', ...echo]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('exit code 9');
    expect(r.stderr).toContain('fatal: the crash tool was called');
  });

  it('exits 3 when the server cannot start, naming the command and the PATH searched', async () => {
    const r = await runCli(['call', 'x', '--', 'definitely-not-a-command-xyz']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('command "definitely-not-a-command-xyz" was not found on PATH (searched:');
  });

  it('exits 2 on bad usage: malformed --args, missing command', async () => {
    const bad = await runCli(['call', 'x', '--args', '{nope', ...py]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--args is not valid JSON');
    const none = await runCli(['call', 'x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no server command given');
  });

  it('passes --env variables to the server, and only the documented base of its own environment', async () => {
    // A one-tool server that reports what it sees of its environment.
    const code = `
      import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
      import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
      import { z } from 'zod';
      const s = new McpServer({ name: 'env-probe', version: '1' });
      s.registerTool('env', { inputSchema: { name: z.string() } }, async ({ name }) => ({ content: [{ type: 'text', text: String(process.env[name]) }] }));
      await s.connect(new StdioServerTransport());`;
    const server = ['--', process.execPath, '--input-type=module', '-e', code];
    const given = await runCli(['call', 'env', '--env', 'GREETING=hello', '--args', '{"name":"GREETING"}', ...server]);
    expect(given).toMatchObject({ code: 0, stdout: 'hello\n' });
    const leaked = await runCli(['call', 'env', '--args', '{"name":"MCP_LAB_CLI_SECRET"}', ...server], {
      env: { MCP_LAB_CLI_SECRET: 'x' },
    });
    expect(leaked.stdout).toBe('undefined\n');
    const inherited = await runCli(['call', 'env', '--inherit-env', '--args', '{"name":"MCP_LAB_CLI_SECRET"}', ...server], {
      env: { MCP_LAB_CLI_SECRET: 'x' },
    });
    expect(inherited.stdout).toBe('x\n');
  });
});

describe('mcp-lab in a pipeline', () => {
  it('exits quietly when the reader has closed the pipe (| head, | true)', async () => {
    const { spawnSync } = await import('node:child_process');
    // `true` exits before the server has even started, so our first write meets a closed pipe.
    const cmd = `node ${JSON.stringify(CLI)} tools --json -- ${echo
      .slice(1)
      .map((a) => JSON.stringify(a))
      .join(' ')} | true`;
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.status).toBe(0);
  });
});
