import type { ToolCallOutcome } from '../../../../src-shared/api/schemas/tool';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { ApiError } from '../../../../src-shared/api/errors';
import { CliError, EXIT, exitCodeFor } from '../exit-codes';
import { parseJsonObject } from './json-option';
import { failureLine } from './outcome-lines';
import { writeContentBlock } from './print-content';
import { createTaskLinePrinter } from './task-lines';
import type { CommandIo } from './request-command';
import { formatStop, parseBreaks, reportStops } from '../debug-session';

export interface CallOptions extends AdhocOptions {
  tool: string;
  args: string | undefined;
  timeoutMs: number;
  json: boolean;
  /** Run a tool whose task support is optional as a task (required ones always are). */
  task: boolean;
  /** `--break FILE:LINE`: run under the debugger, report each stop with its locals, and go on. */
  break: string[];
}

export async function callCommand(o: CallOptions, io: CommandIo): Promise<number> {
  const args = parseJsonObject('--args', o.args, '{"name": "Ada"}');
  const breakpoints = o.break.length ? parseBreaks(o.break, o.workspace) : undefined;
  const s = await startAdhocServer({ ...o, breakpoints }, io.signal);
  try {
    // A call that runs as a task says how it goes on stderr (stdout keeps only the result).
    const printStatuses = createTaskLinePrinter(io.err);
    const statuses = s.api.subscribe('tasks.changed', { serverId: s.serverId }, ({ tasks }) => printStatuses(tasks));
    const send = () =>
      s.api
        .call(
          'tools.call',
          { serverId: s.serverId, toolName: o.tool, arguments: args, timeoutMs: o.timeoutMs, ...(o.task ? { asTask: true } : {}) },
          { signal: io.signal },
        )
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.code === 'InvalidParams')
            throw new CliError(e.message.replace('without asTask', 'without --task'), EXIT.usage);
          throw e;
        })
        .finally(() => statuses.dispose());
    // Under the debugger, each stop is printed as it happens (human) and collected (--json).
    const { value: outcome, stops } = breakpoints
      ? await reportStops(s.api, s.serverId, send, (stop) => {
          if (!o.json) io.out.write(formatStop(stop));
        })
      : { value: await send(), stops: undefined };
    if (stops && stops.length === 0) io.err.write(`mcp-lab: the call did not reach a breakpoint (${o.break.join(', ')})\n`);
    // The last statuses may still be on their way in the stream: the outcome has them all.
    if (outcome.task) printStatuses([outcome.task]);
    const code = exitCodeFor(outcome.status);
    const reason = outcome.status === 'ok' ? undefined : oneLine(outcome);
    if (o.json) io.report.set(code, { server: s.summary.info, ...outcome, ...(stops ? { stops } : {}) }, reason);
    else printHuman(outcome, io.out);
    if (reason !== undefined) io.err.write(`mcp-lab: ${reason}\n`);
    return code;
  } finally {
    await s.dispose();
  }
}

function printHuman(o: ToolCallOutcome, out: NodeJS.WritableStream): void {
  if (o.status === 'ok' || o.status === 'toolError') {
    for (const block of o.result.content ?? []) writeContentBlock(block, out);
    if (o.result.structuredContent !== undefined && (o.result.content ?? []).length === 0) {
      out.write(JSON.stringify(o.result.structuredContent, null, 2) + '\n');
    }
  }
}

function oneLine(o: ToolCallOutcome): string {
  const ms = `${Math.round(o.durationMs)} ms`;
  if (o.status === 'ok') return `ok in ${ms}`;
  if (o.status !== 'toolError') return failureLine(o.toolName, o);
  const first = o.result.content?.find((b) => b.type === 'text');
  return `tool error from ${o.toolName} after ${ms}${first && first.type === 'text' ? `: ${first.text.split('\n')[0]}` : ''}`;
}
