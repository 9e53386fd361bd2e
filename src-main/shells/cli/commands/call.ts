import type { ToolCallOutcome } from '../../../../src-shared/api/schemas/tool';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { exitCodeFor } from '../exit-codes';
import { parseJsonObject } from './json-option';
import { failureLine } from './outcome-lines';
import { writeContentBlock } from './print-content';

export interface CallOptions extends AdhocOptions {
  tool: string;
  args: string | undefined;
  timeoutMs: number;
  json: boolean;
}

export async function callCommand(o: CallOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream, signal: AbortSignal): Promise<number> {
  const args = parseJsonObject('--args', o.args, '{"name": "Ada"}');
  const s = await startAdhocServer(o);
  try {
    const outcome = await s.api.call('tools.call', { serverId: s.serverId, toolName: o.tool, arguments: args, timeoutMs: o.timeoutMs }, { signal });
    if (o.json) out.write(JSON.stringify(outcome, null, 2) + '\n');
    else printHuman(outcome, out);
    if (outcome.status !== 'ok') err.write(`mcp-lab: ${oneLine(outcome)}\n`);
    return exitCodeFor(outcome.status);
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
