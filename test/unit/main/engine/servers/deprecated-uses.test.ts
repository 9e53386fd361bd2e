import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../../src-shared/api/schemas/log';
import type { OAuthTrace } from '../../../../../src-shared/api/schemas/oauth-trace';
import type { ServerConfig } from '../../../../../src-shared/api/schemas/server';
import { observedDeprecations } from '../../../../../src-main/engine/servers/deprecated-uses';

const stdio: ServerConfig = { id: 's', name: 's', transport: 'stdio', command: 'python', args: ['server.py'], env: [] };
let seq = 0;
const inbound = (data: Record<string, unknown>, kind: 'request' | 'response' | 'notification' = 'request'): LogEntry => ({
  seq: ++seq,
  ts: 1,
  serverId: 's',
  source: 'protocol',
  level: 'info',
  text: '',
  data,
  protocol: { dir: 'in', kind, bytes: 10, ...(typeof data.method === 'string' ? { method: data.method } : {}) },
});

describe('observedDeprecations', () => {
  it('nothing deprecated: empty', () => {
    expect(
      observedDeprecations({ config: stdio, info: { name: 'x', version: '1', capabilities: { tools: {} } }, entries: [], traces: [] }),
    ).toEqual([]);
  });

  it('sampling with includeContext, roots and logging, seen in what the server sent, in the registry order', () => {
    const entries = [
      inbound({ jsonrpc: '2.0', id: 1, method: 'roots/list' }),
      inbound({
        jsonrpc: '2.0',
        id: 2,
        method: 'sampling/createMessage',
        params: { messages: [], maxTokens: 5, includeContext: 'thisServer' },
      }),
      { ...inbound({}), source: 'notification' as const, protocol: undefined, data: 'hello' },
    ];
    const uses = observedDeprecations({ config: stdio, info: { name: 'x', version: '1', capabilities: {} }, entries, traces: [] });
    expect(uses.map((u) => u.feature)).toEqual(['roots', 'sampling', 'logging', 'includeContext']);
    expect(uses.find((u) => u.feature === 'includeContext')!.evidence).toEqual([
      'its sampling request asked for includeContext "thisServer"',
    ]);
  });

  it('a 2026-07-28 input_required result that embeds sampling counts as sampling; a declared logging capability counts as logging', () => {
    const entries = [
      inbound(
        {
          jsonrpc: '2.0',
          id: 3,
          result: {
            resultType: 'input_required',
            inputRequests: { a: { method: 'sampling/createMessage', params: { includeContext: 'none' } } },
          },
        },
        'response',
      ),
    ];
    const uses = observedDeprecations({
      config: stdio,
      info: { name: 'x', version: '1', capabilities: { logging: {} } },
      entries,
      traces: [],
    });
    expect(uses).toEqual([
      { feature: 'sampling', evidence: ['it asked for sampling/createMessage during this run'] },
      { feature: 'logging', evidence: ['it declares the logging capability'] },
    ]);
  });

  it('HTTP+SSE from the transport; dynamic client registration from a sign-in that registered', () => {
    const config: ServerConfig = {
      ...({ id: 'r', name: 'r', transport: 'sse', url: 'http://127.0.0.1:1/sse' } as unknown as ServerConfig),
    };
    const trace = {
      steps: [{ kind: 'client', state: 'ok', facts: [['registration endpoint', '/register']] }],
    } as unknown as OAuthTrace;
    const failed = {
      steps: [{ kind: 'client', state: 'failed', facts: [['registration endpoint', '/register']] }],
    } as unknown as OAuthTrace;
    expect(observedDeprecations({ config, info: undefined, entries: [], traces: [failed] }).map((u) => u.feature)).toEqual(['httpSse']);
    expect(observedDeprecations({ config, info: undefined, entries: [], traces: [trace] }).map((u) => u.feature)).toEqual([
      'dynamicClientRegistration',
      'httpSse',
    ]);
  });
});
