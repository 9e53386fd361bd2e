/** `--stderr` / `-v`: the server's stderr and log messages on the terminal, marked as the server's. */
import { describe, expect, it } from 'vitest';
import { FIXTURES, TSX_IMPORT } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

const echo = ['--', process.execPath, '--import', TSX_IMPORT, `${FIXTURES}/echo-server.ts`];

describe('mcp-lab call -v', () => {
  it('streams the server\'s stderr line and its log message to stderr; stdout keeps only the result', async () => {
    const r = await runCli(['call', 'log', '--args', '{"text":"from-the-server"}', '-v', ...echo]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\[server stderr\] .*from-the-server/m);
    expect(r.stderr).toMatch(/^\[server (debug|info|notice|warning|error)\] .*from-the-server/m);
    expect(r.stdout).not.toContain('[server');
  });

  it('says nothing of the server without it', async () => {
    const r = await runCli(['call', 'log', '--args', '{"text":"from-the-server"}', ...echo]);
    expect(r.stderr).not.toContain('[server');
  });
});
