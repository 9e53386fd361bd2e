import { LOOKS, addServer, expect, fixtureScript, forEachLook, openTool, shot, startSelectedServer, test } from './fixtures';

test('(crash) a call that crashes the server says how it exited, once, and that it was restarted; at 1440×900 and 1024×700, light and dark', async ({
  app: page,
}) => {
  await addServer(page, { name: 'Echo', command: process.execPath, args: fixtureScript('echo-server.ts') });
  await startSelectedServer(page);

  // The tool exits the process with code 3 mid-call; the default restart policy brings it back after 1 s.
  await openTool(page, /^crash/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'crashed');
  await expect(result.locator('.result-line').first()).toHaveText('the server process exited (exit code 3)');
  expect((await result.innerText()).match(/exit code 3/g), 'how the process ended, said once').toHaveLength(1);
  await expect(result).toContainText('fatal: the crash tool was called');
  await expect(result).toContainText(/The server was restarted: ready again since \d\d:\d\d:\d\d/);
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/);
  await forEachLook(page, LOOKS, async (look) => {
    await expect(result.locator('.result-line').first()).toBeInViewport();
    await expect(result.getByText(/The server was restarted: ready again since/)).toBeVisible();
    await expect(page.locator('.server-header .status-pill')).toBeInViewport();
    await shot(page, `crash-result-${look.name}`);
  });
});
