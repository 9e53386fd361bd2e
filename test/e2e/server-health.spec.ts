import { addServer, expect, fixtureScript, openTool, shot, test } from './fixtures';
import { startLab } from './lab-server';

// Health pings every 300 ms instead of every 15 s, so a round comes while the tool blocks and right after it.
const HEALTH_INTERVAL_MS = '300';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`(health) ${size.width}×${size.height} ${scheme}: a blocked server is "ready, but not answering pings for N s" until a ping answers`, async ({
      page,
    }) => {
      const lab = await startLab({ serveArgs: ['--health-interval-ms', HEALTH_INTERVAL_MS] });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lab.url);
        await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
        await addServer(page, { name: 'Echo', command: process.execPath, args: fixtureScript('echo-server.ts') });
        await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
        const pill = page.locator('.server-header .status-pill');
        await expect(pill).toHaveText(/ready/, { timeout: 30_000 });
        const badge = page.locator('.server-header .health-badge');
        await expect(badge).toHaveCount(0);

        // The tool spins for 9 s: the server is still "ready" (its process runs, it was initialized), and the
        // header says that it does not answer, and for how long, beside it instead of a second state.
        await openTool(page, /^block/);
        await page.locator('.args-form').getByRole('spinbutton', { name: 'ms' }).fill('9000');
        await page.getByRole('button', { name: 'Call', exact: true }).click();
        await expect(badge).toHaveText(/^but not answering pings for \d+ s$/);
        await expect(pill).toHaveText(/^ready/);
        await expect(page.locator('.server-header')).not.toContainText('unresponsive');
        await expect(badge).toHaveAttribute('title', /no answer to ping within 5 s \(\d+ in a row\)/);
        await shot(page, `health-not-answering-${scheme}-${size.width}x${size.height}`);

        // The call ends, the next ping is answered and the badge goes with it.
        const result = page.getByRole('region', { name: 'Call result' });
        await expect(result).toHaveAttribute('data-status', 'ok');
        await expect(result).toContainText('blocked 9000 ms');
        await expect(badge).toHaveCount(0);
        await expect(pill).toHaveText(/^ready/);
        await shot(page, `health-answering-again-${scheme}-${size.width}x${size.height}`);
        expect(errors, 'uncaught errors in the page').toEqual([]);
      } finally {
        const survivors = await lab.stop();
        expect(survivors, 'server processes left running after mcp-lab stopped').toEqual([]);
      }
    });
  }
}
