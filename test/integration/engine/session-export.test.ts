/**
 * Shareable sessions: a server's session exported as one file holds its info, surface, log,
 * history and HTTP requests, and none of the secrets given to the server (an env secret it
 * echoes; an Authorization header of a remote server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionFileSchema } from '../../../src-shared/api/schemas/session-file';
import { bearerOnly, startFixture, type FixtureServer } from '../../fixtures/remote/mcp-http';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForLog, type Harness } from '../../helpers/harness';

const ENV_SECRET = 'env-secret-7f3a9c1e5b';
const TOKEN_VALUE = 'session-export-token-0123456789';
const TOKEN = `Bearer ${TOKEN_VALUE}`;

describe('sessions.export', () => {
  let h: Harness;
  let remote: FixtureServer;
  beforeAll(async () => {
    h = await startHarness();
    remote = await startFixture(bearerOnly(TOKEN));
  });
  afterAll(async () => {
    await h?.dispose();
    await remote?.close();
  });

  it('a stdio server: everything it did, and not the env secret it printed and echoed', async () => {
    const s = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { env: [{ key: 'API_KEY', value: ENV_SECRET, secret: true }] }),
    );
    expect((await h.api.call('servers.start', { serverId: s.config.id })).status.state).toBe('ready');
    expect(
      (await h.api.call('tools.call', { serverId: s.config.id, toolName: 'log', arguments: { text: `key=${ENV_SECRET}` } })).status,
    ).toBe('ok');
    expect((await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: ENV_SECRET } })).status).toBe(
      'ok',
    );
    await waitForLog(h, s.config.id, (e) => e.source === 'stderr' && e.text.includes('stderr says'));

    const { fileName, text } = await h.api.call('sessions.export', { serverId: s.config.id });
    expect(fileName).toMatch(/^echo-server-session-\d{4}-\d\d-\d\d\.mcplab-session\.json$/);
    expect(text).not.toContain(ENV_SECRET);
    const file = SessionFileSchema.parse(JSON.parse(text));
    expect(file.server.info?.name).toBe('echo-fixture');
    expect(file.surface?.tools.map((t) => t.name)).toContain('echo');
    expect(file.server.config).toMatchObject({ env: [{ key: 'API_KEY', secret: true, value: '•••' }] });
    expect(file.history.map((e) => e.target)).toEqual(expect.arrayContaining(['log', 'echo']));
    expect(file.log.some((e) => e.source === 'stderr' && e.text === 'stderr says: key=•••')).toBe(true);
  });

  it('a server that writes its secret into its instructions and a tool description: blanked in the surface too', async () => {
    const s = await h.api.call(
      'servers.add',
      fixtureServer('surface-server.ts', { env: [{ key: 'SURFACE_LEAK', value: ENV_SECRET, secret: true }] }),
    );
    expect((await h.api.call('servers.start', { serverId: s.config.id })).status.state).toBe('ready');
    const { text } = await h.api.call('sessions.export', { serverId: s.config.id });
    expect(text).not.toContain(ENV_SECRET);
    const file = SessionFileSchema.parse(JSON.parse(text));
    expect(file.server.info?.instructions).toBe('configured with •••');
    expect(file.surface?.tools[0]?.description).toBe('The weather for a city (key •••)');
  });

  it('a remote server: its HTTP requests, and not its Authorization header (nor a key header not marked secret)', async () => {
    await h.api.call('servers.add', {
      id: 'api',
      name: 'api',
      transport: 'http',
      url: `${remote.base}/mcp`,
      headers: [
        { key: 'Authorization', value: TOKEN, secret: true },
        { key: 'X-Api-Key', value: 'plain-api-key-value-123' },
      ],
    });
    expect((await h.api.call('servers.start', { serverId: 'api' })).status.state).toBe('ready');
    expect((await h.api.call('tools.call', { serverId: 'api', toolName: 'echo', arguments: { text: 'over the wire' } })).status).toBe('ok');

    const { text } = await h.api.call('sessions.export', { serverId: 'api' });
    expect(text).not.toContain(TOKEN_VALUE);
    expect(text).not.toContain('plain-api-key-value-123');
    const file = SessionFileSchema.parse(JSON.parse(text));
    expect(file.network.some((e) => e.requestBody?.text.includes('over the wire'))).toBe(true);
    expect(file.server.config).toMatchObject({
      headers: [
        { key: 'Authorization', secret: true, value: '•••' },
        { key: 'X-Api-Key', value: expect.stringMatching(/masked/) },
      ],
    });
  });
});
