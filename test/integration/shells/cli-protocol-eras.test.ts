/**
 * The real `mcp-lab` command against a 2026-07-28 server and an initialize-era one: the era shows
 * in listings and in --json, input_required asks are answered by the same flags as server→client
 * requests, and --protocol pins a revision.
 */
import { describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome } from '../../helpers/run-cli';
import { EXIT } from '../../../src-main/shells/cli/exit-codes';

const MODERN = ['--', process.execPath, fixtureScript('modern-server.ts')];
const ECHO = ['--', process.execPath, fixtureScript('echo-server.ts')];
/** Every run gets its own app-data folder: downloads land there, not in the user's. */
const cli = cliWithOwnHome();
const runCli = cli.run;

describe('mcp-lab and the two protocol eras', () => {
  it('tools names the revision and era; --json carries them in the server info', async () => {
    const human = await runCli(['tools', ...MODERN]);
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n').slice(0, 2)).toEqual(['modern-fixture 2.0.0 — 10 tools', 'protocol 2026-07-28 (stateless)']);
    const json = JSON.parse((await runCli(['tools', '--json', ...MODERN])).stdout).data as { server: Record<string, unknown> };
    expect(json.server).toMatchObject({ protocolVersion: '2026-07-28', era: 'stateless', eraReason: 'server/discover offers 2026-07-28' });
    const old = await runCli(['tools', ...ECHO]);
    expect(old.stdout.split('\n')[1]).toBe('protocol 2025-11-25 (initialize)');
  });

  it('call answers an input_required elicitation with --elicit, and without it says which flag declares it', async () => {
    const r = await runCli(['call', 'ask_name', '--elicit', 'accept:{"name":"Ada"}', ...MODERN]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Hello, Ada!');
    const json = JSON.parse(
      (await runCli(['call', 'summarize', '--args', '{"text":"long"}', '--sampling-reply', 'brief', '--json', ...MODERN])).stdout,
    ).data;
    expect(json).toMatchObject({ status: 'ok', result: { content: [{ type: 'text', text: 'summary (mcp-lab): brief' }] } });
    const refused = await runCli(['call', 'ask_name', ...MODERN]);
    expect(refused.code).toBe(EXIT.protocolError);
    expect(refused.stderr).toContain('protocol error -32021');
    expect(refused.stderr).toContain('--elicit');
  });

  it('--protocol pins a revision either way', async () => {
    const pinnedOld = JSON.parse((await runCli(['tools', '--json', '--protocol', '2025-06-18', ...MODERN])).stdout).data as {
      server: Record<string, unknown>;
    };
    expect(pinnedOld.server).toMatchObject({ protocolVersion: '2025-06-18', era: 'initialize', eraReason: 'pinned to 2025-06-18' });
    const refused = await runCli(['tools', '--protocol', '2026-07-28', ...ECHO]);
    expect(refused.code).toBe(EXIT.serverFailed);
    expect(refused.stderr).toContain('pinned to 2026-07-28');
    // What to change, in the terminal's words: the flag, not the app's menu.
    expect(refused.stderr).toContain('--protocol auto');
    expect(refused.stderr).not.toMatch(/Edit →|[Cc]hoose/);
    const bad = await runCli(['tools', '--protocol', '2023-01-01', ...ECHO]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('2026-07-28');
  });
});
