import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(a) the example server starts, greet is called through the generated form', async ({ app: page }) => {
  await expect(page.getByRole('complementary', { name: 'Servers' }).getByText('Example server (TypeScript)')).toBeVisible();
  await expect(page.getByText('Start the server to see its tools')).toBeVisible();
  await shot(page, 'a1-default-workspace');

  await startSelectedServer(page);
  await expect(page.locator('.server-facts')).toContainText('PID');
  await openTool(page, /Greet someone/);
  await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('Ada');
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.outcome-badge')).toHaveText('OK');
  await expect(result).toContainText('Ada');
  await expect(result.getByTitle('Duration', { exact: true })).toHaveText(/\d+(\.\d+)? (ms|s)/);
  await shot(page, 'a2-greet-ok');

  // Keyboard: Ctrl+Enter calls again, Ctrl+2 opens the logs, Ctrl+3 the dashboard.
  await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('Grace');
  await page.keyboard.press('Control+Enter');
  await expect(result).toContainText('Grace');
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('grid', { name: 'Log entries' })).toContainText('tools/call');
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('region', { name: 'Tool statistics' })).toContainText('greet');
  await expect(
    page.getByRole('region', { name: 'Tool statistics' }).getByRole('img', { name: /Latency distribution: ≤ \d/ }),
  ).toBeVisible();
  await expect(page.locator('.metric-card', { hasText: 'Uptime' })).toContainText('restarts');
  await shot(page, 'a3-dashboard');

  // Ctrl+K jumps to the tool search from anywhere; Enter opens the first match.
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('searchbox', { name: 'Search tools' })).toBeFocused();
  await page.keyboard.type('divide');
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('.console-title')).toHaveText('Divide');
});
