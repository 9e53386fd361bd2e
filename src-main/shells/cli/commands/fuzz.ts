import { writeFile } from 'node:fs/promises';
import type { FuzzRun } from '../../../../src-shared/api/schemas/fuzz';
import { describeFuzzAnswer } from '../../../../src-shared/fuzz/fuzz-answer';
import { startAdhocServer, type AdhocOptions, type AdhocSession } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';
import { followRun } from '../follow-stream';
import type { CommandIo } from './request-command';

export interface FuzzOptions extends AdhocOptions {
  /** Undefined with --all. */
  tool: string | undefined;
  all: boolean;
  seed: number | undefined;
  runs: number;
  timeoutMs: number;
  shrink: boolean;
  json: boolean;
  saveSuite: string | undefined;
}

/**
 * `mcp-lab fuzz <tool> -- <command>` (or `--all`: every tool, one after another, on one server):
 * fuzz tools from their inputSchema. Exit 0 when nothing was found, 1 when there are findings.
 * `--seed` replays a run exactly; `--save-suite` writes the findings as a suite file that
 * `mcp-lab test` runs.
 */
export async function fuzzCommand(o: FuzzOptions, io: CommandIo): Promise<number> {
  if (o.saveSuite && o.url !== undefined)
    throw new CliError('--save-suite needs a command after -- or --workspace: a saved suite cannot reach a server by URL yet', EXIT.usage);
  if (o.all === (o.tool !== undefined))
    throw new CliError(
      o.all ? 'give a tool name or --all, not both' : 'which tool? Give its name (mcp-lab fuzz <tool> -- …) or --all for every tool',
      EXIT.usage,
    );
  const s = await startAdhocServer(o, io.signal);
  try {
    const tools = (await s.api.call('tools.list', { serverId: s.serverId })).tools.map((t) => t.name);
    if (o.tool !== undefined && !tools.includes(o.tool))
      throw new CliError(`the server has no tool "${o.tool}" (tools: ${tools.join(', ') || 'none'})`, EXIT.usage);
    const names = o.tool !== undefined ? [o.tool] : tools;
    if (!names.length) throw new CliError('the server has no tools to fuzz', EXIT.usage);
    const runs: FuzzRun[] = [];
    for (const name of names) {
      if (io.signal.aborted) break;
      const run = await fuzzOne(s, name, o, io);
      runs.push(run);
      if (!o.json) printHuman(run, io.out, o.all);
      if (run.state === 'stopped' || (run.state === 'failed' && !(await isReady(s)))) break;
    }
    const findings = runs.flatMap((r) => r.findings);
    if (o.saveSuite && findings.length) await saveSuite(o, runs);
    if (!o.json && o.all)
      io.out.write(
        `\n${runs.length} tool(s) fuzzed, ${findings.length} finding(s)${
          findings.length
            ? ` in ${runs
                .filter((r) => r.findings.length)
                .map((r) => r.spec.toolName)
                .join(', ')}`
            : ''
        }\n`,
      );
    if (!o.json && o.saveSuite && findings.length)
      io.out.write(`\nsaved ${findings.length} test case(s) to ${o.saveSuite}: run them with mcp-lab test ${o.saveSuite}\n`);
    const stopped = io.signal.aborted || runs.some((r) => r.state === 'stopped');
    const failed = runs.filter((r) => r.state === 'failed');
    for (const r of failed) io.err.write(`mcp-lab: ${o.all ? `${r.spec.toolName}: ` : ''}${r.reason}\n`);
    const code = stopped ? EXIT.cancelled : findings.length ? EXIT.toolError : failed.length ? EXIT.serverFailed : EXIT.ok;
    const reason = stopped
      ? 'interrupted (Ctrl+C)'
      : findings.length
        ? `${findings.length} finding(s)`
        : failed.length
          ? failed.map((r) => r.reason).join('; ')
          : undefined;
    if (o.json) io.report.set(code, o.all ? { runs } : runs[0], reason);
    return code;
  } finally {
    await s.dispose();
  }
}

async function fuzzOne(s: AdhocSession, toolName: string, o: FuzzOptions, io: CommandIo): Promise<FuzzRun> {
  let runId: string | undefined;
  const onAbort = () => {
    // A run that ended meanwhile is NotFound or already stopped: nothing left to stop, nothing to report.
    if (runId !== undefined) s.api.call('fuzz.stop', { runId }).catch(() => undefined);
  };
  io.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await followRun(
      s.api,
      'fuzz.progressed',
      async () => {
        const started = await s.api.call('fuzz.start', {
          serverId: s.serverId,
          toolName,
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
          runs: o.runs,
          timeoutMs: o.timeoutMs,
          shrink: o.shrink,
        });
        runId = started.runId;
        // Ctrl+C before the run had an id: stop it now.
        if (io.signal.aborted) onAbort();
        if (!o.json)
          io.err.write(
            `fuzzing ${toolName} with ${started.total} inputs (seed ${started.spec.seed}; replay with --seed ${started.spec.seed})…\n`,
          );
        return started;
      },
      (r) => r.state !== 'running',
    );
  } finally {
    io.signal.removeEventListener('abort', onAbort);
  }
}

/** Whether the server is still up (a failed run may have taken it down: the next tool would fail the same way). */
async function isReady(s: AdhocSession): Promise<boolean> {
  const all = await s.api.call('servers.list', {});
  return all.find((x) => x.config.id === s.serverId)?.status.state === 'ready';
}

/** Findings come grouped by cause and sorted by severity from the engine (as in the app). */
function printHuman(run: FuzzRun, out: NodeJS.WritableStream, titled: boolean): void {
  const statuses = Object.entries(run.byStatus)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  out.write(
    `${titled ? `\n${run.spec.toolName}: ` : ''}${run.done} calls (${statuses || 'none'})${run.restarts ? `, ${run.restarts} restart(s)` : ''}\n`,
  );
  if (!run.findings.length) {
    out.write('no findings\n');
    return;
  }
  const inputs = run.findings.reduce((n, f) => n + f.occurrences, 0);
  out.write(`\n${run.findings.length} finding(s)${inputs > run.findings.length ? ` (from ${inputs} inputs)` : ''}:\n`);
  for (const f of run.findings) {
    out.write(`\n  ${f.severity.toUpperCase()} ${f.kind}: ${f.title}${f.occurrences > 1 ? `  ×${f.occurrences}` : ''}\n`);
    out.write(`    input:     ${JSON.stringify(f.input).slice(0, 300)}${f.shrinkSteps ? `  (shrunk in ${f.shrinkSteps} step(s))` : ''}\n`);
    out.write(`    answer:    ${describeFuzzAnswer(f.outcome)}\n`);
    out.write(`    generator: ${f.generator}${f.occurrences > 1 ? ` (and ${f.occurrences - 1} more input(s) with the same cause)` : ''}\n`);
    out.write(`    ${f.detail}\n`);
  }
}

async function saveSuite(o: FuzzOptions, runs: FuzzRun[]): Promise<void> {
  const [command, ...args] = o.command;
  const server = o.workspace !== undefined ? (o.server ?? 'server') : { command, args };
  const seed = runs[0]?.spec.seed;
  const what = o.tool ?? 'every tool';
  const suite = {
    name: `fuzz findings for ${what} (seed ${seed})`,
    server,
    timeoutMs: o.timeoutMs,
    cases: runs.flatMap((r) => r.findings.map((f) => f.testCase)),
  };
  await writeFile(o.saveSuite!, JSON.stringify(suite, null, 2) + '\n');
}
