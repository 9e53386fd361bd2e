/**
 * The official reference server asking MCP Lab things: its sampling, elicitation and roots tools
 * exist only for clients that declare those capabilities, and each answer is echoed in its result.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const CONDITIONAL = ['get-roots-list', 'trigger-elicitation-request', 'trigger-url-elicitation', 'trigger-sampling-request'];

let h: Harness;
let id: string;
async function start(clientFeatures?: ClientFeaturesInput) {
  h = await startHarness();
  const s = await addAndStart(h, {
    name: 'everything',
    transport: 'stdio',
    command: process.execPath,
    args: [EVERYTHING, 'stdio'],
    ...(clientFeatures ? { clientFeatures } : {}),
  });
  expect(s.status.state).toBe('ready');
  id = s.config.id;
}
afterEach(async () => {
  await h?.dispose();
});

const text = (o: ToolCallOutcome) => {
  if (o.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
};
const nextPending = () =>
  waitForEvent<PendingClientRequest[]>(
    (cb) => h.api.subscribe('requests.pending', { serverId: id }, cb),
    (l) => l.length > 0,
  ).then((l) => l[0]!);
const names = async () => (await h.api.call('tools.list', { serverId: id })).tools.map((t) => t.name);

describe('server-everything with the default client features', () => {
  it('lists its sampling, elicitation and roots tools, and fetches the roots by itself after initialize', async () => {
    await start();
    expect(await names()).toEqual(expect.arrayContaining(CONDITIONAL));
    await waitForLog(h, id, (e) => e.protocol?.dir === 'out' && e.protocol.method === 'roots/list' && e.protocol.kind === 'response');
    const out = text(await h.api.call('tools.call', { serverId: id, toolName: 'get-roots-list', arguments: {} }));
    expect(out).toMatch(/Current MCP Roots \(1 total\)/);
    expect(out).toMatch(/URI: file:\/\/\/.*\/ws/);
  });

  it('a sampling request answered through the contract reaches the tool result', async () => {
    await start();
    const call = h.api.call('tools.call', {
      serverId: id,
      toolName: 'trigger-sampling-request',
      arguments: { prompt: 'Say hi', maxTokens: 20 },
    });
    const req = await nextPending();
    expect(req.params).toMatchObject({ systemPrompt: 'You are a helpful test server.', maxTokens: 20, temperature: 0.7 });
    expect(JSON.stringify(req.params.messages)).toContain('Say hi');
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'reply', content: { type: 'text', text: 'Hi from a human' }, model: 'person', stopReason: 'endTurn' },
    });
    const out = text(await call);
    expect(out).toContain('LLM sampling result');
    expect(out).toContain('"text": "Hi from a human"');
    expect(out).toContain('"model": "person"');
  });

  it('its elicitation form (titled enums, defaults, formats) accepted, then declined and cancelled', async () => {
    await start();
    let call = h.api.call('tools.call', { serverId: id, toolName: 'trigger-elicitation-request', arguments: {} });
    let req = await nextPending();
    const schema = req.params.requestedSchema as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.titledSingleSelectEnum).toMatchObject({
      oneOf: [{ const: 'hero-1', title: 'Superman' }, expect.anything(), expect.anything()],
      default: 'hero-1',
    });
    expect(schema.properties.legacyTitledEnum).toMatchObject({ enumNames: ['Cats', 'Dogs', 'Birds', 'Fish', 'Reptiles'] });

    // An out-of-range integer and an unknown titled-enum value are refused before anything is sent.
    await expect(
      h.api.call('requests.respond', {
        requestId: req.id,
        response: { action: 'accept', content: { name: 'Ada', integer: 1000, titledSingleSelectEnum: 'hero-9' } },
      }),
    ).rejects.toThrow(/integer: must be at most 100.*titledSingleSelectEnum: is not one of the allowed choices/);
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: {
        action: 'accept',
        content: {
          name: 'Ada Lovelace',
          check: true,
          email: 'ada@example.com',
          integer: 7,
          titledSingleSelectEnum: 'hero-3',
          titledMultipleSelectEnum: ['fish-2'],
        },
      },
    });
    const out = text(await call);
    expect(out).toContain('User provided the requested information');
    expect(out).toContain('- Name: Ada Lovelace');
    expect(out).toContain('- Favorite Integer: 7');
    expect(out).toContain('"titledSingleSelectEnum": "hero-3"');

    for (const [action, said] of [
      ['decline', 'User declined'],
      ['cancel', 'User cancelled'],
    ] as const) {
      call = h.api.call('tools.call', { serverId: id, toolName: 'trigger-elicitation-request', arguments: {} });
      req = await nextPending();
      await h.api.call('requests.respond', { requestId: req.id, response: { action } });
      expect(text(await call)).toContain(said);
    }
  });

  it('URL-mode elicitation: the URL arrives as data and consent goes back without content', async () => {
    await start();
    const call = h.api.call('tools.call', {
      serverId: id,
      toolName: 'trigger-url-elicitation',
      arguments: { url: 'https://example.com/authorize' },
    });
    const req = await nextPending();
    expect(req.params).toMatchObject({
      mode: 'url',
      url: 'https://example.com/authorize',
      message: 'Please open the link to complete this action.',
    });
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept' } });
    expect(text(await call)).toContain('User completed the URL elicitation flow');
  });
});

describe('server-everything with client features turned off', () => {
  it('hides the tools that need them (it reads our initialize capabilities)', async () => {
    await start({ sampling: { enabled: false }, elicitation: { enabled: false }, roots: { enabled: false } });
    const list = await names();
    for (const n of CONDITIONAL) expect(list).not.toContain(n);
  });
});
