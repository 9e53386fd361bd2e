/**
 * Server → client requests through the real contract: a TypeScript SDK fixture sends sampling,
 * elicitation and roots requests and its tools report exactly what came back (JSON-RPC error
 * codes included), so each assertion is what the server saw.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { PendingClientRequest, EndedClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { JsonObject } from '../../../src-shared/api/schemas/common';

let h: Harness;
let id: string;

async function start(clientFeatures?: ClientFeaturesInput, options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options);
  const s = await addAndStart(h, fixtureServer('client-requests-server.ts', clientFeatures ? { clientFeatures } : {}));
  expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
  id = s.config.id;
}
afterEach(async () => {
  await h?.dispose();
});

const call = (toolName: string, args: JsonObject = {}, timeoutMs?: number) =>
  h.api.call('tools.call', { serverId: id, toolName, arguments: args, ...(timeoutMs ? { timeoutMs } : {}) });

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** The answer the fixture got, parsed from its `result {...}` line. */
function answer(o: ToolCallOutcome): JsonObject {
  const t = text(o);
  if (!t.startsWith('result ')) throw new Error(`the server got an error: ${t}`);
  return JSON.parse(t.slice('result '.length)) as JsonObject;
}

const nextPending = (kind?: string) =>
  waitForEvent<PendingClientRequest[]>(
    (cb) => h.api.subscribe('requests.pending', { serverId: id }, cb),
    (list) => list.some((r) => kind === undefined || r.kind === kind),
  ).then((list) => list.find((r) => kind === undefined || r.kind === kind)!);

const pendingNow = async () =>
  waitForEvent<PendingClientRequest[]>(
    (cb) => h.api.subscribe('requests.pending', {}, cb),
    () => true,
  );

describe('with the default client features', () => {
  beforeEach(() => start());

  it('declares sampling, elicitation (form and URL) and roots with listChanged', async () => {
    expect(JSON.parse(text(await call('client_capabilities')))).toEqual({
      sampling: {},
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
    });
    const [s] = await h.api.call('servers.list', {});
    expect(s!.declaredClientFeatures).toEqual(['sampling', 'elicitation', 'roots']);
  });

  it('shows a sampling request completely and sends the reply typed in, which reaches the tool result', async () => {
    const pendingCall = call('ask_llm', { prompt: 'Capital of France?' });
    const req = await nextPending('sampling');
    expect(req).toMatchObject({ serverId: id, method: 'sampling/createMessage', kind: 'sampling' });
    expect(req.params).toMatchObject({
      systemPrompt: 'Answer in one word.',
      maxTokens: 42,
      temperature: 0.3,
      stopSequences: ['END'],
      includeContext: 'none',
      modelPreferences: { hints: [{ name: 'claude-3-haiku' }, { name: 'gpt-4o-mini' }], costPriority: 0.8 },
    });
    expect((req.params.messages as unknown[]).length).toBe(3);
    expect(req.expiresAt - req.receivedAt).toBe(10 * 60_000);

    const r = await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'reply', content: { type: 'text', text: 'Paris' }, model: 'human-in-the-loop', stopReason: 'endTurn' },
    });
    expect(r).toMatchObject({ requestId: req.id, kind: 'sampling', action: 'reply' });
    expect(answer(await pendingCall)).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'Paris' },
      model: 'human-in-the-loop',
      stopReason: 'endTurn',
    });
    expect(await pendingNow()).toEqual([]);

    // Both directions are in the protocol log; our answer carries the method and how long it took.
    const entries = await waitForLog(h, id, (e) => e.protocol?.dir === 'out' && e.protocol.method === 'sampling/createMessage');
    expect(
      entries.some((e) => e.protocol?.dir === 'in' && e.protocol.kind === 'request' && e.protocol.method === 'sampling/createMessage'),
    ).toBe(true);
    const out = entries.at(-1)!;
    expect(out.protocol).toMatchObject({ kind: 'response', method: 'sampling/createMessage' });
    expect(out.protocol!.latencyMs).toBeGreaterThan(0);
  });

  it('answers with an image, or rejects with the JSON-RPC error the spec shows (-1)', async () => {
    let pendingCall = call('ask_llm', { prompt: 'Draw', withImage: true });
    let req = await nextPending('sampling');
    const last = (req.params.messages as { content: unknown }[])[2]!.content as { type: string }[];
    expect(last.map((b) => b.type)).toEqual(['text', 'image']);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'reply', content: { type: 'image', data: png, mimeType: 'image/png' }, model: 'm' },
    });
    expect(answer(await pendingCall)).toMatchObject({ content: { type: 'image', mimeType: 'image/png' }, model: 'm' });

    pendingCall = call('ask_llm', { prompt: 'No' });
    req = await nextPending('sampling');
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'reject' } });
    expect(text(await pendingCall)).toBe('error -1: User rejected sampling request');
  });

  it('accepts, declines and cancels an elicitation; form values that break the schema are refused and nothing is sent', async () => {
    let pendingCall = call('ask_user');
    let req = await nextPending('elicitation');
    expect(req.params).toMatchObject({ mode: 'form', message: 'Tell us about you', requestedSchema: { required: ['name'] } });

    const bad = h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'accept', content: { email: 'not-an-email', age: 200 } },
    });
    await expect(bad).rejects.toMatchObject({ code: 'InvalidParams' });
    const message = await bad.catch((e: Error) => e.message);
    expect(message).toContain('the answer does not match the form the server asked for');
    expect(message).toContain('name: is required');
    expect(message).toContain('email: must be a valid email');
    expect(message).toContain('age: must be at most 150');
    // A sampling answer to an elicitation is refused too; the request is still waiting.
    await expect(
      h.api.call('requests.respond', {
        requestId: req.id,
        response: { action: 'reply', content: { type: 'text', text: 'x' }, model: 'm' },
      }),
    ).rejects.toMatchObject({ code: 'InvalidParams', message: expect.stringContaining('answered with accept or decline or cancel') });
    expect((await pendingNow()).map((r) => r.id)).toEqual([req.id]);

    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'accept', content: { name: 'Ada', age: 36, color: 'r', subscribe: true } },
    });
    expect(answer(await pendingCall)).toEqual({ action: 'accept', content: { name: 'Ada', age: 36, color: 'r', subscribe: true } });

    for (const action of ['decline', 'cancel'] as const) {
      pendingCall = call('ask_user');
      req = await nextPending('elicitation');
      await h.api.call('requests.respond', { requestId: req.id, response: { action } });
      expect(answer(await pendingCall)).toEqual({ action });
    }
    // Answered requests are gone: a second answer is NotFound.
    await expect(h.api.call('requests.respond', { requestId: req.id, response: { action: 'cancel' } })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });

  it('URL mode: shows the URL, accepts without content and refuses content', async () => {
    const pendingCall = call('ask_url', { url: 'https://example.com/consent' });
    const req = await nextPending('elicitation');
    expect(req.params).toMatchObject({
      mode: 'url',
      url: 'https://example.com/consent',
      message: 'Sign in to continue',
      elicitationId: 'e-1',
    });
    await expect(
      h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept', content: { a: 1 } } }),
    ).rejects.toMatchObject({ code: 'InvalidParams' });
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept' } });
    expect(answer(await pendingCall)).toEqual({ action: 'accept' });
  });

  it('drops a request the server withdraws (notifications/cancelled) and says so', async () => {
    const ended = waitForEvent<EndedClientRequest>(
      (cb) => h.api.subscribe('requests.ended', { serverId: id }, cb),
      () => true,
    );
    const pendingCall = call('ask_llm', { prompt: 'quick', timeoutMs: 400 });
    const req = await nextPending('sampling');
    expect(await ended).toMatchObject({ id: req.id, reason: 'withdrawn' });
    expect(await pendingNow()).toEqual([]);
    expect(text(await pendingCall)).toMatch(/^error -32001: Request timed out/);
    await expect(h.api.call('requests.respond', { requestId: req.id, response: { action: 'reject' } })).rejects.toMatchObject({
      code: 'NotFound',
    });
    await waitForLog(h, id, (e) => e.source === 'app' && e.text.includes('the server withdrew the request'));
  });

  it('ends pending requests when the server stops', async () => {
    const ended = waitForEvent<EndedClientRequest>(
      (cb) => h.api.subscribe('requests.ended', {}, cb),
      () => true,
    );
    void call('ask_user');
    const req = await nextPending('elicitation');
    await h.api.call('servers.stop', { serverId: id });
    expect(await ended).toMatchObject({ id: req.id, reason: 'serverStopped' });
    expect(await pendingNow()).toEqual([]);
  });

  it('answers roots/list from the config and sends list_changed when the roots change', async () => {
    const listed = answer(await call('list_roots')) as { roots: { uri: string; name?: string }[] };
    expect(listed.roots).toEqual([{ uri: expect.stringMatching(/^file:\/\/\/.*\/ws$/), name: 'ws' }]);

    const [s] = await h.api.call('servers.list', {});
    const folders = [{ uri: 'file:///srv/data', name: 'data' }, { uri: 'file:///home/me/my%20project' }];
    await h.api.call('servers.update', { ...s!.config, clientFeatures: { roots: { enabled: true, folders } } });
    await waitForLog(h, id, (e) => e.protocol?.dir === 'out' && e.protocol.method === 'notifications/roots/list_changed');
    expect(text(await call('roots_changes'))).toBe('1');
    expect(answer(await call('list_roots'))).toEqual({ roots: folders });
    // A change that leaves the roots as they were sends nothing.
    const [s2] = await h.api.call('servers.list', {});
    await h.api.call('servers.update', { ...s2!.config, name: 'renamed' });
    expect(text(await call('roots_changes'))).toBe('1');
  });

  it("does not count the time a person takes against the call's timeout", async () => {
    const pendingCall = call('ask_llm', { prompt: 'take your time' }, 1000);
    const req = await nextPending('sampling');
    await new Promise((r) => setTimeout(r, 2500));
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'reply', content: { type: 'text', text: 'done' }, model: 'm' },
    });
    const o = await pendingCall;
    expect(o.status).toBe('ok');
    expect(answer(o)).toMatchObject({ content: { text: 'done' } });
  });
});

describe('auto-reply rules', () => {
  beforeEach(() =>
    start({
      sampling: {
        rules: [
          { match: 'WEATHER', text: 'sunny', model: 'rules' },
          { match: '^sum \\d+', regex: true, text: '42', stopReason: 'maxTokens' },
        ],
      },
      elicitation: {
        rules: [
          { match: 'newsletter', action: 'decline' },
          { match: 'profile', action: 'accept', content: { name: 'Rule', age: 7 } },
          { match: 'defaults', action: 'accept' },
        ],
      },
    }),
  );

  it('answer matching requests without a pending request; the rest wait for a person', async () => {
    const seen: PendingClientRequest[][] = [];
    const sub = h.api.subscribe('requests.pending', {}, (l) => seen.push(l));
    expect(answer(await call('ask_llm', { prompt: 'What is the weather like?' }))).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'sunny' },
      model: 'rules',
      stopReason: 'endTurn',
    });
    expect(answer(await call('ask_llm', { prompt: 'sum 1 2' }))).toMatchObject({
      content: { text: '42' },
      model: 'mcp-lab',
      stopReason: 'maxTokens',
    });
    expect(answer(await call('ask_user', { message: 'Join our newsletter?' }))).toEqual({ action: 'decline' });
    // As in the dialog: the rule's values typed over the schema's defaults; no values, the defaults alone.
    expect(answer(await call('ask_user', { message: 'Complete your profile' }))).toEqual({
      action: 'accept',
      content: { name: 'Rule', age: 7, color: 'g', subscribe: false },
    });
    expect(answer(await call('ask_user', { message: 'Keep the defaults' }))).toEqual({
      action: 'accept',
      content: { age: 30, color: 'g', subscribe: false },
    });
    expect(seen.every((l) => l.length === 0)).toBe(true);
    sub.dispose();
    await waitForLog(h, id, (e) => e.source === 'app' && e.text.includes('answered by auto-reply rule 1 (matches "WEATHER")'));

    const pendingCall = call('ask_llm', { prompt: 'nothing matches' });
    const req = await nextPending('sampling');
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'reject', message: 'no' } });
    expect(text(await pendingCall)).toBe('error -1: no');
  });

  it('refuses a rule whose regular expression does not compile', async () => {
    const [s] = await h.api.call('servers.list', {});
    await expect(
      h.api.call('servers.update', { ...s!.config, clientFeatures: { sampling: { rules: [{ match: '(', regex: true, text: 'x' }] } } }),
    ).rejects.toMatchObject({ code: 'InvalidParams' });
  });
});

describe('with client features turned off', () => {
  beforeEach(() => start({ sampling: { enabled: false }, elicitation: { enabled: false }, roots: { enabled: false } }));

  it('declares nothing, and the server gets -32601 Method not found for each request (with a line in our log)', async () => {
    expect(JSON.parse(text(await call('client_capabilities')))).toEqual({});
    const [s] = await h.api.call('servers.list', {});
    expect(s!.declaredClientFeatures).toEqual([]);
    expect(text(await call('ask_llm', { prompt: 'hi' }))).toBe('error -32601: Method not found');
    expect(text(await call('ask_user'))).toBe('error -32601: Method not found');
    expect(text(await call('list_roots'))).toBe('error -32601: Method not found');
    await waitForLog(
      h,
      id,
      (e) => e.source === 'app' && e.level === 'warning' && e.text.includes('sampling is turned off for this server'),
    );
    expect(await pendingNow()).toEqual([]);
  });
});

describe('nobody answers', () => {
  beforeEach(() => start(undefined, { clientRequestTimeoutMs: 300 }));

  it('answers with a timeout error that says so after the bounded wait', async () => {
    const ended = waitForEvent<EndedClientRequest>(
      (cb) => h.api.subscribe('requests.ended', {}, cb),
      () => true,
    );
    const o = await call('ask_user');
    expect(text(o)).toBe('error -32001: MCP Lab: nobody answered this elicitation/create request within 300 ms');
    expect(await ended).toMatchObject({ reason: 'timedOut' });
  });
});
