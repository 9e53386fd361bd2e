/** What a server sends never drives the terminal: human output shows control characters escaped; --raw opts out. */
import { describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

const marker = ['--', process.execPath, fixtureScript('call-marker.ts')];

describe('mcp-lab call on a server that returns escape codes', () => {
  it('prints them escaped, as \\u001b, and no control byte reaches the terminal', async () => {
    const r = await runCli(['call', 'escape', ...marker]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('title\\u001b]0;pwned\\u0007 move\\u001b[2J c1\\u009b31m half\\ud800 end\n');
    // eslint-disable-next-line no-control-regex -- looking for exactly those bytes
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('--raw prints the text as the server sent it', async () => {
    const r = await runCli(['call', 'escape', '--raw', ...marker]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('title\u001b]0;pwned\u0007 move\u001b[2J');
  });
});
