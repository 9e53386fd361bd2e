/**
 * A server built with the TypeScript `fastmcp` framework (npm `fastmcp`), through the real engine:
 * every capability it advertises, as a user meets it. Where the framework departs from the spec or
 * from the official SDK's habits, the observed behaviour is asserted and says so, so an upgrade that
 * changes it shows up here.
 */
import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, readyServerId, waitForEvent, waitForLog } from '../../helpers/harness';
import type { ActiveCall, ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { ResourceList, ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { JsonObject } from '../../../src-shared/api/schemas/common';

const h = harnessForEachTest();
/**
 * Ready, and past fastmcp's own start(): that resolves ~100 ms after initialize (it polls for the
 * client's capabilities), and until then runtime changes and resource updates reach no session and
 * a closed stdin goes unnoticed (MCP Lab then stops it with SIGTERM after 1 s).
 */
async function start(): Promise<string> {
  const id = await readyServerId(h, fixtureServer('ts-fastmcp-server.ts'));
  await waitForLog(h, id, (e) => e.source === 'stderr' && e.text === 'ts-fastmcp-fixture: serving on stdio');
  return id;
}

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${o.status}: ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe('TypeScript fastmcp server', () => {
  it('advertises tools, resources with subscribe, prompts, logging and completions, and keeps stdout clean', async () => {
    const id = await start();
    expect((await h.api.call('logs.counts', { serverId: id })).bySource.stdout).toBeUndefined();
    const [s] = await h.api.call('servers.list', {});
    expect(s!.info).toMatchObject({
      name: 'ts-fastmcp-fixture',
      version: '1.0.0',
      protocolVersion: '2025-11-25',
      instructions: 'Notes you can add, read and summarize.',
    });
    // fastmcp always advertises logging and completions; tools never get listChanged (it sends tools/list_changed anyway).
    expect(s!.info!.capabilities).toEqual({
      tools: {},
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      logging: {},
      completions: {},
    });
  });

  it('lists its tools with zod 4 (draft-07) schemas closed by additionalProperties: false, and annotations', async () => {
    const id = await start();
    const { tools } = await h.api.call('tools.list', { serverId: id });
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['add_note', 'count']);
    expect(byName.add_note!.inputSchema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        title: { type: 'string', pattern: '^[a-z0-9-]{1,40}$', description: 'Lowercase words joined by -' },
        body: { type: 'string', minLength: 1 },
      },
      required: ['title', 'body'],
      additionalProperties: false,
    });
    expect(byName.add_note!.annotations).toEqual({
      title: 'Add note',
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    });
    expect(byName.count!.inputSchema).toMatchObject({
      properties: { steps: { type: 'integer', minimum: 1, maximum: 20 }, delay_ms: { type: 'integer', default: 100 } },
      required: ['steps'],
    });
  });

  it('calls a tool; bad arguments and unknown tools are JSON-RPC errors, not tool errors', async () => {
    const id = await start();
    const call = (toolName: string, args: JsonObject) => h.api.call('tools.call', { serverId: id, toolName, arguments: args });
    expect(text(await call('add_note', { title: 'work', body: 'ship it' }))).toBe('added work');
    // fastmcp answers schema violations with -32602 naming each field (an SDK server returns isError).
    expect(await call('add_note', { title: 'Not OK', body: '' })).toMatchObject({
      status: 'protocolError',
      code: -32602,
      message: expect.stringContaining(
        "Tool 'add_note' parameter validation failed: title: Invalid string: must match pattern /^[a-z0-9-]{1,40}$/, body: Too small",
      ),
    });
    expect(await call('nope', {})).toMatchObject({
      status: 'protocolError',
      code: -32601,
      message: expect.stringContaining('Unknown tool: nope'),
    });
  });

  it('reports progress to calls.active when the call carries a progress token', async () => {
    const id = await start();
    const callId = 'ts-fastmcp-progress';
    const progressed = waitForEvent<ActiveCall[]>(
      (cb) => h.api.subscribe('calls.active', {}, cb),
      (calls) => calls.some((c) => c.callId === callId && (c.progress?.progress ?? 0) >= 1),
    );
    const pending = h.api.call('tools.call', { serverId: id, toolName: 'count', arguments: { steps: 4, delay_ms: 200 }, callId });
    const active = (await progressed).find((c) => c.callId === callId)!;
    expect(active.progress).toMatchObject({ total: 4, message: expect.stringMatching(/^step \d of 4$/) });
    expect(text(await pending)).toBe('counted to 4');
  });

  it('sends context log messages as notification entries with their level, the message as the text and {context, message} as data', async () => {
    const id = await start();
    await h.api.call('tools.call', { serverId: id, toolName: 'count', arguments: { steps: 1, delay_ms: 0 } });
    const seen = (await waitForLog(h, id, (e) => e.source === 'notification' && e.level === 'warning')).filter(
      (e) => e.source === 'notification',
    );
    expect(seen.map((e) => e.level)).toEqual(['info', 'debug', 'warning']);
    expect(seen[0]!.data).toEqual({ context: { steps: 1 }, message: 'counting to 1' });
    // The log line reads as the message, not as the wrapper's JSON.
    expect(seen.map((e) => e.text)).toEqual(['counting to 1', 'step 1', 'done counting']);
    expect(seen[2]!.data).toEqual({ message: 'done counting' });
  });

  it('accepts logging/setLevel but keeps sending every level', async () => {
    const id = await start();
    expect(await h.api.call('logging.setLevel', { serverId: id, level: 'warning' })).toMatchObject({ status: 'ok' });
    await h.api.call('tools.call', { serverId: id, toolName: 'count', arguments: { steps: 1, delay_ms: 0 } });
    const seen = (await waitForLog(h, id, (e) => e.source === 'notification' && e.level === 'warning')).filter(
      (e) => e.source === 'notification',
    );
    // fastmcp replaces the SDK's setLevel handler with one that only records the level, so nothing is filtered.
    expect(seen.map((e) => e.level)).toEqual(['info', 'debug', 'warning']);
  });

  it('lists and reads its static resource; unknown URIs are -32601 and failing templates -32603', async () => {
    const id = await start();
    const list = await h.api.call('resources.list', { serverId: id });
    expect(list.status === 'ok' && list.result.resources).toEqual([
      { uri: 'notes://index', name: 'Note index', description: 'The titles of all notes', mimeType: 'application/json' },
    ]);
    const index = await h.api.call('resources.read', { serverId: id, uri: 'notes://index' });
    expect(index.status === 'ok' && index.result.contents).toEqual([
      { uri: 'notes://index', name: 'Note index', mimeType: 'application/json', text: '["groceries","garden"]' },
    ]);
    // The spec's "resource not found" is -32002; fastmcp says Method not found.
    expect(await h.api.call('resources.read', { serverId: id, uri: 'nope://x' })).toMatchObject({
      status: 'protocolError',
      code: -32601,
      message: "Resource not found: 'nope://x'. Available resources: notes://index",
    });
    // A template's load error is not wrapped (a static resource's would be): the SDK turns it into -32603 with the bare message.
    expect(await h.api.call('resources.read', { serverId: id, uri: 'note://nope' })).toMatchObject({
      status: 'protocolError',
      code: -32603,
      message: "No note 'nope'",
    });
  });

  it('lists its template, and the URI the engine expands reads the note', async () => {
    const id = await start();
    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status === 'ok' && templates.result.resourceTemplates).toEqual([
      { uriTemplate: 'note://{title}', name: 'Note', description: 'One note by title', mimeType: 'text/plain' },
    ]);
    const { uri } = await h.api.call('resources.expandTemplate', { uriTemplate: 'note://{title}', variables: { title: 'garden' } });
    expect(uri).toBe('note://garden');
    const read = await h.api.call('resources.read', { serverId: id, uri });
    // fastmcp adds the template's name and description to each content (fields the spec does not define there).
    expect(read.status === 'ok' && read.result.contents).toEqual([
      { uri: 'note://garden', name: 'Note', description: 'One note by title', mimeType: 'text/plain', text: 'water the roses' },
    ]);
  });

  it('completes template variables and prompt arguments (a function, and an enum matched fuzzily)', async () => {
    const id = await start();
    const complete = (ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, name: string, value: string) =>
      h.api.call('completion.complete', { serverId: id, ref, argument: { name, value } });
    const prompt = { type: 'ref/prompt' as const, name: 'summarize' };
    expect(await complete({ type: 'ref/resource', uri: 'note://{title}' }, 'title', 'gr')).toMatchObject({
      status: 'ok',
      result: { values: ['groceries'], total: 1 },
    });
    expect(await complete(prompt, 'title', 'g')).toMatchObject({ status: 'ok', result: { values: ['groceries', 'garden'], total: 2 } });
    expect(await complete(prompt, 'style', '')).toMatchObject({ status: 'ok', result: { values: ['brief', 'detailed'], total: 2 } });
    expect(await complete(prompt, 'style', 'detaled')).toMatchObject({ status: 'ok', result: { values: ['detailed'] } });
    // An argument with nothing to complete answers an empty list, not an error.
    expect(await complete(prompt, 'other', 'x')).toMatchObject({ status: 'ok', result: { values: [] } });
    // Unknown references are internal errors (-32603), not invalid params.
    expect(await complete({ type: 'ref/prompt', name: 'nope' }, 'x', '')).toMatchObject({
      status: 'protocolError',
      code: -32603,
      message: 'Unknown prompt',
    });
    expect(await complete({ type: 'ref/resource', uri: 'nope://{x}' }, 'x', '')).toMatchObject({
      status: 'protocolError',
      code: -32603,
      message: 'Unknown resource',
    });
  });

  it('lists its prompt and gets it; a missing argument is -32600 and an unknown prompt -32601', async () => {
    const id = await start();
    const list = await h.api.call('prompts.list', { serverId: id });
    // An enum argument keeps its non-standard `enum` field in prompts/list.
    expect(list.status === 'ok' && list.result.prompts).toEqual([
      {
        name: 'summarize',
        description: 'Ask for a summary of one note',
        arguments: [
          { name: 'title', description: 'The note title', required: true },
          { name: 'style', description: 'How long the summary is', enum: ['brief', 'detailed'] },
        ],
      },
    ]);
    const got = await h.api.call('prompts.get', { serverId: id, name: 'summarize', arguments: { title: 'garden', style: 'detailed' } });
    expect(got.status === 'ok' && got.result).toEqual({
      description: 'Ask for a summary of one note',
      messages: [{ role: 'user', content: { type: 'text', text: "Summarize the note 'garden' (water the roses) in a detailed way." } }],
    });
    expect(await h.api.call('prompts.get', { serverId: id, name: 'summarize', arguments: {} })).toMatchObject({
      status: 'protocolError',
      code: -32600,
      message: "Prompt 'summarize' requires argument 'title': The note title",
    });
    expect(await h.api.call('prompts.get', { serverId: id, name: 'nope' })).toMatchObject({
      status: 'protocolError',
      code: -32601,
      message: 'Unknown prompt: nope',
    });
  });

  it('sends resources/updated for a subscribed URI, and resources/list_changed when a resource is added', async () => {
    const id = await start();
    expect(await h.api.call('resources.subscribe', { serverId: id, uri: 'notes://index' })).toMatchObject({ status: 'ok' });
    const updated = waitForEvent<ResourceUpdate>(
      (cb) => h.api.subscribe('resources.updated', { serverId: id }, cb),
      (u) => u.uri === 'notes://index',
    );
    const relisted = waitForEvent<ResourceList>(
      (cb) => h.api.subscribe('resources.changed', { serverId: id }, cb),
      (l) => l.resources.some((r) => r.uri === 'note://work'),
    );
    expect(
      text(await h.api.call('tools.call', { serverId: id, toolName: 'add_note', arguments: { title: 'work', body: 'ship it' } })),
    ).toBe('added work');
    expect(await updated).toMatchObject({ serverId: id, uri: 'notes://index' });
    expect((await relisted).resources.map((r) => r.uri)).toEqual(['notes://index', 'note://work']);
    const index = await h.api.call('resources.read', { serverId: id, uri: 'notes://index' });
    expect(index.status === 'ok' && index.result.contents[0]).toMatchObject({ text: '["groceries","garden","work"]' });
    expect(await h.api.call('resources.unsubscribe', { serverId: id, uri: 'notes://index' })).toMatchObject({ status: 'ok' });
  });

  it('answers ping', async () => {
    const id = await start();
    expect(await h.api.call('servers.ping', { serverId: id })).toMatchObject({ status: 'ok', method: 'ping' });
  });
});
