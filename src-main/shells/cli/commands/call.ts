import type { ToolCallOutcome } from '../../../../src-shared/api/schemas/tool';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { CliError, EXIT, exitCodeFor } from '../exit-codes';

export interface CallOptions extends AdhocOptions {
  tool: string;
  args: string | undefined;
  timeoutMs: number;
  json: boolean;
}

export async function callCommand(o: CallOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream, signal: AbortSignal): Promise<number> {
  let args: Record<string, unknown> = {};
  if (o.args !== undefined) {
    try {
      args = JSON.parse(o.args) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(`--args is not valid JSON: ${(e as Error).message}`, EXIT.usage);
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new CliError('--args must be a JSON object, e.g. \'{"name": "Ada"}\'', EXIT.usage);
  }
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
    for (const block of o.result.content ?? []) {
      if (block.type === 'text') out.write(block.text + (block.text.endsWith('\n') ? '' : '\n'));
      else if (block.type === 'image' || block.type === 'audio') out.write(`[${block.type} ${block.mimeType}, ${Math.round((block.data.length * 3) / 4)} bytes]\n`);
      else if (block.type === 'resource_link') out.write(`[resource link ${block.uri}${block.name ? ` "${block.name}"` : ''}]\n`);
      else if (block.type === 'resource') out.write(`[embedded resource ${block.resource.uri}]\n`);
    }
    if (o.result.structuredContent !== undefined && (o.result.content ?? []).length === 0) {
      out.write(JSON.stringify(o.result.structuredContent, null, 2) + '\n');
    }
  }
}

function oneLine(o: ToolCallOutcome): string {
  const ms = `${Math.round(o.durationMs)} ms`;
  switch (o.status) {
    case 'ok':
      return `ok in ${ms}`;
    case 'toolError': {
      const first = o.result.content?.find((b) => b.type === 'text');
      return `tool error from ${o.toolName} after ${ms}${first && first.type === 'text' ? `: ${first.text.split('\n')[0]}` : ''}`;
    }
    case 'protocolError':
      return `protocol error ${o.code} from ${o.toolName}: ${o.message}`;
    case 'timeout':
      return `${o.toolName} did not answer within ${o.timeoutMs} ms (use --timeout-ms to wait longer)`;
    case 'cancelled':
      return `${o.toolName} was cancelled after ${ms}`;
    case 'crashed':
      return `the server crashed during ${o.toolName}: ${o.message}${o.stderrTail.length ? ` — last stderr: ${o.stderrTail.at(-1)}` : ''}`;
  }
}
