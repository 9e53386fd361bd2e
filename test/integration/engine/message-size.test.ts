import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, harnessForEachTest, waitForLog } from '../../helpers/harness';

const LIMIT = 64 * 1024;

const h = harnessForEachTest({ maxMessageBytes: LIMIT });

describe('the message size limit', () => {
  it('fails a call whose response is too large at once, says why, and keeps the connection', async () => {
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    const id = s.config.id;
    expect(s.status.state).toBe('ready');

    const out = await h.api.call('tools.call', { serverId: id, toolName: 'big', arguments: { bytes: 4 * LIMIT }, timeoutMs: 30_000 });
    // Promptly: the response arrived and was discarded; waiting for the 30 s timeout would end as a timeout.
    expect(out.status).toBe('protocolError');
    if (out.status !== 'protocolError') return;
    expect(out.message).toMatch(/limit/);
    expect(out.message).toContain('64 KiB'); // the configured limit, not the default
    expect(out.message).toMatch(/paginate|resource link/);

    // The log says what was dropped.
    const log = await waitForLog(h, id, (e) => e.source === 'app' && e.text.startsWith('discarded a stdout line'));
    expect(log.at(-1)!.level).toBe('error');

    // Under the limit still works on the same connection.
    const small = await h.api.call('tools.call', { serverId: id, toolName: 'big', arguments: { bytes: 1000 } });
    expect(small.status).toBe('ok');
    const [summary] = await h.api.call('servers.list', {});
    expect(summary!.status.state).toBe('ready');
  });
});
