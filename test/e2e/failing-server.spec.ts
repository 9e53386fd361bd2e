import { addServer, expect, shot, test } from './fixtures';

test('(e) a command that does not exist shows the failure panel', async ({ app: page }) => {
  // Escape closes a dialog without saving.
  await page.getByRole('button', { name: '+ Add server' }).click();
  await expect(page.getByRole('dialog', { name: 'Add server' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await addServer(page, { name: 'Broken server', command: 'mcp-lab-no-such-command-xyz', args: '--stdio' });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  const panel = page.getByRole('alert', { name: 'Server failure' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('not found on PATH');
  await expect(panel.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Servers' })).toContainText('failed');
  await shot(page, 'e1-command-not-found');
});
