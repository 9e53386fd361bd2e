/**
 * `--json` on every verb: one envelope `{ ok, verb, exitCode, data?, error? }`, valid JSON on
 * success and on failure (a start-up failure, a usage error), whatever the server sends.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const cli = cliWithOwnHome();
const tsServer = (file: string) => [process.execPath, fixtureScript(file)];
const echo = ['--', ...tsServer('echo-server.ts')];
const resources = ['--', ...tsServer('resource-server.ts')];
const missing = ['--', '/nonexistent/mcp-server-for-json'];

let ws = '';
beforeAll(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-json-'));
  const [command, ...args] = tsServer('echo-server.ts');
  await writeFile(
    path.join(ws, 'mcp-lab.json'),
    JSON.stringify({ version: 1, servers: [{ id: 'echo', name: 'echo', transport: 'stdio', command, args, env: [] }] }),
  );
  await writeFile(
    path.join(ws, 'ok.test.json'),
    JSON.stringify({ server: { command, args }, cases: [{ name: 'echoes', tool: 'echo', arguments: { text: 'a' } }] }),
  );
  await writeFile(path.join(ws, 'claude.json'), JSON.stringify({ mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }));
});
afterAll(async () => {
  if (ws) await rm(ws, { recursive: true, force: true });
});

interface Envelope {
  ok: boolean;
  verb: string;
  exitCode: number;
  data?: Record<string, unknown>;
  error?: { kind: string; message: string };
}

async function json(args: string[], code: number): Promise<Envelope> {
  const r = await cli.run(args);
  expect(r.code, r.stderr).toBe(code);
  const e = JSON.parse(r.stdout) as Envelope;
  expect(e).toMatchObject({ ok: code === 0, exitCode: code, verb: args[0] });
  if (code === 0) expect(e.error).toBeUndefined();
  else expect(e.error?.message.length).toBeGreaterThan(0);
  return e;
}

describe("--json on success: the envelope with the verb's data", () => {
  it.each([
    [['tools', '--json', ...echo], 'result'],
    [['call', 'add', '--args', '{"a":1,"b":2}', '--json', ...echo], 'result'],
    [['resources', '--json', ...resources], 'result'],
    [['templates', '--json', ...resources], 'result'],
    [['read', 'item://7', '--json', ...resources], 'result'],
    [['prompts', '--json', ...resources], 'result'],
    [['prompt', 'greet', '--args', '{"name":"Ada"}', '--json', ...resources], 'result'],
    [['ping', '--json', ...echo], 'durationMs'],
    [['bench', 'add', '--args', '{"a":1,"b":2}', '-n', '5', '--json', ...echo], 'latency'],
    [['fuzz', 'echo', '--runs', '5', '--seed', '1', '--json', ...echo], 'findings'],
  ])('%j', async (args, key) => {
    const e = await json(args, 0);
    expect(e.data).toHaveProperty(key);
  });

  it('tools and resources share one shape: server, status, durationMs, result', async () => {
    const tools = await json(['tools', '--json', ...echo], 0);
    const res = await json(['resources', '--json', ...resources], 0);
    for (const e of [tools, res])
      expect(Object.keys(e.data!)).toEqual(expect.arrayContaining(['server', 'status', 'durationMs', 'result']));
  });

  it('lint, test, import and export', async () => {
    expect((await json(['test', path.join(ws, 'ok.test.json'), '--json'], 0)).data).toMatchObject({ passed: 1 });
    expect((await json(['export', '--format', 'claude', '--workspace', ws, '--json'], 0)).data).toMatchObject({ exported: 1 });
    expect((await json(['import', path.join(ws, 'claude.json'), '--workspace', ws, '--yes', '--json'], 0)).data).toHaveProperty('added');
    const lint = await cli.run(['lint', '--json', '--no-probes', ...echo]);
    const e = JSON.parse(lint.stdout) as Envelope;
    expect(e).toMatchObject({ verb: 'lint', exitCode: lint.code });
    expect(e.data).toHaveProperty('findings');
  });

  it('a lone surrogate and control characters from a server stay valid, escaped JSON', async () => {
    const r = await cli.run(['call', 'escape', '--json', '--', ...tsServer('call-marker.ts')]);
    expect(r.stdout).toContain('half\\ud800 end');
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(r.stdout).not.toContain('\u001b');
    const e = JSON.parse(r.stdout) as { data: { result: { content: Array<{ text: string }> } } };
    expect(e.data.result.content[0]!.text).toContain('half\ud800 end');
  });
});

describe('--json on failure: still one parseable envelope on stdout', () => {
  it.each([['tools'], ['call', 'add'], ['resources'], ['read', 'x://y'], ['ping'], ['bench', 'add', '-n', '1'], ['fuzz', 'add'], ['lint']])(
    '%s when the server does not start → serverFailed',
    async (...verb) => {
      const e = await json([...verb, '--json', ...missing], 3);
      expect(e.error).toMatchObject({ kind: 'serverFailed' });
      expect(e.error!.message).toContain('server did not start');
    },
  );

  it.each([['tools'], ['call', 'add'], ['lint'], ['test'], ['export', '--format', 'claude'], ['import', 'x.json']])(
    '%s with an unknown option → usage',
    async (...verb) => {
      const e = await json([...verb, '--json', '--no-such-option'], 2);
      expect(e.error).toEqual({ kind: 'usage', message: "unknown option '--no-such-option'" });
    },
  );

  it('a tool error, a bench with failing calls, a failing suite: kind "failed" with the data', async () => {
    const call = await json(['call', 'fail', '--json', ...echo], 1);
    expect(call.error?.kind).toBe('failed');
    expect(call.data).toMatchObject({ status: 'toolError' });
    const bench = await json(['bench', 'fail', '-n', '3', '--json', ...echo], 1);
    expect(bench.data).toMatchObject({ byStatus: { toolError: 3 } });
    expect((await json(['import', path.join(ws, 'missing.json'), '--workspace', ws, '--json'], 2)).error?.message).toContain(
      'there is no such file',
    );
  });
});
