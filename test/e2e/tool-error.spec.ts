import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(c) a tool error looks different from a success', async ({ app: page }) => {
  await startSelectedServer(page);
  await openTool(page, /Divide/);
  const form = page.locator('.args-form');
  const result = page.getByRole('region', { name: 'Call result' });

  await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.outcome-badge')).toHaveCSS('color', 'rgb(78, 201, 138)'); // --ok

  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('0');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'toolError');
  await expect(result.locator('.outcome-badge')).toHaveText('Tool error');
  await expect(result).toContainText('reported a failure');
  await expect(result.locator('.outcome-badge')).toHaveCSS('color', 'rgb(245, 154, 76)'); // --tool-error, not green
  // Both outcomes stay in the history.
  await expect(page.getByRole('navigation', { name: 'Recent calls' }).getByRole('button')).toHaveCount(2);
  await shot(page, 'c1-divide-tool-error');
});
