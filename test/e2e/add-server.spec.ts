import { addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';

test('(b) a server added through the dialog starts, answers a form call, and its stderr shows in the logs', async ({ app: page }) => {
  await addServer(
    page,
    {
      name: 'Echo fixture',
      command: process.execPath,
      args: fixtureScript('echo-server.ts'),
    },
    'b0-add-server-dialog',
  );
  await startSelectedServer(page);

  await openTool(page, /^Echo/);
  await page.locator('.args-form').getByRole('textbox', { name: 'text', exact: true }).fill('hello through the form');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.result-text')).toHaveText('hello through the form');
  await shot(page, 'b1-echo-ok');

  await openTool(page, /^log/);
  await page.locator('.args-form').getByRole('textbox', { name: 'text', exact: true }).fill('e2e-marker-42');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toContainText('logged');

  await page.getByRole('tab', { name: /Logs/ }).click();
  const grid = page.getByRole('grid', { name: 'Log entries' });
  await expect(grid.locator('.log-row', { hasText: 'stderr says: e2e-marker-42' })).toBeVisible();
  await page.getByRole('button', { name: 'stderr', exact: true }).click(); // hide stderr
  await expect(grid.locator('.log-row', { hasText: 'stderr says: e2e-marker-42' })).toHaveCount(0);
  await page.getByRole('button', { name: 'stderr', exact: true }).click();
  await page.getByLabel('Filter log text').fill('e2e-marker');
  // The text filter applies a moment after typing stops: wait for it, or the click lands on a row about to move.
  await expect(grid.locator('.log-row').filter({ hasNotText: 'e2e-marker' })).toHaveCount(0);
  await grid.locator('.log-row', { hasText: 'stderr says: e2e-marker-42' }).click();
  await expect(page.getByRole('complementary', { name: 'Log entry details' })).toContainText('stderr says: e2e-marker-42');
  await shot(page, 'b2-logs-stderr');
});
