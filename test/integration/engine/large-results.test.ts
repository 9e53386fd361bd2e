import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest } from '../../helpers/harness';

const h = harnessForEachTest();

describe('a result too large for the window', () => {
  it('comes back trimmed with the whole result saved, readable again in full', async () => {
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: config.id });
    const out = await h.api.call('tools.call', {
      serverId: config.id,
      toolName: 'big',
      arguments: { bytes: 3_000_000 },
      inlineLimitBytes: 256 * 1024,
    });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.responseBytes).toBeGreaterThan(3_000_000);
    expect(JSON.stringify(out).length).toBeLessThan(300 * 1024);
    expect(out.truncated!.bytes).toBeGreaterThan(3_000_000);
    const whole = JSON.parse((await h.api.call('downloads.read', { path: out.truncated!.savedTo })).text);
    expect(whole.content[0].text).toHaveLength(3_000_000);

    // Without a limit (the CLI), the result comes whole.
    const full = await h.api.call('tools.call', { serverId: config.id, toolName: 'big', arguments: { bytes: 300_000 } });
    expect(full.status === 'ok' && full.truncated).toBeFalsy();
  });

  it('reads back only what MCP Lab saved in its downloads folder', async () => {
    await expect(h.api.call('downloads.read', { path: '/etc/passwd' })).rejects.toMatchObject({ code: 'NotFound' });
    await expect(h.api.call('downloads.read', { path: `${h.workspaceDir}/../app/downloads/../secrets.json` })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});
