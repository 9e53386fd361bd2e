/**
 * `--sampling-reply`, `--elicit` and `--root` on the verbs that start a server: unattended
 * answers to server → client requests, and nothing declared without them.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';

const server = ['--', process.execPath, fixtureScript('client-requests-server.ts')];
const EVERYTHING = [
  '--',
  process.execPath,
  path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js'),
  'stdio',
];
/** Every run gets its own app-data folder: downloads land there, not in the user's. */
const cli = cliWithOwnHome();
const runCli = cli.run;
/** The fixture's report of what it got back: `result {...}` or `error <code>: <message>`. */
const answer = (stdout: string) => {
  const line = stdout.trim();
  return line.startsWith('result ') ? JSON.parse(line.slice('result '.length)) : line;
};

describe('mcp-lab call with client feature flags', () => {
  it('declares nothing without flags: the server gets -32601 Method not found', async () => {
    const caps = await runCli(['call', 'client_capabilities', ...server]);
    expect(caps.code).toBe(0);
    expect(JSON.parse(caps.stdout)).toEqual({});
    const r = await runCli(['call', 'ask_llm', '--args', '{"prompt":"hi"}', ...server]);
    expect(r.stdout.trim()).toBe('error -32601: Method not found');
  });

  it('--sampling-reply answers every sampling request with that text', async () => {
    const r = await runCli(['call', 'ask_llm', '--args', '{"prompt":"Capital of France?"}', '--sampling-reply', 'Paris', ...server]);
    expect(r.code).toBe(0);
    expect(answer(r.stdout)).toEqual({
      role: 'assistant',
      content: { type: 'text', text: 'Paris' },
      model: 'mcp-lab',
      stopReason: 'endTurn',
    });
  });

  it("--elicit accept:'<json>' | decline | cancel answers every elicitation", async () => {
    const a = await runCli(['call', 'ask_user', '--elicit', 'accept:{"name":"Ada","age":36}', ...server]);
    // The given values over what the dialog would send untouched: the schema's defaults (color "g"), an unticked box.
    expect(answer(a.stdout)).toEqual({ action: 'accept', content: { name: 'Ada', age: 36, color: 'g', subscribe: false } });
    const d = await runCli(['call', 'ask_user', '--elicit', 'decline', ...server]);
    expect(answer(d.stdout)).toEqual({ action: 'decline' });
    const c = await runCli(['call', 'ask_user', '--elicit', 'cancel', ...server]);
    expect(answer(c.stdout)).toEqual({ action: 'cancel' });
  });

  it('--root lists those folders (repeatable), and declares nothing else', async () => {
    const r = await runCli(['call', 'list_roots', '--root', FIXTURES, '--root', os.tmpdir(), ...server]);
    expect(answer(r.stdout)).toEqual({
      roots: [
        { uri: pathToFileURL(FIXTURES).href, name: 'servers' },
        { uri: pathToFileURL(os.tmpdir()).href, name: path.basename(os.tmpdir()) },
      ],
    });
    const caps = await runCli(['call', 'client_capabilities', '--root', FIXTURES, ...server]);
    expect(JSON.parse(caps.stdout)).toEqual({ roots: { listChanged: true } });
  });

  it('refuses a malformed --elicit or a missing --root folder before starting anything', async () => {
    const e = await runCli(['call', 'ask_user', '--elicit', 'maybe', ...server]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`--elicit expects accept:'<json>', accept, decline or cancel, got "maybe"`);
    const j = await runCli(['call', 'ask_user', '--elicit', 'accept:{name}', ...server]);
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('--elicit accept:<json>:');
    const r = await runCli(['call', 'list_roots', '--root', '/no/such/folder', ...server]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--root /no/such/folder: /no/such/folder is not a folder');
  });
});

describe('the same flags on other verbs', () => {
  it('mcp-lab tools sees the tools server-everything lists only for capable clients', async () => {
    const plain = await runCli(['tools', ...EVERYTHING]);
    expect(plain.stdout).not.toContain('trigger-sampling-request');
    const r = await runCli(['tools', '--sampling-reply', 'x', '--elicit', 'cancel', ...EVERYTHING]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('trigger-sampling-request');
    expect(r.stdout).toContain('trigger-elicitation-request');
    expect(r.stdout).not.toContain('get-roots-list');
  });
});
