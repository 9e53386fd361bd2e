import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestRun } from '../../../../src-shared/api/schemas/testing';
import { TESTS_DIR } from '../../../../src-shared/api/schemas/workspace';
import { appDataDir } from '../../common/app-paths';
import { connectInProcess } from '../../common/connect-in-process';
import { CliError, EXIT } from '../exit-codes';
import { followRun } from '../follow-stream';
import { caseDetails, caseLine, closingLine, testRunJunit } from '../reporters/test-report';
import type { CommandIo } from './request-command';
import type { Reporter } from '../reporters/reporter-option';

export type { Reporter } from '../reporters/reporter-option';

export interface TestOptions {
  paths: string[];
  reporter: Reporter;
  bail: boolean;
  workspace: string | undefined;
  output: string | undefined;
  handshakeTimeoutMs: number;
  json?: boolean;
}

/**
 * `mcp-lab test [paths…]`: run saved suites headless with the engine's one runner. Exit 0 when
 * everything passed, 1 when a case failed or a suite file has a problem. The last line is always
 * `N passed, N failed` (on stderr when stdout carries a JSON or JUnit report).
 */
export async function testCommand(o: TestOptions, io: CommandIo): Promise<number> {
  const workspaceDir = path.resolve(o.workspace ?? process.cwd());
  if (o.workspace !== undefined && !existsSync(workspaceDir))
    throw new CliError(`the workspace folder ${workspaceDir} does not exist`, EXIT.usage);
  const { api, dispose } = await connectInProcess({
    workspaceDir,
    appDataDir: appDataDir(),
    host: 'cli',
    handshakeTimeoutMs: o.handshakeTimeoutMs,
  });
  try {
    const testsDir = path.join(workspaceDir, TESTS_DIR);
    if (!o.paths.length && !existsSync(testsDir)) {
      throw new CliError(
        `no suites: ${testsDir} does not exist. Give suite files or folders, or --workspace <dir> (save tests from the app with "Save as test")`,
        EXIT.usage,
      );
    }
    // Given on the command line: relative to where mcp-lab runs, not to the workspace.
    const paths = o.paths.length ? { paths: o.paths.map((p) => path.resolve(p)) } : {};
    const printed = new Set<string>();
    let lastSuite: string | undefined;
    const live = o.reporter === 'list' && !o.output && !o.json;
    const printNew = (run: TestRun) => {
      for (const r of run.results) {
        const key = `${r.suiteId}#${r.caseIndex}`;
        if (printed.has(key) || r.status === 'pending' || r.status === 'running') continue;
        printed.add(key);
        if (r.suiteId !== lastSuite) {
          lastSuite = r.suiteId;
          io.out.write(`\n${r.suiteId}\n`);
        }
        io.out.write([caseLine(r), ...caseDetails(r)].join('\n') + '\n');
      }
    };
    let runId: string | undefined;
    const onAbort = () => {
      // A run that ended meanwhile is NotFound or already stopped: nothing left to stop, nothing to report.
      if (runId !== undefined) api.call('tests.stop', { runId }).catch(() => undefined);
    };
    io.signal.addEventListener('abort', onAbort, { once: true });
    let run: TestRun;
    try {
      run = await followRun(
        api,
        'tests.progressed',
        async () => {
          const started = await api.call('tests.run', { bail: o.bail, ...paths });
          runId = started.runId;
          // Ctrl+C before the run had an id: stop it now.
          if (io.signal.aborted) onAbort();
          return started;
        },
        (r) => r.state !== 'running',
        live ? printNew : undefined,
      );
    } finally {
      io.signal.removeEventListener('abort', onAbort);
    }
    if (run.total === 0 && run.problems.length === 0)
      throw new CliError(`no test cases found in ${o.paths.length ? o.paths.join(', ') : testsDir}`, EXIT.usage);

    const { suites } = await api.call('tests.list', paths);
    const report =
      o.reporter === 'junit' ? testRunJunit(run, suites) : o.reporter === 'json' ? JSON.stringify(run, null, 2) + '\n' : undefined;
    if (report !== undefined) {
      if (o.output) await writeFile(o.output, report);
      else if (!o.json) io.out.write(report);
    } else if (o.output) {
      // list into a file: the whole report at once
      const lines: string[] = [];
      for (const r of run.results) lines.push(caseLine(r), ...caseDetails(r));
      await writeFile(o.output!, lines.join('\n') + '\n');
    }
    // Problems and the closing line: stdout, unless stdout carries a machine-readable report.
    const human = (report !== undefined || o.json) && !o.output ? io.err : io.out;
    const problems = run.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    if (problems.length) human.write(`\nsuite files with problems (not run):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    const failed = run.failed + run.problems.length;
    human.write(`\n${closingLine(run.passed, failed, run.skipped)}\n`);
    const code = run.state === 'stopped' ? EXIT.cancelled : failed > 0 ? EXIT.toolError : EXIT.ok;
    if (o.json) io.report.set(code, run, failed > 0 ? closingLine(run.passed, failed, run.skipped) : undefined);
    return code;
  } finally {
    await dispose();
  }
}
