import { startModernHttp, type ModernHttpServer } from '../fixtures/remote/modern-http';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

let modern: ModernHttpServer | undefined;
test.afterEach(async () => {
  await modern?.close();
  modern = undefined;
});

test('(r2) a 2026-07-28 server by URL: the Network view shows the Mcp-Method/Mcp-Name headers and each SSE event; the Info tab its cache hints', async ({
  app: page,
}) => {
  modern = await startModernHttp({ listHint: { ttlMs: 60_000, cacheScope: 'public' } });
  await page.getByRole('button', { name: '+ Add server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await dialog.getByLabel('Name').fill('Modern (HTTP)');
  await dialog.getByRole('radio', { name: 'URL (remote)' }).click();
  await dialog.getByLabel('URL').fill(modern.url);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toBeHidden();
  await startSelectedServer(page);
  await expect(page.locator('.server-header')).toContainText('2026-07-28 (stateless)');

  await openTool(page, /^progress/);
  await page.locator('.args-form').getByRole('spinbutton', { name: 'steps', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');

  await page.locator('.server-header').getByRole('button', { name: 'Network', exact: true }).click();
  const network = page.getByRole('dialog', { name: /^Network — Modern \(HTTP\)/ });
  await network.getByLabel('Filter requests').fill('tools/call');
  const call = network.getByRole('list', { name: 'HTTP requests' }).locator(':scope > li');
  await expect(call).toHaveCount(1);
  await expect(call.first()).toContainText('7 events');
  await call.first().locator('summary').first().click();
  const headers = call.first().getByRole('region', { name: 'Request' });
  await expect(headers).toContainText('mcp-method');
  await expect(headers).toContainText('mcp-name');
  await expect(headers).toContainText('progress');
  await expect(call.first().getByText(/Event stream, ended after .*: 7 events/)).toBeVisible();
  await expect(call.first().getByRole('list', { name: 'Events' }).getByRole('listitem')).toHaveCount(7);
  await call.first().getByRole('list', { name: 'Events' }).getByRole('listitem').last().locator('summary').click();
  await expect(call.first().getByRole('list', { name: 'Events' })).toContainText('done after 3 steps');
  await shot(page, 'r3-network-modern-headers-and-sse-events');
  await page.keyboard.press('Escape');
  await expect(network).toBeHidden();

  await page.getByRole('tab', { name: /Info/ }).click();
  const hints = page.getByLabel('Cache hints', { exact: true });
  await expect(hints).toContainText('tools/list');
  await expect(hints).toContainText('public: may be shared across users');
  await hints.scrollIntoViewIfNeeded();
  await shot(page, 'r4-info-cache-hints');
});
