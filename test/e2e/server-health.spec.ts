import { LOOKS, addServer, expect, fixtureScript, forEachLook, openTool, shot, test } from './fixtures';
import { startLab } from './lab-server';

// Health pings every 300 ms instead of every 15 s, so a round comes while the tool blocks and right after it.
const HEALTH_INTERVAL_MS = '300';

test('(health) a blocked server is "ready, but not answering pings for N s" until a ping answers; at 1440×900 and 1024×700, light and dark', async ({
  page,
}) => {
  const lab = await startLab({ serveArgs: ['--health-interval-ms', HEALTH_INTERVAL_MS] });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await addServer(page, { name: 'Echo', command: process.execPath, args: fixtureScript('echo-server.ts') });
    await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
    const pill = page.locator('.server-header .status-pill');
    await expect(pill).toHaveText(/ready/, { timeout: 30_000 });
    const badge = page.locator('.server-header .health-badge');
    await expect(badge).toHaveCount(0);
    const pid = Number(await page.locator('.server-facts .fact', { hasText: 'PID' }).locator('dd').innerText());

    // The tool spins for 9 s: the server is still "ready" (its process runs, it was initialized), and the
    // header says that it does not answer, and for how long, beside it instead of a second state.
    await openTool(page, /^block/);
    await page.locator('.args-form').getByRole('spinbutton', { name: 'ms' }).fill('9000');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(badge).toHaveText(/^but not answering pings for \d+ s$/);
    // The process is held where it is while every look is checked, however long that takes on a busy machine.
    process.kill(pid, 'SIGSTOP');
    try {
      await expect(pill).toHaveText(/^ready/);
      await expect(page.locator('.server-header')).not.toContainText('unresponsive');
      await expect(badge).toHaveAttribute('title', /no answer to ping within 5 s \(\d+ in a row\)/);
      await forEachLook(page, LOOKS, async (look) => {
        await expect(pill).toBeInViewport();
        await expect(badge).toBeInViewport();
        await expect(badge).toHaveText(/^but not answering pings for \d+ s$/);
        await shot(page, `health-not-answering-${look.name}`);
      });
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    // The call ends, the next ping is answered and the badge goes with it.
    const result = page.getByRole('region', { name: 'Call result' });
    await expect(result).toHaveAttribute('data-status', 'ok');
    await expect(result).toContainText('blocked 9000 ms');
    await expect(badge).toHaveCount(0);
    await expect(pill).toHaveText(/^ready/);
    await forEachLook(page, LOOKS, async (look) => {
      await expect(pill).toBeInViewport();
      await expect(result).toBeVisible();
      await shot(page, `health-answering-again-${look.name}`);
    });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    const survivors = await lab.stop();
    expect(survivors, 'server processes left running after mcp-lab stopped').toEqual([]);
  }
});
