import { addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';

test('a very large result is shown trimmed at once, and the whole one can be downloaded', async ({ app: page }) => {
  await addServer(page, { name: 'Echo', command: process.execPath, args: fixtureScript('echo-server.ts') });
  await startSelectedServer(page);
  await openTool(page, /^big/);
  await page.locator('.args-form').getByRole('spinbutton', { name: 'bytes' }).fill('3000000');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result.getByRole('note')).toContainText('a trimmed view is shown so the window stays responsive');
  // What reached the page is the trimmed view, not 3 MB of text in the DOM.
  expect(await result.evaluate((el) => el.textContent?.length ?? 0)).toBeLessThan(600_000);
  await shot(page, 'k1-large-result');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    result.getByRole('button', { name: 'Download full result' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('big-result.json');
  const path = await download.path();
  const { statSync } = await import('node:fs');
  expect(statSync(path).size).toBeGreaterThan(3_000_000);
});
