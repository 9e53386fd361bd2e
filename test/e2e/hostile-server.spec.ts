import { addServer, expect, shot, startSelectedServer, test, fixtureScript } from './fixtures';

/**
 * A server that puts script into everything it controls (names, instructions, descriptions,
 * results, links, resources, prompts, log lines, an SVG icon). None of it may run: it must show
 * up as plain text, and `window.__pwned` must stay unset. Any dialog the page opens fails the test.
 */
test('a hostile server cannot run script in the window: everything it sends is shown as text', async ({ app: page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const pwned = () => page.evaluate(() => (globalThis as unknown as { __pwned?: string }).__pwned ?? null);

  await addServer(page, { name: 'Hostile', command: process.execPath, args: fixtureScript('hostile-server.ts') });
  await startSelectedServer(page);
  await expect(page.locator('.server-header')).toContainText('<img src=x onerror=');

  // Names cannot spoof: a right-to-left override shows as a visible code point, inside an isolated run.
  const shown = 'report⟨U+202E⟩fdp.exe';
  await expect(page.locator('.server-header bdi[dir="auto"]').filter({ hasText: shown })).toHaveCount(1);
  const tools = page.getByRole('list', { name: 'Tools' });
  await expect(tools.locator('bdi[dir="auto"]').filter({ hasText: `Tool ${shown}` })).toBeVisible();
  await expect(tools).toContainText('spoof⟨U+202E⟩fdp.exe');
  expect(await page.locator('body').innerText()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  await shot(page, 'j0-hostile-names');

  // Tools: the list, the console header, the generated form and the result.
  await expect(tools).toContainText('<script>');
  await tools.getByRole('button', { name: /<script>/ }).click();
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toContainText('result <img src=x onerror=');
  await expect(result.locator('script, iframe, object, embed, svg[onload], img[onerror]')).toHaveCount(0);
  await shot(page, 'j1-hostile-result');

  // Every other view that shows server text.
  for (const tab of ['Logs', 'Resources', 'Prompts', 'Info']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('tabpanel')).toContainText('<script>', { timeout: 10_000 });
  }
  await page.getByRole('tab', { name: /^Resources/ }).click();
  await page.getByRole('tabpanel').getByText('evil://page').first().click();
  await expect(page.getByRole('tabpanel')).toContainText('<html><body><img src=x');
  await page.getByRole('tab', { name: /^Info/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText("[click me](javascript:window.__pwned='link')");
  await shot(page, 'j2-hostile-info');

  expect(await page.locator('body script').count()).toBe(0);
  expect(await pwned()).toBeNull();
  expect(dialogs).toBe(0);
});
