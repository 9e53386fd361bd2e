/**
 * `mcp-lab call` on a tool that runs as a task (server-everything's `simulate-research-query`,
 * `execution.taskSupport: "required"`): it waits for the result, says how the task goes on stderr,
 * and `--json` carries the task with every status it went through.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const EVERYTHING = [
  '--',
  process.execPath,
  path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js'),
  'stdio',
];
const cli = cliWithOwnHome();

describe('mcp-lab call on a required-task tool', () => {
  it('waits for the task, prints its statuses on stderr and the report on stdout', async () => {
    const r = await cli.run(['call', 'simulate-research-query', '--args', '{"topic":"tides"}', ...EVERYTHING]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Research Report: tides');
    expect(r.stderr).toMatch(/simulate-research-query runs as task \S+ \(kept \d+ s\)/);
    expect(r.stderr).toContain('task working: Gathering sources...');
    expect(r.stderr).toContain('task completed');
    expect(r.stdout).not.toContain('task working');
  });

  it('--json includes the task and its history; an input_required question is answered by --elicit', async () => {
    const r = await cli.run([
      'call',
      'simulate-research-query',
      '--json',
      '--args',
      '{"topic":"python","ambiguous":true}',
      '--elicit',
      'accept:{"interpretation":"snake"}',
      ...EVERYTHING,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const envelope = JSON.parse(r.stdout);
    expect(envelope).toMatchObject({ ok: true, verb: 'call', exitCode: 0 });
    const o = envelope.data;
    expect(o.status).toBe('ok');
    expect(JSON.stringify(o.result)).toContain('Clarification**: snake');
    expect(o.task).toMatchObject({ status: 'completed', toolName: 'simulate-research-query' });
    expect(o.task.history.map((s: { status: string }) => s.status)).toEqual(
      expect.arrayContaining(['working', 'input_required', 'completed']),
    );
    expect(r.stderr).toContain('task input_required: Found multiple interpretations');
  });

  it('--task on a tool without task support is a usage error that says what to do', async () => {
    const r = await cli.run(['call', 'echo', '--task', '--args', '{"message":"x"}', ...EVERYTHING]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not declare task support/);
  });
});
