/**
 * FastMCP 2.14 and 3.x asking MCP Lab things through `ctx.elicit`, `ctx.sample` and
 * `ctx.list_roots` (the seed server's sign_up, summarize_text and show_roots tools).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../../helpers/fastmcp-venv';
import { addAndStart, startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import type { PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

const SEED = path.join(FIXTURES, 'fastmcp_seed_server.py');
const SETUP_TIMEOUT_MS = 15 * 60_000;

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${o.status}: ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe.each(FASTMCP_VERSIONS)('FastMCP %s', (version) => {
  let h: Harness;
  let on: string;
  let off: string;
  beforeAll(async () => {
    const venv = await ensureFastmcpVenv(version);
    h = await startHarness({ handshakeTimeoutMs: 60_000 });
    const base = { transport: 'stdio' as const, command: venv.python, args: [SEED] };
    const a = await addAndStart(h, { ...base, name: `seed-${version}` });
    const b = await addAndStart(h, {
      ...base,
      name: `seed-${version}-plain`,
      clientFeatures: { sampling: { enabled: false }, elicitation: { enabled: false }, roots: { enabled: false } },
    });
    expect([a.status.state, b.status.state]).toEqual(['ready', 'ready']);
    on = a.config.id;
    off = b.config.id;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await h?.dispose();
  });

  const call = (serverId: string, toolName: string, args = {}) => h.api.call('tools.call', { serverId, toolName, arguments: args });
  const nextPending = () =>
    waitForEvent<PendingClientRequest[]>(
      (cb) => h.api.subscribe('requests.pending', { serverId: on }, cb),
      (l) => l.length > 0,
    ).then((l) => l[0]!);

  it('ctx.elicit: the pydantic model arrives as a form with defaults; accepted values come back typed', async () => {
    let pending = call(on, 'sign_up');
    let req = await nextPending();
    expect(req).toMatchObject({ kind: 'elicitation', params: { message: 'Create your account' } });
    expect(req.params.requestedSchema).toMatchObject({
      type: 'object',
      required: ['name'],
      properties: {
        age: { type: 'integer', default: 30, minimum: 0, maximum: 150 },
        plan: { enum: ['free', 'pro'], default: 'free' },
        newsletter: { type: 'boolean' },
      },
    });
    await expect(
      h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept', content: { name: '', plan: 'gold' } } }),
    ).rejects.toThrow(/name: must be at least 1 characters.*plan: is not one of the allowed choices/);
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'accept', content: { name: 'Ada', age: 36, plan: 'pro', newsletter: true } },
    });
    expect(text(await pending)).toBe('signed up Ada, age 36, plan pro, newsletter True');

    pending = call(on, 'sign_up');
    req = await nextPending();
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'decline' } });
    expect(text(await pending)).toBe('no sign-up: the user chose decline');
  });

  it('ctx.sample: the reply typed in is the text the tool gets', async () => {
    const pending = call(on, 'summarize_text', { text: 'MCP Lab is a workbench for MCP servers.' });
    const req = await nextPending();
    expect(req).toMatchObject({
      kind: 'sampling',
      params: { systemPrompt: 'You write one-line summaries.', maxTokens: 60, temperature: 0.2 },
    });
    expect(JSON.stringify(req.params.messages)).toContain('Summarize in one line: MCP Lab is a workbench');
    await h.api.call('requests.respond', {
      requestId: req.id,
      response: { action: 'reply', content: { type: 'text', text: 'A workbench.' }, model: 'me' },
    });
    expect(text(await pending)).toBe('summary: A workbench.');
  });

  it('ctx.list_roots: the workspace folder', async () => {
    const out = await call(on, 'show_roots');
    expect(out.status).toBe('ok');
    expect(text(out)).toMatch(/file:\/\/\/.*\/ws/);
  });

  it('without the capabilities: elicitation and roots get -32601 on the wire, sampling is refused by FastMCP itself', async () => {
    const elicit = await call(off, 'sign_up');
    expect(elicit.status).toBe('toolError');
    expect(text(elicit)).toContain('Method not found');
    const roots = await call(off, 'show_roots');
    expect(roots.status).toBe('toolError');
    expect(text(roots)).toContain('Method not found');
    // FastMCP checks the client's capabilities before sending sampling/createMessage at all.
    const sample = await call(off, 'summarize_text', { text: 'x' });
    expect(sample.status).toBe('toolError');
    expect(text(sample)).toContain('Client does not support sampling');
  });
});
