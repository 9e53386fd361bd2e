/**
 * With --workspace, the flags that shape a run (--sampling-reply, --elicit, --root, --env,
 * --protocol) apply to the configured server, for this run only: mcp-lab.json is left as it was.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const cli = cliWithOwnHome();
const off = { sampling: { enabled: false }, elicitation: { enabled: false }, roots: { enabled: false } };
const stdio = (id: string, file: string) => ({
  id,
  name: id,
  transport: 'stdio',
  command: process.execPath,
  args: [fixtureScript(file)],
  env: [],
  clientFeatures: off,
});

let ws = '';
let fileBefore = '';
beforeAll(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-ws-flags-'));
  fileBefore = JSON.stringify(
    {
      version: 1,
      servers: [stdio('asks', 'client-requests-server.ts'), stdio('echo', 'echo-server.ts'), stdio('modern', 'modern-server.ts')],
    },
    null,
    2,
  );
  await writeFile(path.join(ws, 'mcp-lab.json'), fileBefore);
});
afterAll(async () => {
  if (ws) await rm(ws, { recursive: true, force: true });
});

const inWs = (server: string) => ['--workspace', ws, '--server', server];

describe('--workspace honours the run flags', () => {
  it('--sampling-reply, --elicit and --root declare and answer, as with a command', async () => {
    const none = await cli.run(['call', 'client_capabilities', ...inWs('asks')]);
    expect(JSON.parse(none.stdout)).toEqual({});
    const caps = await cli.run([
      'call',
      'client_capabilities',
      '--sampling-reply',
      'Paris',
      '--elicit',
      'decline',
      '--root',
      ws,
      ...inWs('asks'),
    ]);
    expect(caps.code, caps.stderr).toBe(0);
    expect(Object.keys(JSON.parse(caps.stdout)).sort()).toEqual(['elicitation', 'roots', 'sampling']);
    const sampled = await cli.run([
      'call',
      'ask_llm',
      '--args',
      '{"prompt":"Capital of France?"}',
      '--sampling-reply',
      'Paris',
      ...inWs('asks'),
    ]);
    expect(sampled.stdout).toContain('"text":"Paris"');
  });

  it('--env reaches the server, over its configured environment', async () => {
    const r = await cli.run(['call', 'env_present', '--json', '--args', '{"name":"FROM_FLAG"}', '--env', 'FROM_FLAG=abc', ...inWs('echo')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).data.result.structuredContent).toEqual({ present: true, length: 3 });
  });

  it('--protocol pins the revision', async () => {
    const auto = JSON.parse((await cli.run(['tools', '--json', ...inWs('modern')])).stdout).data.server;
    expect(auto.protocolVersion).toBe('2026-07-28');
    const pinned = JSON.parse((await cli.run(['tools', '--json', '--protocol', '2025-06-18', ...inWs('modern')])).stdout).data.server;
    expect(pinned.protocolVersion).toBe('2025-06-18');
  });

  it('leaves mcp-lab.json exactly as it was', async () => {
    expect(await readFile(path.join(ws, 'mcp-lab.json'), 'utf8')).toBe(fileBefore);
  });
});
