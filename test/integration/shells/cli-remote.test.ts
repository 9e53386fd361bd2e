/**
 * `mcp-lab <verb> --url <url>`, run as a user would: server-everything over Streamable
 * HTTP and SSE, headers, TLS with a certificate trusted through NODE_EXTRA_CA_CERTS, and an OAuth
 * sign-in where the CLI prints the URL and waits for the loopback redirect.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { CLI, cliWithOwnHome } from '../../helpers/run-cli';
import { selfSignedCert, startEverythingHttp, type RunningHttpServer } from '../../helpers/remote-servers';
import { bearerOnly, openMcp, startFixture } from '../../fixtures/remote/mcp-http';
import { startProtectedServer } from '../../fixtures/remote/oauth-server';

const cli = cliWithOwnHome();
const runCli = cli.run;
let http: RunningHttpServer;
let sse: RunningHttpServer;
beforeAll(async () => {
  [http, sse] = await Promise.all([startEverythingHttp('streamableHttp'), startEverythingHttp('sse')]);
});
afterAll(async () => {
  await Promise.all([http?.kill(), sse?.kill()]);
});

describe('mcp-lab --url', () => {
  it('lists tools, calls one, reads a resource, gets a prompt and pings over Streamable HTTP', async () => {
    const tools = await runCli(['tools', '--url', http.url]);
    expect(tools.code).toBe(0);
    expect(tools.stdout).toMatch(/^mcp-servers\/everything .* tools/);
    const call = await runCli(['call', 'get-sum', '--args', '{"a": 20, "b": 22}', '--url', http.url]);
    expect(call).toMatchObject({ code: 0, stdout: 'The sum of 20 and 22 is 42.\n' });
    const read = await runCli(['read', 'demo://resource/dynamic/text/3', '--url', http.url]);
    expect(read.stdout).toMatch(/^Resource 3:/);
    const prompt = await runCli(['prompt', 'args-prompt', '--args', '{"city": "Oslo"}', '--json', '--url', http.url]);
    expect(JSON.parse(prompt.stdout).data).toMatchObject({ status: 'ok', method: 'prompts/get' });
    expect((await runCli(['ping', '--url', http.url])).stdout).toMatch(/^pong from mcp-servers\/everything/);
  });

  it('speaks the older HTTP+SSE transport with --transport sse', async () => {
    const r = await runCli(['call', 'echo', '--args', '{"message": "over sse"}', '--transport', 'sse', '--url', sse.url]);
    expect(r).toMatchObject({ code: 0, stdout: 'Echo: over sse\n' });
  });

  it('sends --header, and says what to add when credentials are missing', async () => {
    const f = await startFixture(bearerOnly('Bearer cli-t0ken'));
    try {
      const ok = await runCli(['call', 'whoami', '--url', `${f.base}/mcp`, '--header', 'Authorization: Bearer cli-t0ken']);
      expect(ok).toMatchObject({ code: 0, stdout: 'you sent: Bearer cli-t0ken\n' });
      const missing = await runCli(['tools', '--url', `${f.base}/mcp`]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain('the server wants credentials (HTTP 401) and offers no OAuth sign-in');
      // In the terminal's words: the flag, not the app's server settings.
      expect(missing.stderr).toContain('-H "Authorization: Bearer <token>"');
      expect(missing.stderr).not.toMatch(/server settings|Edit →|choose/);
    } finally {
      await f.close();
    }
  });

  it('an endpoint of the other transport is answered with the flag that picks it', async () => {
    const f = await startFixture((_req, res) => void res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed'));
    try {
      const r = await runCli(['tools', '--url', `${f.base}/sse`]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('HTTP 405');
      expect(r.stderr).toContain('--transport sse');
      expect(r.stderr).not.toMatch(/choose|server settings|Edit →/);
    } finally {
      await f.close();
    }
  });

  it('refuses --url together with a command, and --header without --url', async () => {
    expect(await runCli(['tools', '--url', http.url, '--', 'node', 'x.js'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('either --url or a command'),
    });
    expect(await runCli(['tools', '--header', 'A: b', '--', 'node', 'x.js'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--header goes with --url'),
    });
  });
});

describe('mcp-lab --url over https', () => {
  it('works once the certificate is trusted with NODE_EXTRA_CA_CERTS, and names a certificate for another host', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-tls-'));
    const right = await selfSignedCert(path.join(dir), ['localhost', '127.0.0.1']);
    const f = await startFixture(openMcp, right);
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-tls-'));
    const wrong = await selfSignedCert(otherDir, ['mcp.example.test']);
    const g = await startFixture(openMcp, wrong);
    try {
      const untrusted = await runCli(['tools', '--url', `${f.base}/mcp`]);
      expect(untrusted.code).toBe(3);
      expect(untrusted.stderr).toContain('is self-signed');
      const trusted = await runCli(['call', 'echo', '--args', '{"text": "tls"}', '--url', `${f.base}/mcp`], {
        NODE_EXTRA_CA_CERTS: right.certFile,
      });
      expect(trusted).toMatchObject({ code: 0, stdout: 'tls\n' });
      const otherHost = await runCli(['tools', '--url', `${g.base}/mcp`], { NODE_EXTRA_CA_CERTS: wrong.certFile });
      expect(otherHost.code).toBe(3);
      expect(otherHost.stderr).toMatch(/is for another host name: .*127\.0\.0\.1/);
    } finally {
      await Promise.all([f.close(), g.close()]);
      await rm(dir, { recursive: true, force: true });
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});

describe('mcp-lab --url with OAuth', () => {
  it('prints the sign-in URL, waits for the redirect, then runs the command', async () => {
    const server = await startProtectedServer();
    try {
      const child = spawn(process.execPath, [CLI, 'call', 'whoami', '--url', server.url, '--sign-in-timeout-ms', '30000'], {
        cwd: REPO_ROOT,
        env: { ...process.env, MCP_LAB_HOME: cli.home },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sign-in URL printed; stderr: ${stderr}`)), 20_000);
        child.stderr.on('data', (d) => {
          stderr += d;
          const m = /^ {2}(http\S+)$/m.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(stderr).toContain('Open this URL in your browser and approve');
      // The person opens it; the authorization server redirects the browser to the CLI's loopback receiver.
      const authorize = await fetch(url, { redirect: 'manual' });
      expect((await fetch(authorize.headers.get('location')!)).status).toBe(200);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
      expect(stdout).toMatch(/^you sent: Bearer at-[0-9a-f]+\n$/);
    } finally {
      await server.close();
    }
  });
});
