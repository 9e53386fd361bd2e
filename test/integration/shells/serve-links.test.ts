import { describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/processes';
import { startServeProcess } from '../../helpers/serve-process';
import { openSession } from '../../helpers/ws-client-port';

describe('browser-mode links', () => {
  it('a printed link opens one session; the terminal says how to get another, and n + Enter prints one that works', async () => {
    const serve = await startServeProcess([]);
    try {
      expect(serve.stdout()).toMatch(/Type n and press Enter for a new link/);
      await openSession(serve.base, serve.token);
      await expect(openSession(serve.base, serve.token)).rejects.toThrow(/refused: 410/);

      serve.child.stdin.write('n\n');
      const links = () => [...serve.stdout().matchAll(/Open:\s+http:\/\/\S+\/#token=(\S+)/g)].map((m) => m[1]!);
      expect(await eventually(() => links().length === 2, 10_000)).toBe(true);
      const fresh = links()[1]!;
      expect(fresh).not.toBe(serve.token);
      const session = await openSession(serve.base, fresh);
      expect(session.cookie).not.toContain(fresh);
      await expect(openSession(serve.base, fresh)).rejects.toThrow(/refused: 410/);

      // Listening for the key does not keep serve from quitting.
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    } finally {
      await serve.cleanup();
    }
  });
});
