import { writeFile } from 'node:fs/promises';
import type { FuzzRun } from '../../../../src-shared/api/schemas/fuzz';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';
import type { CommandIo } from './request-command';
import { requireTool } from './require-tool';

export interface FuzzOptions extends AdhocOptions {
  tool: string;
  seed: number | undefined;
  runs: number;
  timeoutMs: number;
  shrink: boolean;
  json: boolean;
  saveSuite: string | undefined;
}

/**
 * `mcp-lab fuzz <tool> -- <command>`: fuzz one tool from its inputSchema. Exit 0 when nothing was
 * found, 1 when there are findings. `--seed` replays a run exactly; `--save-suite` writes the
 * findings as a suite file that `mcp-lab test` runs.
 */
export async function fuzzCommand(o: FuzzOptions, io: CommandIo): Promise<number> {
  if (o.saveSuite && o.url !== undefined) throw new CliError('--save-suite needs a command after -- or --workspace: a saved suite cannot reach a server by URL yet', EXIT.usage);
  const s = await startAdhocServer(o, io.signal);
  try {
    await requireTool(s, o.tool);
    const fuzz = s.engine.testing.fuzz;
    const started = await s.api.call('fuzz.start', {
      serverId: s.serverId,
      toolName: o.tool,
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      runs: o.runs,
      timeoutMs: o.timeoutMs,
      shrink: o.shrink,
    });
    const onAbort = () => fuzz.stop(started.runId);
    io.signal.addEventListener('abort', onAbort, { once: true });
    if (!o.json) io.err.write(`fuzzing ${o.tool} with ${started.total} inputs (seed ${started.spec.seed}; replay with --seed ${started.spec.seed})…\n`);
    const run = await fuzz.finished(started.runId).finally(() => io.signal.removeEventListener('abort', onAbort));
    if (o.saveSuite && run.findings.length) await saveSuite(o, run);
    if (!o.json) printHuman(run, io.out);
    if (!o.json && o.saveSuite && run.findings.length) io.out.write(`\nsaved ${run.findings.length} test case(s) to ${o.saveSuite}: run them with mcp-lab test ${o.saveSuite}\n`);
    if (run.state === 'failed') io.err.write(`mcp-lab: ${run.reason}\n`);
    const code = run.state === 'stopped' ? EXIT.cancelled : run.findings.length ? EXIT.toolError : run.state === 'failed' ? EXIT.serverFailed : EXIT.ok;
    const reason = run.state === 'failed' ? run.reason : run.findings.length ? `${run.findings.length} finding(s)` : undefined;
    if (o.json) io.report.set(code, run, reason);
    return code;
  } finally {
    await s.dispose();
  }
}

function printHuman(run: FuzzRun, out: NodeJS.WritableStream): void {
  const statuses = Object.entries(run.byStatus).map(([k, v]) => `${v} ${k}`).join(', ');
  out.write(`${run.done} calls (${statuses || 'none'})${run.restarts ? `, ${run.restarts} restart(s)` : ''}\n`);
  if (!run.findings.length) {
    out.write('no findings\n');
    return;
  }
  out.write(`\n${run.findings.length} finding(s):\n`);
  for (const f of run.findings) {
    out.write(`\n  ${f.severity.toUpperCase()} ${f.kind}: ${f.title}\n`);
    out.write(`    input:     ${JSON.stringify(f.input).slice(0, 300)}${f.shrinkSteps ? `  (shrunk in ${f.shrinkSteps} step(s))` : ''}\n`);
    out.write(`    generator: ${f.generator}${f.occurrences > 1 ? ` (seen ${f.occurrences} times)` : ''}\n`);
    out.write(`    ${f.detail}\n`);
  }
}

async function saveSuite(o: FuzzOptions, run: FuzzRun): Promise<void> {
  const [command, ...args] = o.command;
  const server = o.workspace !== undefined ? (o.server ?? 'server') : { command, args };
  const suite = { name: `fuzz findings for ${o.tool} (seed ${run.spec.seed})`, server, timeoutMs: o.timeoutMs, cases: run.findings.map((f) => f.testCase) };
  await writeFile(o.saveSuite!, JSON.stringify(suite, null, 2) + '\n');
}
