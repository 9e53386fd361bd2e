import { describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

const echo = ['--', process.execPath, fixtureScript('echo-server.ts')];
const leaky = ['--', process.execPath, fixtureScript('leaky-server.ts')];

describe('mcp-lab bench', () => {
  it('prints a result card and exits 0 when every call succeeded', async () => {
    const r = await runCli(['bench', 'add', '--args', '{"a":1,"b":2}', '-c', '4', '-n', '300', ...echo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Load run on add: completed/);
    expect(r.stdout).toMatch(/calls\s+300 \(ok 300\)/);
    expect(r.stdout).toMatch(/latency\s+p50 .* p95 .* p99/);
  });

  it('prints the run as JSON and exits 1 when calls fail', async () => {
    const r = await runCli(['bench', 'fail', '--json', '-n', '20', ...echo]);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout).data;
    expect(run.byStatus).toEqual({ toolError: 20 });
    expect(run.issued).toBe(20);
    expect(r.stderr).toContain('20 of 20 calls did not succeed');
  });

  it('hunts a leak and exits 1 when memory keeps growing', async () => {
    const r = await runCli(['bench', 'remember', '--leak', '-n', '1500', ...leaky]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('leak         growing');
  });

  it('refuses a run without a bound', async () => {
    const r = await runCli(['bench', 'add', ...echo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give a bound');
  });
});
