import { CallToolResultSchema, ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import * as sdk2 from '@modelcontextprotocol/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { ListenSubscription } from '../../../../../src-main/engine/mcp/listen-subscription';
import { loadSdkClasses } from '../../../../../src-main/engine/mcp/sdk-classes';
import {
  META,
  MISSING_REQUIRED_CLIENT_CAPABILITY,
  requestEnvelope,
  statelessChecker,
  withEnvelope,
} from '../../../../../src-main/engine/mcp/stateless-wire';
import { answerRound, retryParams } from '../../../../../src-main/engine/mcp/input-rounds';
import { systemClock } from '../../../../../src-main/engine/base/clock';
import { CLI_WORDING } from '../../../../../src-main/engine/base/shell-wording';

describe('the 2026-07-28 vocabulary', () => {
  it("is the SDK 2.x client's: the same _meta keys and error code", () => {
    expect(META).toEqual({
      protocolVersion: sdk2.PROTOCOL_VERSION_META_KEY,
      clientInfo: sdk2.CLIENT_INFO_META_KEY,
      clientCapabilities: sdk2.CLIENT_CAPABILITIES_META_KEY,
      logLevel: sdk2.LOG_LEVEL_META_KEY,
      serverInfo: sdk2.SERVER_INFO_META_KEY,
      subscriptionId: sdk2.SUBSCRIPTION_ID_META_KEY,
    });
    expect(MISSING_REQUIRED_CLIENT_CAPABILITY).toBe(sdk2.ProtocolErrorCode.MissingRequiredClientCapability);
  });
});

describe('the 2026-07-28 envelope', () => {
  it('carries version, client info, capabilities and log level beside a progress token', () => {
    const env = requestEnvelope({ clientInfo: { name: 'mcp-lab', version: '1' }, capabilities: { elicitation: {} }, logLevel: 'info' });
    expect(withEnvelope({ name: 't', _meta: { progressToken: 3 } }, env)).toEqual({
      name: 't',
      _meta: {
        progressToken: 3,
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientInfo': { name: 'mcp-lab', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
        'io.modelcontextprotocol/logLevel': 'info',
      },
    });
  });

  it('sends a request again with the answers and the state echoed byte for byte', () => {
    expect(retryParams({ name: 'ask' }, { q: { action: 'decline' } }, ' opaque\u00e9 ')).toEqual({
      name: 'ask',
      inputResponses: { q: { action: 'decline' } },
      requestState: ' opaque\u00e9 ',
    });
    expect(retryParams({ name: 'ask' }, {}, 'x')).toEqual({ name: 'ask', requestState: 'x' });
  });
});

describe('statelessChecker', () => {
  it('requires resultType, and cache hints on lists', () => {
    const tools = statelessChecker('tools/list', ListToolsResultSchema);
    expect(tools.safeParse({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools: [] }).success).toBe(true);
    const noType = tools.safeParse({ ttlMs: 0, cacheScope: 'private', tools: [] });
    expect(!noType.success && JSON.stringify(noType.error.issues)).toContain('missing resultType');
    const noCache = tools.safeParse({ resultType: 'complete', tools: [] });
    expect(!noCache.success && JSON.stringify(noCache.error.issues)).toContain('ttlMs');
    const call = statelessChecker('tools/call', CallToolResultSchema);
    expect(call.safeParse({ resultType: 'complete', content: [] }).success).toBe(true);
    expect(call.safeParse({ resultType: 'later', content: [] }).success).toBe(false);
  });
});

describe('ListenSubscription', () => {
  beforeAll(async () => {
    await loadSdkClasses();
  });

  it('counts only notifications of the acknowledged listen, and cancels the one it replaces', async () => {
    const sent: { method?: string; id?: string; params?: Record<string, unknown> }[] = [];
    let sub: ListenSubscription;
    const ack = (id: string, notifications: object) =>
      sub.onMessage({
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { notifications, _meta: { 'io.modelcontextprotocol/subscriptionId': id } },
      });
    sub = new ListenSubscription(
      { toolsListChanged: true },
      {
        clock: systemClock,
        serverId: 's',
        envelope: () => ({}),
        log: () => {},
        send: async (m) => {
          const msg = m as (typeof sent)[number];
          sent.push(msg);
          if (msg.method === 'subscriptions/listen') setTimeout(() => ack(msg.id!, msg.params!.notifications as object), 1);
        },
      },
    );
    await sub.start(1000);
    const first = sub.currentId!;
    expect(sub.accepts({ 'io.modelcontextprotocol/subscriptionId': first })).toBe(true);
    const o = await sub.subscribe('notes://n1', 1000);
    expect(o).toMatchObject({ status: 'ok', method: 'subscriptions/listen' });
    expect(sub.honored).toEqual({ toolsListChanged: true, resourceSubscriptions: ['notes://n1'] });
    // The old listen is cancelled, and what it still delivers is not counted twice.
    expect(sent.at(-1)).toMatchObject({ method: 'notifications/cancelled', params: { requestId: first } });
    expect(sub.accepts({ 'io.modelcontextprotocol/subscriptionId': first })).toBe(false);
    expect(sub.accepts(undefined)).toBe(true);
  });

  it('says so when the server does not honour a resource subscription', async () => {
    const sub = acknowledgedWith({});
    const o = await sub.subscribe('notes://n1', 1000);
    expect(o).toMatchObject({ status: 'protocolError', message: expect.stringContaining('resources.subscribe') });
  });

  it('reports an acknowledgement whose filter is not a SubscriptionFilter instead of trusting it', async () => {
    const sub = acknowledgedWith({ resourceSubscriptions: 'notes://n1' });
    const o = await sub.subscribe('notes://n1', 1000);
    expect(o).toMatchObject({ status: 'protocolError', message: expect.stringContaining('not a SubscriptionFilter') });
    expect(sub.honored).toBeUndefined();
  });
});

describe('answerRound', () => {
  const base = {
    method: 'tools/call',
    responseId: 7,
    round: 1,
    signal: undefined,
    closed: new AbortController().signal,
    log: () => {},
    enableFeature: CLI_WORDING.enableFeature,
  };
  it('does not answer (nor send again) an ask for a feature this request did not declare', async () => {
    let asked = false;
    const r = await answerRound(
      { resultType: 'input_required', inputRequests: { q: { method: 'elicitation/create', params: { message: 'x' } } } },
      { ...base, declared: ['sampling'], answerer: { answer: async () => ((asked = true), {}) } },
    );
    expect(r).toMatchObject({ failure: { status: 'protocolError', code: -32021 } });
    // Said in the words of the shell: the CLI's flag, not the app's menu.
    expect(r).toMatchObject({ failure: { message: expect.stringContaining('Declare elicitation with --elicit <answer>') } });
    expect(JSON.stringify(r)).not.toContain('Edit →');
    expect(asked).toBe(false);
  });

  it('refuses an ask that is not an input request of 2026-07-28', async () => {
    const r = await answerRound(
      { resultType: 'input_required', inputRequests: { q: { method: 'ping' } } },
      { ...base, declared: ['sampling', 'elicitation', 'roots'], answerer: { answer: async () => ({}) } },
    );
    expect(r).toMatchObject({ failure: { status: 'protocolError', code: -32602 } });
  });

  it('answers every ask of the round, keyed as the server keyed them', async () => {
    const r = await answerRound(
      {
        resultType: 'input_required',
        inputRequests: { a: { method: 'roots/list' }, b: { method: 'elicitation/create', params: { message: 'x' } } },
      },
      {
        ...base,
        declared: ['elicitation', 'roots'],
        answerer: { answer: async (m) => (m === 'roots/list' ? { roots: [] } : { action: 'cancel' }) },
      },
    );
    expect(r).toEqual({ responses: { a: { roots: [] }, b: { action: 'cancel' } } });
  });
});

/**
 * A listen the server acknowledges with `notifications`, right after the request went out (on the
 * next turn of the event loop, once subscribe() waits for it).
 */
function acknowledgedWith(notifications: Record<string, unknown>): ListenSubscription {
  const sub: ListenSubscription = new ListenSubscription(
    {},
    {
      clock: systemClock,
      serverId: 's',
      envelope: () => ({}),
      log: () => {},
      send: async (m) => {
        const msg = m as { id?: string; method?: string };
        if (msg.method !== 'subscriptions/listen') return;
        setImmediate(() =>
          sub.onMessage({
            jsonrpc: '2.0',
            method: 'notifications/subscriptions/acknowledged',
            params: { notifications, _meta: { 'io.modelcontextprotocol/subscriptionId': msg.id } },
          }),
        );
      },
    },
  );
  return sub;
}
