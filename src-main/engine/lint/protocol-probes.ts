import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { EmptyResultSchema } from '../../../src-shared/api/schemas/request';
import { deref, withoutNull } from '../../../src-shared/json-schema/refs';
import { createRandom, sampleArguments } from '../../../src-shared/json-schema/sample-values';
import type { LogService } from '../logs/log-service';
import * as req from '../mcp/server-requests';
import type { ServerSession } from '../servers/server-session';
import type { RawFinding } from './list-rules';

const PROBE_TIMEOUT_MS = 5_000;
/** How long a cancelled call is watched for a late result. */
const CANCEL_WATCH_MS = 4_000;
const CANCEL_AFTER_MS = 300;
const MAX_CANCEL_PROBES = 3;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Ask the server things every MCP server must handle: a method it does not know, a ping, a
 * cancelled call. Plus what it already wrote to stdout. Only read-only tools are ever called.
 */
export async function probeProtocol(session: ServerSession, logs: LogService): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  const stdout = logs.since(session.id, 0).entries.filter((e) => e.source === 'stdout');
  if (stdout.length || session.hints.some((h) => h.includes('stdout'))) {
    out.push({
      ruleId: 'stdout-pollution',
      message: `the server wrote ${stdout.length || 'some'} non-protocol line(s) to stdout${stdout[0] ? `, first: "${stdout[0].text.slice(0, 120)}"` : ''}`,
    });
  }
  const conn = session.readyConnection;
  if (!conn) return out;

  const unknown = await conn.request('mcp-lab/no-such-method', {}, EmptyResultSchema, { timeoutMs: PROBE_TIMEOUT_MS });
  if (unknown.status === 'ok')
    out.push({ ruleId: 'unknown-method', message: 'the request "mcp-lab/no-such-method" was answered with a result' });
  else if (unknown.status === 'timeout')
    out.push({
      ruleId: 'unknown-method',
      message: `the request "mcp-lab/no-such-method" got no answer within ${PROBE_TIMEOUT_MS / 1000} s`,
    });
  else if (unknown.status === 'protocolError' && unknown.code !== ErrorCode.MethodNotFound) {
    if (isPythonSdkUnknownMethodAnswer(unknown.code, unknown.message)) {
      // The author cannot change this answer (the SDK under FastMCP gives it for every unknown
      // method), so it is no finding of theirs: a line in the log says what was seen.
      logs.append(session.id, {
        source: 'app',
        level: 'info',
        text: `lint: "mcp-lab/no-such-method" got the MCP Python SDK's standard answer (${unknown.code} "${unknown.message}", not -32601); not counted against this server`,
      });
    } else {
      out.push({
        ruleId: 'unknown-method',
        message: `the request "mcp-lab/no-such-method" was answered with error ${unknown.code} ("${unknown.message}") instead of -32601`,
      });
    }
  }

  if (!session.readyConnection) return out;
  const ping = await req.ping(session.readyConnection, { timeoutMs: PROBE_TIMEOUT_MS });
  if (ping.status !== 'ok')
    out.push({
      ruleId: 'ping-unanswered',
      message: `ping ${ping.status === 'timeout' ? `got no answer within ${PROBE_TIMEOUT_MS / 1000} s` : `failed: ${ping.status === 'protocolError' ? `${ping.code} ${ping.message}` : ping.status}`}`,
    });

  out.push(...(await probeCancellation(session, logs)));
  return out;
}

/**
 * Call each read-only tool with arguments that make it work long (numbers at their maximum),
 * cancel it after a moment, and watch the wire: a *result* arriving afterwards means the work went
 * on. (An error reply such as the Python SDK's "Request cancelled" means it stopped: fine.) A late
 * result is confirmed by a second try: a quick tool whose first call was slow (a cold start on a
 * busy machine) had its result already on the way, and answers in time the second time.
 */
async function probeCancellation(session: ServerSession, logs: LogService): Promise<RawFinding[]> {
  const tools = (session.tools?.tools ?? [])
    .filter((t) => t.annotations?.readOnlyHint === true && t.annotations?.destructiveHint !== true)
    .slice(0, 10);
  const out: RawFinding[] = [];
  let probed = 0;
  for (const tool of tools) {
    if (probed >= MAX_CANCEL_PROBES || !session.readyConnection) break;
    const args = longRunningArgs(tool.inputSchema);
    const first = await cancelOnce(session, logs, tool.name, args);
    if (first === 'quick') continue; // too quick to cancel: inconclusive
    if (first === 'gone') break;
    probed++;
    if (first !== 'result' || (await cancelOnce(session, logs, tool.name, args)) !== 'result') continue;
    out.push({
      ruleId: 'cancellation-ignored',
      message: `tool "${tool.name}" sent its result after the call was cancelled (${JSON.stringify(args).slice(0, 80)}): the work went on`,
      target: { kind: 'tool', name: tool.name },
    });
  }
  return out;
}

/** One call cancelled after a moment: what came back afterwards (a result, an error, nothing). */
async function cancelOnce(
  session: ServerSession,
  logs: LogService,
  toolName: string,
  args: Record<string, unknown>,
): Promise<'quick' | 'gone' | 'result' | 'error' | 'none'> {
  const seq = logs.lastSeq;
  const ac = new AbortController();
  const callId = `lint-${randomUUID()}`;
  const pending = session.callTool({ callId, toolName, arguments: args, timeoutMs: CANCEL_WATCH_MS + 5_000 }, ac.signal, () => {});
  if (!pending) return 'gone';
  let finished = false;
  void pending.then(() => (finished = true));
  await sleep(CANCEL_AFTER_MS);
  if (finished) return 'quick';
  const sent = logs
    .since(session.id, seq)
    .entries.find(
      (e) =>
        e.source === 'protocol' &&
        e.protocol?.dir === 'out' &&
        e.protocol.method === 'tools/call' &&
        (e.data as { params?: { name?: string } } | undefined)?.params?.name === toolName,
    );
  ac.abort();
  await pending;
  const id = sent?.protocol?.id;
  if (id === undefined) return 'none';
  const deadline = Date.now() + CANCEL_WATCH_MS;
  while (Date.now() < deadline) {
    await sleep(100);
    const reply = logs
      .since(session.id, seq)
      .entries.find((e) => e.source === 'protocol' && e.protocol?.dir === 'in' && e.protocol.id === id);
    if (reply) return reply.protocol?.kind === 'response' ? 'result' : 'error';
  }
  return 'none';
}

/** The MCP Python SDK's answer to any method it does not know: its validation error, word for word. */
function isPythonSdkUnknownMethodAnswer(code: number, message: string): boolean {
  return code === ErrorCode.InvalidParams && message === 'Invalid request parameters';
}

/** Valid arguments with every bounded number at its maximum: the slowest input the schema allows. */
function longRunningArgs(schema: Record<string, unknown>): Record<string, unknown> {
  const args = sampleArguments(schema, { random: createRandom(7), optionalRate: 0 });
  const props = (deref(schema, schema).properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [k, raw] of Object.entries(props)) {
    const s = withoutNull(schema, raw);
    if ((s.type === 'number' || s.type === 'integer') && typeof s.maximum === 'number') args[k] = s.maximum;
  }
  return args;
}
