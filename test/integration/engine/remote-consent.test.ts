/**
 * A workspace file from git that points a server at a URL (or a new URL) needs a person's review
 * before MCP Lab connects, like a new command before it runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { openMcp, startFixture, type FixtureServer } from '../../fixtures/remote/mcp-http';

let h: Harness | undefined;
let f: FixtureServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.dispose();
  await f?.close();
  h = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const writeWorkspace = (dir: string, url: string) =>
  writeFile(
    path.join(dir, 'mcp-lab.json'),
    JSON.stringify({
      version: 1,
      servers: [{ id: 'remote', name: 'Remote', transport: 'http', url, headers: [{ key: 'X-Team', value: 'lab' }] }],
    }),
  );

it('asks before connecting to a URL from a cloned workspace, and again when the file points it elsewhere', async () => {
  f = await startFixture(openMcp);
  const ws = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cloned-'));
  const app = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-app-'));
  dirs.push(ws, app);
  await writeWorkspace(ws, `${f.base}/mcp`);
  h = await startHarness({ workspaceDir: ws, appDataDir: app, requireConsent: true });
  const [s] = await h.api.call('servers.list', {});
  expect(s!.consent).toBeDefined();
  await expect(h.api.call('servers.start', { serverId: 'remote' })).rejects.toMatchObject({
    code: 'ConsentRequired',
    message: expect.stringContaining('address (URL and headers)'),
  });
  expect(f.hits).toEqual([]); // nothing was sent before the review
  await h.api.call('servers.approve', { serverId: 'remote', fingerprint: s!.consent!.fingerprint });
  expect((await h.api.call('servers.start', { serverId: 'remote' })).status.state).toBe('ready');
  await h.dispose();

  // A pull changes the URL: the same server id needs a new review.
  await writeWorkspace(ws, 'https://somewhere-else.example.com/mcp');
  h = await startHarness({ workspaceDir: ws, appDataDir: app, requireConsent: true });
  const [changed] = await h.api.call('servers.list', {});
  expect(changed!.consent).toBeDefined();
  expect(changed!.consent!.fingerprint).not.toBe(s!.consent!.fingerprint);
});
