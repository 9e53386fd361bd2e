import { randomUUID } from 'node:crypto';
import { ProtocolDecodeError } from '@modelcontextprotocol/ext-tasks/core';
import { toolDeclaration, withTasks, type TaskView, type ToolExecution } from '@modelcontextprotocol/ext-tasks/client';
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import { taskSupportOf, type TaskRecord, type TaskStatus } from '../../../src-shared/api/schemas/task';
import type { ToolCallOutcome, ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { Clock } from '../base/clock';
import type { CallRequest, ServerConnection } from '../mcp/connection-base';
import { ConnectionTaskPort } from './connection-task-port';
import type { TaskRegistry } from './task-registry';

export interface TaskCallDeps {
  serverId: string;
  clock: Clock;
  registry: TaskRegistry;
}

const AnyResult = z.unknown();

type Failure = Extract<RequestOutcome<unknown>, { status: 'timeout' | 'cancelled' | 'crashed' }>;

/**
 * Call a tool as a task and wait for its end. The ext-tasks client runs the task's life (creation,
 * status notifications and polling, `tasks/result`, cancel) in whichever form the server speaks;
 * each status lands in the registry. The caller gets a tool-call outcome like any other, with
 * the task's record (and its history) attached. Aborting `signal` cancels the task on the server.
 */
export async function runTaskCall(
  conn: ServerConnection,
  tool: ToolInfo,
  req: CallRequest,
  signal: AbortSignal,
  onProgress: (p: Progress) => void,
  deps: TaskCallDeps,
): Promise<ToolCallOutcome> {
  const { clock, registry, serverId } = deps;
  const startedAt = clock.now();
  const t0 = clock.monotonic();
  let requestBytes = 0;
  let responseBytes = 0;
  let lastFailure: Failure | undefined;
  /** The last answer the server gave (method and result), to show when the tasks client cannot read it. */
  let lastAnswer: { method: string; result: unknown } | undefined;
  let record: TaskRecord | undefined;
  const port = new ConnectionTaskPort(`mcp-lab:${serverId}:${randomUUID()}`, conn, {
    timeoutMs: req.timeoutMs,
    onOutcome: (method, o) => {
      if (method === 'tools/call') requestBytes += o.requestBytes;
      if ('responseBytes' in o && typeof o.responseBytes === 'number') responseBytes = o.responseBytes;
      if (o.status === 'timeout' || o.status === 'cancelled' || o.status === 'crashed') lastFailure = o;
      if (o.status === 'ok') lastAnswer = { method, result: o.result };
    },
    onProgress: (p) => {
      onProgress(p);
      if (record)
        put({
          ...record,
          progress: {
            progress: p.progress,
            ...(p.total !== undefined ? { total: p.total } : {}),
            ...(p.message ? { message: p.message } : {}),
          },
        });
    },
  });
  const session = withTasks(port);
  const base = { callId: req.callId, serverId, toolName: req.toolName, arguments: req.arguments, startedAt };
  const facts = () => ({
    ...base,
    durationMs: Math.round((clock.monotonic() - t0) * 100) / 100,
    requestBytes,
    ...(record ? { task: record } : {}),
  });
  const put = (r: TaskRecord, cancel?: () => Promise<void>) => {
    record = r;
    registry.put(r, cancel);
  };
  // The 2025-11-25 form delivers an input_required task's questions only as the answer stream of
  // `tasks/result` (the spec: a requestor SHOULD call it on input_required). ext-tasks 0.2 only polls
  // tasks/get there, so MCP Lab makes that call itself; the questions reach the usual dialog.
  const nudge = new AbortController();
  let nudging = false;
  const askForInput = (taskId: string) => {
    if (nudging || port.taskCapabilities.generation !== 'v1') return;
    nudging = true;
    void conn
      .request('tasks/result', { taskId }, AnyResult, { timeoutMs: req.timeoutMs, signal: nudge.signal })
      .finally(() => (nudging = false));
  };
  let execution: ToolExecution<unknown> | undefined;
  const onAbort = () => void execution?.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    execution = await session.callTool(req.toolName, req.arguments as never, {
      declaration: toolDeclaration({ name: tool.name, inputSchema: tool.inputSchema as never, taskSupport: taskSupportOf(tool) }),
      task: { preference: 'require' },
      requestTimeoutMs: req.timeoutMs,
      // No signal here: ext-tasks takes it as "stop waiting, leave the task running". Abandoning
      // the call means cancelling the task, which onAbort does.
    });
    const exec = execution;
    if (signal.aborted) onAbort();
    const observe = (view: TaskView) => {
      put(nextRecord(record, view, base, clock.now()), exec.kind === 'task' ? () => exec.cancel() : undefined);
      if (view.status === 'input_required') askForInput(view.taskId);
    };
    const { outcome } = await exec.settle({
      onEvent: (e) => (e.type === 'task' ? observe(e.task) : e.outcome.task ? observe(e.outcome.task) : undefined),
    });
    if (outcome.task) observe(outcome.task);
    if (outcome.status === 'completed') {
      const result = outcome.result as CallToolResult;
      if (record && record.status !== 'completed') put(withStatus(record, 'completed', undefined, clock.now()));
      return { ...facts(), status: result.isError ? 'toolError' : 'ok', result, responseBytes };
    }
    if (outcome.status === 'cancelled') {
      if (record && record.status !== 'cancelled') put(withStatus(record, 'cancelled', undefined, clock.now()));
      return { ...facts(), status: 'cancelled' };
    }
    if (record) put({ ...withStatus(record, 'failed', record.statusMessage, clock.now()), error: outcome.error.message });
    return {
      ...facts(),
      status: 'protocolError',
      code: outcome.error.code ?? -32603,
      message: `the task failed: ${outcome.error.message}`,
      ...(outcome.error.data !== undefined ? { data: outcome.error.data } : {}),
    };
  } catch (e) {
    return failureOutcome(e, lastFailure, lastAnswer, signal, facts());
  } finally {
    signal.removeEventListener('abort', onAbort);
    nudge.abort();
    await session.close().catch(() => undefined);
    port.dispose();
  }
}

function failureOutcome(
  e: unknown,
  lastFailure: Failure | undefined,
  lastAnswer: { method: string; result: unknown } | undefined,
  signal: AbortSignal,
  f: Omit<Extract<ToolCallOutcome, { status: 'cancelled' }>, 'status'>,
): ToolCallOutcome {
  if (signal.aborted) return { ...f, status: 'cancelled' };
  if (lastFailure?.status === 'timeout') return { ...f, status: 'timeout', timeoutMs: lastFailure.timeoutMs };
  if (lastFailure?.status === 'crashed') {
    const { exitCode, signal: sig, message, stderrTail } = lastFailure;
    return { ...f, status: 'crashed', exitCode, signal: sig, message, stderrTail };
  }
  if (e instanceof ProtocolDecodeError && lastAnswer) {
    // A server that answers in another shape than the tasks spec's (an early draft, a bug): say
    // which answer, what is wrong with it, and keep the answer itself for the raw view.
    return {
      ...f,
      status: 'protocolError',
      code: -32603,
      message: `the server's answer to ${lastAnswer.method} is not a valid task answer${issuesText(e)}. A 2025-11-25 server answers a task-augmented tools/call with {"task": {"taskId", "status", …}} and tasks/get with the task's fields.`,
      data: { method: lastAnswer.method, answer: lastAnswer.result },
    };
  }
  const err = e as { code?: unknown; message?: unknown; data?: unknown };
  return {
    ...f,
    status: 'protocolError',
    code: typeof err.code === 'number' ? err.code : -32603,
    message: typeof err.message === 'string' ? err.message : String(e),
    ...(err.data !== undefined ? { data: err.data } : {}),
  };
}

function issuesText(e: ProtocolDecodeError): string {
  const issues = (e.cause as { issues?: { path?: PropertyKey[]; message?: string }[] } | undefined)?.issues ?? [];
  const parts = issues.slice(0, 3).map((i) => `${(i.path ?? []).map(String).join('.') || '(top level)'}: ${i.message ?? 'invalid'}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function ms(iso: string | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

function withStatus(r: TaskRecord, status: TaskStatus, statusMessage: string | undefined, now: number): TaskRecord {
  return {
    ...r,
    status,
    ...(statusMessage !== undefined ? { statusMessage } : {}),
    lastUpdatedAt: now,
    history: [...r.history, { at: now, status, ...(statusMessage !== undefined ? { statusMessage } : {}) }],
  };
}

/** The record after the server reported `view`; a repeated status and message adds no history step. */
function nextRecord(
  prev: TaskRecord | undefined,
  view: TaskView,
  base: Pick<TaskRecord, 'callId' | 'serverId' | 'toolName' | 'arguments'>,
  now: number,
): TaskRecord {
  const at = ms(view.lastUpdatedAt, now);
  const same = prev && prev.status === view.status && prev.statusMessage === view.statusMessage;
  const step = { at, status: view.status, ...(view.statusMessage !== undefined ? { statusMessage: view.statusMessage } : {}) };
  const { statusMessage: _drop, ...prevRest } = prev ?? ({} as Partial<TaskRecord>);
  return {
    ...base,
    ...prevRest,
    taskId: view.taskId,
    status: view.status,
    ...(view.statusMessage !== undefined ? { statusMessage: view.statusMessage } : {}),
    ttlMs: view.retentionMs,
    ...(view.suggestedPollIntervalMs !== undefined ? { pollIntervalMs: view.suggestedPollIntervalMs } : {}),
    createdAt: prev?.createdAt ?? ms(view.createdAt, now),
    lastUpdatedAt: at,
    history: same ? prev.history : [...(prev?.history ?? []), step],
  };
}
