/**
 * A real server from the TypeScript template (the SDK, zod, run by `node --import tsx`) under
 * Node's inspector, with MCP Lab as the client: a breakpoint on a .ts line pauses the call there
 * (through tsx's source maps), the arguments show, stepping and evaluating work, the call's
 * timeout waits while it is paused, and a plain `node file.mjs` server works the same way.
 */
import { readFileSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DebugState } from '../../../src-shared/api/schemas/debug';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { REPO_ROOT } from '../../helpers/fixtures';
import { startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { eventually } from '../../helpers/processes';
import { TestClock } from '../../helpers/test-clock';

let h: Harness;
afterEach(async () => {
  await h?.dispose();
});

/** A project from the TypeScript template; its node_modules is this repository's (same SDK, zod and tsx). */
async function tsProject(options: Parameters<typeof startHarness>[0] = {}): Promise<{ serverId: string; dir: string; file: string }> {
  h = await startHarness({ handshakeTimeoutMs: 60_000, ...options });
  const created = await h.api.call('projects.create', { template: 'typescript', dir: 'shop-ts', setUp: false });
  const dir = path.join(h.workspaceDir, 'shop-ts');
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { serverId: created.serverId!, dir, file: path.join(dir, 'src', 'server.ts') };
}

/** The line of `file` that holds `text` (the template may move it). */
const lineOf = (file: string, text: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

async function debugStart(serverId: string): Promise<void> {
  const s = await h.api.call('debug.start', { serverId });
  expect(s.status, JSON.stringify(s.status)).toMatchObject({ state: 'ready' });
}

const debugState = (serverId: string, pred: (s: DebugState) => boolean, timeoutMs = 30_000) =>
  waitForEvent<DebugState>((cb) => h.api.subscribe('debug.changed', { serverId }, cb), pred, timeoutMs);

async function locals(serverId: string) {
  const [top] = await h.api.call('debug.stackTrace', { serverId });
  const scopes = await h.api.call('debug.scopes', { serverId, frameId: top!.id });
  expect(scopes[0]!.name).toBe('Locals');
  return h.api.call('debug.variables', { serverId, variablesReference: scopes[0]!.variablesReference });
}

describe('the Node debugger (inspector protocol)', () => {
  it('pauses a tool call on a .ts line, shows the arguments, steps, evaluates and continues to the result', async () => {
    const { serverId, file } = await tsProject();
    const first = lineOf(file, "if (operation === 'divide' && b === 0)");
    const second = lineOf(file, 'const result = {');
    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line: first }] });
    await debugStart(serverId);
    expect((await h.api.call('servers.list', {})).find((s) => s.config.id === serverId)?.config).toMatchObject({
      command: 'node',
      args: ['--import', 'tsx', 'src/main.ts'],
    });

    const paused = debugState(serverId, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId, toolName: 'calculate', arguments: { operation: 'add', a: 20, b: 22 } });
    expect((await paused).paused).toMatchObject({
      reason: 'breakpoint',
      location: { path: file, relPath: 'shop-ts/src/server.ts', line: first },
    });
    expect(await locals(serverId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'operation', value: '"add"', type: 'string' }),
        expect.objectContaining({ name: 'a', value: '20', type: 'number' }),
        expect.objectContaining({ name: 'b', value: '22', type: 'number' }),
      ]),
    );
    expect(await h.api.call('debug.evaluate', { serverId, expression: 'a + b' })).toMatchObject({ result: '42', type: 'number' });
    await expect(h.api.call('debug.evaluate', { serverId, expression: 'nope + 1' })).rejects.toThrow(/nope is not defined/);

    const stepped = debugState(serverId, (s) => s.state === 'paused' && s.paused?.location?.line === second);
    await h.api.call('debug.step', { serverId, action: 'over' });
    expect((await stepped).paused?.reason).toBe('step');
    const third = debugState(serverId, (s) => s.state === 'paused' && s.paused?.location?.line === second + 1);
    await h.api.call('debug.step', { serverId, action: 'over' });
    await third;
    expect(await locals(serverId)).toContainEqual(expect.objectContaining({ name: 'result', value: '42' }));
    const obj = await h.api.call('debug.evaluate', { serverId, expression: '({ operation, sum: result })' });
    expect(obj).toMatchObject({ result: '{operation: "add", sum: 42}', type: 'Object' });
    expect(obj.variablesReference).toBeGreaterThan(0);
    expect(await h.api.call('debug.variables', { serverId, variablesReference: obj.variablesReference })).toEqual([
      expect.objectContaining({ name: 'operation', value: '"add"' }),
      expect.objectContaining({ name: 'sum', value: '42' }),
    ]);

    await h.api.call('debug.step', { serverId, action: 'continue' });
    expect(await call).toMatchObject({ status: 'ok', result: { structuredContent: { operation: 'add', result: 42 } } });
  }, 120_000);

  it('a call with a 5 s timeout completes after the server was held paused longer than that', async () => {
    const { serverId, file } = await tsProject();
    const line = lineOf(file, 'async ({ name }) =>');
    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line }] });
    await debugStart(serverId);
    const paused = debugState(serverId, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId, toolName: 'greet', arguments: { name: 'Ada' }, timeoutMs: 5_000 });
    const since = (await paused).paused!.since;
    // Held at the breakpoint until well past the call's timeout (a condition on the clock the SDK's timer runs on, not a sleep).
    await expect.poll(() => Date.now() - since, { timeout: 60_000, interval: 250 }).toBeGreaterThan(7_000);
    expect(await locals(serverId)).toContainEqual(expect.objectContaining({ name: 'name', value: '"Ada"' }));
    await h.api.call('debug.step', { serverId, action: 'continue' });
    expect(await call).toMatchObject({ status: 'ok', result: { content: [{ type: 'text', text: 'Hello, Ada!' }] } });
  }, 120_000);

  it('while paused the health check says where instead of pinging; after it runs on, pings again', async () => {
    const clock = new TestClock();
    const { serverId, file } = await tsProject({ clock, health: { intervalMs: 15_000, timeoutMs: 1_000 } });
    const line = lineOf(file, 'async ({ name }) =>');
    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line }] });
    await debugStart(serverId);
    let latest: ServerSummary | undefined;
    const sub = h.api.subscribe('servers.changed', {}, (l) => (latest = l.find((s) => s.config.id === serverId) ?? latest));
    const roundsUntil = async (pred: (s: ServerSummary) => boolean): Promise<ServerSummary> => {
      for (let round = 0; round < 30; round++) {
        clock.advance(15_000);
        if (await eventually(() => latest !== undefined && pred(latest), 2_000)) return latest!;
      }
      throw new Error(`the health verdict never came; last: ${JSON.stringify(latest?.health)}`);
    };
    const paused = debugState(serverId, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId, toolName: 'greet', arguments: { name: 'Bo' } });
    await paused;
    expect((await roundsUntil((s) => s.health?.state === 'paused')).health).toMatchObject({
      state: 'paused',
      message: `paused at shop-ts/src/server.ts:${line}`,
    });
    await h.api.call('debug.step', { serverId, action: 'continue' });
    expect((await call).status).toBe('ok');
    expect((await roundsUntil((s) => s.health?.state === 'ok')).health?.state).toBe('ok');
    sub.dispose();
  }, 120_000);

  it('breakpoints set while it runs reach it at once: a log point logs (not to stdout) and goes on, a condition pauses only when it holds', async () => {
    const { serverId, file } = await tsProject();
    const first = lineOf(file, "if (operation === 'divide' && b === 0)");
    const second = lineOf(file, 'const result = {');
    await debugStart(serverId);
    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line: first, logMessage: 'a is {a}, `b` is {b}' }] });
    expect((await h.api.call('tools.call', { serverId, toolName: 'calculate', arguments: { operation: 'add', a: 7, b: 1 } })).status).toBe(
      'ok',
    );
    await waitForLog(h, serverId, (e) => e.text === '[debugger] a is 7, `b` is 1', 30_000);
    // Nothing went to stdout, which carries the protocol (a stray line there is logged before the answer behind it).
    expect((await h.api.call('logs.counts', { serverId })).bySource.stdout ?? 0).toBe(0);

    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line: second, condition: 'a === 3' }] });
    expect((await h.api.call('tools.call', { serverId, toolName: 'calculate', arguments: { operation: 'add', a: 2, b: 0 } })).status).toBe(
      'ok',
    );
    const paused = debugState(serverId, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId, toolName: 'calculate', arguments: { operation: 'add', a: 3, b: 0 } });
    expect((await paused).paused).toMatchObject({ location: { line: second } });
    await h.api.call('debug.step', { serverId, action: 'continue' });
    expect((await call).status).toBe('ok');
  }, 120_000);

  it('a breakpoint in code that runs as the program loads is in place before it runs', async () => {
    const { serverId, dir } = await tsProject();
    const main = path.join(dir, 'src', 'main.ts');
    const line = lineOf(main, 'listening on stdio');
    await h.api.call('debug.setBreakpoints', { path: main, breakpoints: [{ line }] });
    const paused = debugState(serverId, (s) => s.state === 'paused');
    const started = h.api.call('debug.start', { serverId });
    expect((await paused).paused).toMatchObject({ reason: 'breakpoint', location: { path: main, line } });
    await h.api.call('debug.step', { serverId, action: 'continue' });
    expect((await started).status).toMatchObject({ state: 'ready' });
  }, 120_000);

  it('a plain `node server.mjs` pauses on its own lines', async () => {
    const { dir } = await tsProject();
    const file = path.join(dir, 'plain.mjs');
    await writeFile(
      file,
      [
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
        "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
        "import { z } from 'zod';",
        "const server = new McpServer({ name: 'plain', version: '1.0.0' });",
        "server.registerTool('twice', { inputSchema: { n: z.number() } }, async ({ n }) => {",
        '  const doubled = n * 2;',
        "  return { content: [{ type: 'text', text: String(doubled) }] };",
        '});',
        'await server.connect(new StdioServerTransport());',
        '',
      ].join('\n'),
    );
    const { config } = await h.api.call('servers.add', {
      name: 'plain',
      transport: 'stdio',
      command: 'node',
      args: ['plain.mjs'],
      cwd: dir,
    });
    await h.api.call('debug.setBreakpoints', { path: file, breakpoints: [{ line: 6 }] });
    await debugStart(config.id);
    const paused = debugState(config.id, (s) => s.state === 'paused');
    const call = h.api.call('tools.call', { serverId: config.id, toolName: 'twice', arguments: { n: 21 } });
    expect((await paused).paused).toMatchObject({ reason: 'breakpoint', location: { path: file, line: 6 } });
    expect(await locals(config.id)).toContainEqual(expect.objectContaining({ name: 'n', value: '21' }));
    await h.api.call('debug.step', { serverId: config.id, action: 'continue' });
    expect(await call).toMatchObject({ status: 'ok', result: { content: [{ text: '42' }] } });
    // Stopping ends it cleanly: Node waits "for the debugger to disconnect", and MCP Lab lets it go.
    await h.api.call('servers.stop', { serverId: config.id });
    await waitForLog(h, config.id, (e) => e.source === 'lifecycle' && /stopped \(exited when its input closed/.test(e.text), 15_000);
  }, 120_000);

  it('refuses a command it cannot put the inspector on, and says what to run instead', async () => {
    h = await startHarness();
    const { config } = await h.api.call('servers.add', { name: 'via npm', transport: 'stdio', command: 'npm', args: ['start'] });
    const s = await h.api.call('debug.start', { serverId: config.id });
    expect(s.status).toMatchObject({
      state: 'failed',
      kind: 'debuggerUnavailable',
      message: expect.stringContaining('cannot run "npm start" under the Node debugger'),
      hint: expect.stringContaining('node --import tsx src/main.ts'),
    });
  });
});
