/**
 * Remote servers that cannot be used as they are: each failure says what happened and what to do.
 * Real HTTP servers in this process (test/fixtures/remote), no mocks of the engine's side.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../../src-shared/api/schemas/server';
import { addAndStart, startHarness, waitForLog, type Harness } from '../../helpers/harness';
import { freePort, selfSignedCert } from '../../helpers/remote-servers';
import { bearerOnly, htmlSite, openMcp, startFixture, type FixtureServer } from '../../fixtures/remote/mcp-http';

let h: Harness;
const fixtures: FixtureServer[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.dispose();
});
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.close()));
});

async function fixture(...args: Parameters<typeof startFixture>): Promise<FixtureServer> {
  const f = await startFixture(...args);
  fixtures.push(f);
  return f;
}

async function failedStatus(
  url: string,
  extra: { headers?: { key: string; value: string; secret: boolean }[]; transport?: 'http' | 'sse' } = {},
): Promise<Extract<ServerStatus, { state: 'failed' }>> {
  const s = await addAndStart(h, { name: `remote ${url}`, transport: extra.transport ?? 'http', url, headers: extra.headers ?? [] });
  expect(s.status.state).toBe('failed');
  return s.status as Extract<ServerStatus, { state: 'failed' }>;
}

describe('a remote server that cannot be reached', () => {
  it('names the host and port when nothing listens there', async () => {
    const port = await freePort();
    const st = await failedStatus(`http://127.0.0.1:${port}/mcp`);
    expect(st.kind).toBe('unreachable');
    expect(st.message).toBe(`nothing answers at 127.0.0.1:${port} (connection refused)`);
    expect(st.hint).toContain(`listening on port ${port}`);
  });

  it('says when the host name does not exist', async () => {
    const st = await failedStatus('http://mcp-lab-test.invalid/mcp');
    expect(st.kind).toBe('unreachable');
    expect(st.message).toMatch(/the host name "mcp-lab-test.invalid" could not be found \(DNS: (ENOTFOUND|EAI_AGAIN)\)/);
  });

  it('explains a self-signed certificate and how to trust it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-tls-'));
    try {
      const tls = await selfSignedCert(dir, ['localhost', '127.0.0.1']);
      const f = await fixture(openMcp, tls);
      const st = await failedStatus(`${f.base}/mcp`);
      expect(st.kind).toBe('tlsError');
      expect(st.message).toMatch(/self-signed/);
      expect(st.hint).toContain('NODE_EXTRA_CA_CERTS');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a remote server that answers, but not with MCP', () => {
  it('a 401 without OAuth metadata asks for an Authorization header', async () => {
    const f = await fixture(bearerOnly('Bearer t0ken-of-the-test'));
    const st = await failedStatus(`${f.base}/mcp`);
    expect(st.kind).toBe('authRequired');
    expect(st.message).toBe('the server wants credentials (HTTP 401) and offers no OAuth sign-in');
    expect(st.hint).toMatch(/Add an Authorization header/);
  });

  it('a wrong path is a 404 that suggests /mcp', async () => {
    const f = await fixture(openMcp);
    const st = await failedStatus(`${f.base}/api`);
    expect(st.kind).toBe('httpError');
    expect(st.message).toBe('nothing at /api on this server (HTTP 404)');
    expect(st.hint).toMatch(/Is the path \/mcp\?/);
  });

  it('a web page is named as such', async () => {
    const f = await fixture(htmlSite);
    const st = await failedStatus(`${f.base}/`);
    expect(st.message).toBe('/ answered with a web page (HTML), not MCP');
    expect(st.hint).toMatch(/website, not an MCP endpoint/);
  });
});

describe('headers', () => {
  it('sends a secret Authorization header, and keeps its value out of mcp-lab.json and the log', async () => {
    const token = 'Bearer s3cret-token-7f1c2d';
    const f = await fixture(bearerOnly(token));
    const s = await addAndStart(h, {
      name: 'with token',
      transport: 'http',
      url: `${f.base}/mcp`,
      headers: [
        { key: 'Authorization', value: token, secret: true },
        { key: 'X-Team', value: 'lab', secret: false },
      ],
    });
    expect(s.status.state).toBe('ready');
    expect(s.config.transport !== 'stdio' && s.config.headers).toEqual([
      { key: 'Authorization', secret: true },
      { key: 'X-Team', value: 'lab', secret: false },
    ]);

    const out = await h.api.call('tools.call', { serverId: s.config.id, toolName: 'whoami', arguments: {} });
    expect(out.status).toBe('ok'); // the server got the token (it answers 401 otherwise)

    const file = await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8');
    expect(file).not.toContain('s3cret-token-7f1c2d');
    expect(file).toContain('"X-Team"');
    const log = await waitForLog(
      h,
      s.config.id,
      (e) => e.source === 'protocol' && e.protocol?.method === 'tools/call' && e.protocol.dir === 'in',
    );
    const all = JSON.stringify(log);
    expect(all).not.toContain('s3cret-token-7f1c2d');
    expect(all).toContain('you sent: •••');
  });
});
