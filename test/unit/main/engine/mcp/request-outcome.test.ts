import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  effectiveTimeout,
  failureFields,
  failureFromError,
  invalidResult,
  judge,
  mayMeanExit,
  type Exchange,
  type ExitFacts,
} from '../../../../../src-main/engine/mcp/request-outcome';
import { mcpErrorParts } from '../../../../../src-main/engine/mcp/outcome-errors';

const exit: ExitFacts = { exitCode: 3, signal: null, message: 'the server process exited (exit code 3)', stderrTail: ['boom'] };
const facts = { startedAt: 1, durationMs: 2, requestBytes: 30 };

describe('failureFromError', () => {
  const timeout = new McpError(ErrorCode.RequestTimeout, 'Request timed out');
  const closed = new McpError(ErrorCode.ConnectionClosed, 'Connection closed');

  it('says cancelled when the caller aborted, whatever the error', () => {
    expect(failureFromError(timeout, { aborted: true, exit, timeoutMs: 100 })).toEqual({ status: 'cancelled' });
  });

  it('says crashed, with the exit facts, when the process is known to have exited', () => {
    expect(failureFromError(closed, { aborted: false, exit, timeoutMs: 100 })).toEqual({ status: 'crashed', ...exit });
  });

  it('says timeout with the deadline in force', () => {
    expect(failureFromError(timeout, { aborted: false, exit: undefined, timeoutMs: 250 })).toEqual({ status: 'timeout', timeoutMs: 250 });
  });

  it("keeps a server's JSON-RPC error: code, message without the SDK's prefix, data", () => {
    const e = new McpError(-32002, 'Resource not found: x://y', { uri: 'x://y' });
    expect(failureFromError(e, { aborted: false, exit: undefined, timeoutMs: 1 })).toEqual({
      status: 'protocolError',
      code: -32002,
      message: 'Resource not found: x://y',
      data: { uri: 'x://y' },
    });
  });

  it('makes anything else an internal error with its message', () => {
    expect(failureFromError(new Error('write EPIPE'), { aborted: false, exit: undefined, timeoutMs: 1 })).toEqual({
      status: 'protocolError',
      code: ErrorCode.InternalError,
      message: 'write EPIPE',
    });
  });
});

describe('mayMeanExit / effectiveTimeout', () => {
  it('waits for exit facts only after a closed connection or a non-MCP error', () => {
    expect(mayMeanExit(new McpError(ErrorCode.ConnectionClosed, 'x'))).toBe(true);
    expect(mayMeanExit(new Error('EPIPE'))).toBe(true);
    expect(mayMeanExit(new McpError(ErrorCode.RequestTimeout, 'x'))).toBe(false);
    expect(mayMeanExit(new McpError(-32602, 'x'))).toBe(false);
  });

  it('names the hard maximum when a call ran into it', () => {
    expect(effectiveTimeout(599_990, 60_000, 600_000)).toBe(600_000);
    expect(effectiveTimeout(60_010, 60_000, 600_000)).toBe(60_000);
  });
});

describe('judge / invalidResult', () => {
  const Schema = z.object({ contents: z.array(z.object({ uri: z.string() })) });

  it('passes an answer of the right shape through as sent, extra fields kept', () => {
    const x: Exchange = { answered: true, raw: { contents: [{ uri: 'a://b', extra: 1 }] }, facts };
    expect(judge('resources/read', x, Schema)).toEqual({ ok: true, result: { contents: [{ uri: 'a://b', extra: 1 }] } });
  });

  it('turns an answer of the wrong shape into -32603 with the raw result and the issues', () => {
    const raw = { contents: 'not a list' };
    const j = judge('resources/read', { answered: true, raw, facts }, Schema);
    expect(j.ok).toBe(false);
    if (j.ok) return;
    expect(j.failure).toMatchObject({ status: 'protocolError', code: -32603, data: { raw } });
    if (j.failure.status !== 'protocolError') return;
    expect(j.failure.message).toMatch(/^the server answered with an invalid resources\/read result at contents: /);
    expect((j.failure.data as { issues: unknown[] }).issues).toHaveLength(1);
  });

  it('passes a failure through', () => {
    expect(judge('ping', { answered: false, failure: { status: 'cancelled' }, facts }, Schema)).toEqual({
      ok: false,
      failure: { status: 'cancelled' },
    });
  });

  it('says "wrong shape" when the schema gives no message', () => {
    expect(invalidResult('ping', 1, [])).toMatchObject({ message: 'the server answered with an invalid ping result: wrong shape' });
  });
});

describe('failureFields', () => {
  it('adds the response size to protocol errors only', () => {
    const withResponse = { ...facts, responseBytes: 99 };
    expect(failureFields({ status: 'protocolError', code: 1, message: 'm' }, withResponse)).toMatchObject({ responseBytes: 99 });
    expect(failureFields({ status: 'timeout', timeoutMs: 5 }, withResponse)).toEqual({ status: 'timeout', timeoutMs: 5 });
    expect(failureFields({ status: 'protocolError', code: 1, message: 'm' }, facts)).not.toHaveProperty('responseBytes');
  });
});

describe('mcpErrorParts', () => {
  it('strips the prefix a TypeScript SDK server already put in its message, as well as our own SDK’s', () => {
    // What the client builds from a server error whose message is "MCP error -32602: Prompt nope not found".
    const e = new McpError(-32602, 'MCP error -32602: Prompt nope not found');
    expect(e.message).toBe('MCP error -32602: MCP error -32602: Prompt nope not found');
    expect(mcpErrorParts(e)).toEqual({ code: -32602, message: 'Prompt nope not found' });
  });
});
