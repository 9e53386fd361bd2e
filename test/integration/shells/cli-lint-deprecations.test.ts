/**
 * The deprecation report in `mcp-lab lint`: a real FastMCP server that samples (and asks for roots
 * and logs through its Context) is told which of those the 2026-07-28 revision deprecates, where in
 * its source, when they may be removed and what replaces them. A report, not a failure.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../../src-shared/api/schemas/lint';
import { FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS, type FastmcpVenv } from '../../helpers/fastmcp-venv';
import { runCli } from '../../helpers/run-cli';

const SEED = path.join(FIXTURES, 'fastmcp_seed_server.py');

describe('mcp-lab lint: deprecated features', () => {
  let venv: FastmcpVenv;
  beforeAll(async () => {
    venv = await ensureFastmcpVenv(FASTMCP_VERSIONS[1]);
  }, 15 * 60_000);

  it('a FastMCP server that uses sampling: the report names Sampling with its source line; roots and logging too', async () => {
    const r = await runCli(['lint', '--no-probes', '--reporter', 'json', '--', venv.python, SEED], { timeoutMs: 120_000 });
    const report = JSON.parse(r.stdout) as LintReport;
    expect(report.deprecations.map((d) => d.feature)).toEqual(['roots', 'sampling', 'logging']);
    const sampling = report.deprecations.find((d) => d.feature === 'sampling')!;
    expect(sampling.locations.map((l) => [l.file, l.line])).toEqual([[SEED, 181]]);
    expect(sampling.evidence).toEqual(['ctx.sample() in the source']);
    expect(report.deprecations.find((d) => d.feature === 'roots')!.locations.map((l) => l.line)).toEqual([193]);
    expect(report.deprecations.find((d) => d.feature === 'logging')!.locations.map((l) => l.line)).toEqual([128, 132]);
    expect(report.findings.some((f) => f.message.includes('ctx.sample'))).toBe(false); // a report, not a finding
  });

  it('the list reporter says when each may be removed and what replaces it', async () => {
    const r = await runCli(['lint', '--no-probes', '--', venv.python, SEED], { timeoutMs: 120_000 });
    expect(r.stdout).toContain('deprecated features in use (2026-07-28 revision');
    expect(r.stdout).toContain(
      'Sampling (sampling/createMessage): deprecated since 2026-07-28, may be removed in the first revision released on or after 2027-07-28',
    );
    expect(r.stdout).toContain('instead: call an LLM provider’s API directly from the server');
    expect(r.stdout).toContain(`at ${SEED}:181`);
  });
});
