/**
 * What a connection may do beyond a window is granted by the shell that serves it: the CLI's
 * in-process connection has the terminal's capabilities, a window none. The same requests, one
 * connection each way.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TERMINAL_CAPABILITIES } from '../../../src-shared/api/contract';
import { createApiClient, type ApiClient } from '../../../src-shared/api/api-client';
import { createLinkedPorts } from '../../../src-shared/rpc/in-memory-port';
import { serveApi } from '../../../src-main/rpc/serve-api';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let terminal: ApiClient;
let outside: string;
let suiteFile: string;
beforeEach(async () => {
  h = await startHarness();
  const [a, b] = createLinkedPorts();
  serveApi(b, h.engine.handlers, h.engine.streams, { origin: 'in-memory', capabilities: TERMINAL_CAPABILITIES });
  terminal = createApiClient(a, { validateResults: true });
  await h.api.call('servers.add', fixtureServer('echo-server.ts', { id: 'echo' }));
  outside = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-outside-'));
  suiteFile = path.join(outside, 'echo.test.json');
  await writeFile(suiteFile, JSON.stringify({ server: 'echo', cases: [{ name: 'echoes', tool: 'echo', arguments: { text: 'a' } }] }));
});
afterEach(async () => {
  terminal.dispose();
  await h.dispose();
  await rm(outside, { recursive: true, force: true });
});

it('servers.overrideForRun: refused to a window; for the terminal, the settings change in memory and mcp-lab.json stays', async () => {
  const file = path.join(h.workspaceDir, 'mcp-lab.json');
  const before = await readFile(file, 'utf8');
  const override = { serverId: 'echo', env: [{ key: 'FROM_FLAG', value: 'abc' }], clientFeatures: { sampling: { enabled: false } } };
  await expect(h.api.call('servers.overrideForRun', override)).rejects.toMatchObject({ code: 'Unauthorized' });
  const s = await terminal.call('servers.overrideForRun', override);
  expect(s.config.transport === 'stdio' && s.config.env).toContainEqual({ key: 'FROM_FLAG', value: 'abc', secret: false });
  // Only the feature named changed.
  expect(s.config.clientFeatures).toMatchObject({ sampling: { enabled: false }, elicitation: { enabled: true }, roots: { enabled: true } });
  expect(await readFile(file, 'utf8')).toBe(before);
});

it('suite files outside the tests folder: refused to a window, listed and exported for the terminal', async () => {
  await expect(h.api.call('tests.list', { paths: [outside] })).rejects.toMatchObject({ code: 'Unauthorized' });
  await expect(h.api.call('tests.run', { paths: [suiteFile] })).rejects.toMatchObject({ code: 'Unauthorized' });
  expect((await terminal.call('tests.list', { paths: [outside] })).suites.map((s) => s.file)).toEqual([suiteFile]);

  const out = path.join(outside, 'exported', 'test_echo.py');
  await expect(h.api.call('tests.export', { suiteId: suiteFile, format: 'pytest', out, write: true })).rejects.toMatchObject({
    code: 'InvalidParams',
  });
  await mkdir(path.dirname(out), { recursive: true });
  const r = await terminal.call('tests.export', { suiteId: suiteFile, format: 'pytest', out, write: true });
  expect(r).toMatchObject({ written: true, cases: 1 });
  expect(await readFile(out, 'utf8')).toBe(r.text);
});
