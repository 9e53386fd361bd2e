/**
 * OAuth on the command line: the flags that say how to sign in are checked before anything is
 * sent, a failed sign-in prints its steps, and --oauth-steps prints every step with its requests.
 */
import { describe, expect, it } from 'vitest';
import { cliWithOwnHome } from '../../helpers/run-cli';
import { startProtectedServer } from '../../fixtures/remote/oauth-server';

const cli = cliWithOwnHome();

describe('mcp-lab --url with OAuth flags', () => {
  it('refuses flags that do not go together, saying what is missing', async () => {
    const url = 'http://127.0.0.1:9/mcp';
    expect(await cli.run(['tools', '--url', url, '--client-secret', 'x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--client-secret and --client-key go with --client-id'),
    });
    expect(await cli.run(['tools', '--url', url, '--oauth-flow', 'client-credentials', '--client-id', 'c'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs --client-id and --client-secret'),
    });
    expect(await cli.run(['tools', '--url', url, '--client-metadata-url', 'http://example.com/c.json'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('https:// URL with a path'),
    });
    expect(await cli.run(['tools', '--client-id', 'c', '--', 'node', 'x.js'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('go with --url'),
    });
  });

  it('a sign-in that fails prints where it failed, step by step; --oauth-steps adds the requests', async () => {
    const server = await startProtectedServer({ resource: 'https://evil.example.com/mcp' });
    try {
      const r = await cli.run(['tools', '--url', server.url]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('sign-in failed at “Protected resource metadata”: Its resource is "https://evil.example.com/mcp"');
      expect(r.stderr).toContain('OAuth sign-in (authorization code), failed');
      expect(r.stderr).toMatch(
        / {2}✓ The server asks for authorization \(HTTP 401\) — MCP Lab signs in\.\n {2}✗ Protected resource metadata — Found at/,
      );
      const detailed = await cli.run(['tools', '--url', server.url, '--oauth-steps']);
      expect(detailed.stderr).toMatch(
        new RegExp(`GET ${server.base.replace(/[.]/g, '\\.')}/\\.well-known/oauth-protected-resource/mcp → 200 \\(\\d+ ms\\)`),
      );
      expect(detailed.stderr).toContain('fix: Publish "resource"');
    } finally {
      await server.close();
    }
  });
});
