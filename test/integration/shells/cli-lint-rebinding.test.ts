/**
 * The DNS-rebinding probe of `mcp-lab lint --url`: real HTTP servers that answer a foreign Host or
 * Origin get a finding with the risk and the fix; a server with FastMCP's guard on gets none.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../../src-shared/api/schemas/lint';
import { FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../../helpers/fastmcp-venv';
import { freePort, startEverythingHttp, waitListening, type RunningHttpServer } from '../../helpers/remote-servers';
import { runCli } from '../../helpers/run-cli';

const GUARD_SERVER = path.join(FIXTURES, 'fastmcp_http_guard_server.py');

async function startFastmcpHttp(python: string, guard: boolean): Promise<RunningHttpServer> {
  const port = await freePort();
  const proc = spawn(python, [GUARD_SERVER, String(port), ...(guard ? ['guard'] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  await Promise.race([
    waitListening(port, 60_000),
    exited.then(() => Promise.reject(new Error(`the FastMCP HTTP server exited: ${stderr}`))),
  ]);
  return {
    port,
    url: `http://127.0.0.1:${port}/mcp`,
    proc,
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** The status of an initialize POST with the given Host/Origin (to show what the fixture itself does). */
function initializeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
  });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const lintJson = async (url: string) => {
  const r = await runCli(['lint', '--reporter', 'json', '--url', url], { timeoutMs: 120_000 });
  return JSON.parse(r.stdout) as LintReport;
};
const rebinding = (r: LintReport) => r.findings.filter((f) => f.ruleId === 'dns-rebinding-unprotected');

describe('mcp-lab lint: DNS-rebinding probe', () => {
  let python: string;
  const running: RunningHttpServer[] = [];
  beforeAll(async () => {
    python = (await ensureFastmcpVenv(FASTMCP_VERSIONS[1])).python;
  }, 15 * 60_000);
  afterAll(async () => {
    for (const s of running) await s.kill();
  });

  it('FastMCP with its defaults answers a foreign Host and Origin: an error finding with the risk and the fix', async () => {
    const s = await startFastmcpHttp(python, false);
    running.push(s);
    const [f, ...more] = rebinding(await lintJson(s.url));
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', category: 'protocol', target: { kind: 'server' } });
    expect(f!.message).toContain('Host: rebinding-probe.mcp-lab.invalid (answered 200)');
    expect(f!.message).toContain('Origin: http://rebinding-probe.mcp-lab.invalid (answered 200)');
    expect(f!.message).toContain('host_origin_protection=True');
    expect(f!.rationale).toContain('DNS rebinding');
  });

  it('FastMCP with host_origin_protection=True refuses them: no finding', async () => {
    const s = await startFastmcpHttp(python, true);
    running.push(s);
    // The guard is really on, and MCP Lab's own requests are accepted (so the probe was conclusive).
    expect(await initializeStatus(s.url, { host: 'evil.example' })).toBeGreaterThanOrEqual(400);
    expect(await initializeStatus(s.url, {})).toBe(200);
    const report = await lintJson(s.url);
    expect(rebinding(report)).toEqual([]);
    expect(report.findings.some((x) => x.ruleId === 'ping-unanswered')).toBe(false);
  });

  it('the official everything server (Streamable HTTP) answers them too', async () => {
    const s = await startEverythingHttp('streamableHttp');
    running.push(s);
    expect(rebinding(await lintJson(s.url))).toHaveLength(1);
  });
});
