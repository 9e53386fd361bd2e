/** The 2026-07-28 request headers mirrored from a POST body, and the value encoding the Streamable HTTP page gives. */
import { describe, expect, it } from 'vitest';
import { encodeHeaderValue, mirroredHeaders } from '../../../../../src-main/engine/remote/mcp-request-headers';

const modern = (method: string, params: Record<string, unknown> = {}) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method,
    params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
  });

describe('encodeHeaderValue (the specification’s examples)', () => {
  it.each([
    ['us-west1', 'us-west1'],
    ['Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='],
    [' padded ', '=?base64?IHBhZGRlZCA=?='],
    ['line1\nline2', '=?base64?bGluZTEKbGluZTI=?='],
    ['=?base64?literal?=', '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?='],
  ])('%j → %s', (value, encoded) => expect(encodeHeaderValue(value)).toBe(encoded));
});

describe('mirroredHeaders', () => {
  it('names the method of every 2026-07-28 request, and what tools/call, prompts/get, resources/read and the task methods name', () => {
    expect(mirroredHeaders(modern('tools/list'))).toEqual({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' });
    expect(mirroredHeaders(modern('tools/call', { name: 'get_weather' }))).toMatchObject({
      'mcp-method': 'tools/call',
      'mcp-name': 'get_weather',
    });
    expect(mirroredHeaders(modern('prompts/get', { name: 'greet' }))).toMatchObject({ 'mcp-name': 'greet' });
    expect(mirroredHeaders(modern('resources/read', { uri: 'file:///projects/myapp/config.json' }))).toMatchObject({
      'mcp-name': 'file:///projects/myapp/config.json',
    });
    expect(mirroredHeaders(modern('tasks/get', { taskId: 't-1' }))).toMatchObject({ 'mcp-name': 't-1' });
    // A name on a method that does not mirror it stays out.
    expect(mirroredHeaders(modern('completion/complete', { name: 'x' }))['mcp-name']).toBeUndefined();
  });

  it('adds nothing to initialize-era bodies, responses, batches or what is not JSON', () => {
    expect(mirroredHeaders(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } }))).toEqual({});
    expect(
      mirroredHeaders(
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/list',
          params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2025-11-25' } },
        }),
      ),
    ).toEqual({});
    expect(mirroredHeaders(JSON.stringify({ jsonrpc: '2.0', id: 1, result: {} }))).toEqual({});
    expect(mirroredHeaders(`[${modern('tools/list')}]`)).toEqual({});
    expect(mirroredHeaders('not json')).toEqual({});
    expect(mirroredHeaders(undefined)).toEqual({});
  });
});
