import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(f) a running slow_task shows progress, then cancels', async ({ app: page }) => {
  await startSelectedServer(page);
  await openTool(page, /Slow task/);
  await page.locator('.args-form').getByRole('spinbutton', { name: 'seconds', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  const bar = page.getByRole('progressbar', { name: 'Call progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 10_000 }).toBeGreaterThan(0);
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 10_000 }).toBeGreaterThan(first);
  await expect(page.locator('.progress-text')).toContainText('step');
  await shot(page, 'f1-progress');

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'cancelled');
  await expect(result.locator('.outcome-badge')).toHaveText('Cancelled');
  await expect(bar).toBeHidden();
  await shot(page, 'f2-cancelled');
});
