import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, harnessForEachTest, waitForLog } from '../../helpers/harness';

const h = harnessForEachTest();

describe('a server that prints to stdout', () => {
  it('keeps the text as a stdout log entry, hints once, and stays connected', async () => {
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    const id = s.config.id;
    expect(s.hints).toEqual([]);

    for (const text of ['debug: first print', 'debug: second print', 'debug: third print']) {
      const out = await h.api.call('tools.call', { serverId: id, toolName: 'print', arguments: { text } });
      expect(out.status).toBe('ok');
    }
    const entries = await waitForLog(h, id, (e) => e.source === 'stdout' && e.text === 'debug: third print');
    expect(entries.filter((e) => e.source === 'stdout').map((e) => e.text)).toEqual([
      'debug: first print',
      'debug: second print',
      'debug: third print',
    ]);

    // Said once in the log too, not once per line.
    expect(entries.filter((e) => e.source === 'app' && e.level === 'warning')).toHaveLength(1);

    const [summary] = await h.api.call('servers.list', {});
    expect(summary!.hints).toHaveLength(1);
    expect(summary!.hints[0]).toMatch(/stdout/);
    expect(summary!.hints[0]).toMatch(/stderr/);

    // The noise did not break the connection.
    const echo = await h.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { text: 'still here' } });
    expect(echo.status).toBe('ok');
    expect(summary!.status.state).toBe('ready');
  });
});
