import { startEverythingHttp, type RunningHttpServer } from '../helpers/remote-servers';
import { startProtectedServer } from '../fixtures/remote/oauth-server';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

let everything: RunningHttpServer | undefined;
test.afterEach(async () => {
  await everything?.kill();
  everything = undefined;
});

test('(r) a remote server added by URL connects over Streamable HTTP and answers a tool call', async ({ app: page }) => {
  everything = await startEverythingHttp('streamableHttp');
  await page.getByRole('button', { name: '+ Add server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await dialog.getByLabel('Name').fill('Everything (HTTP)');
  await dialog.getByRole('radio', { name: 'URL (remote)' }).click();
  await dialog.getByLabel('URL').fill(everything.url);
  await expect(dialog.getByRole('radio', { name: 'Streamable HTTP' })).toHaveAttribute('aria-checked', 'true');
  await dialog.getByRole('button', { name: '+ Add header' }).click();
  await dialog.getByLabel('Header 1 name').fill('X-Team');
  await dialog.getByRole('checkbox', { name: 'secret' }).uncheck();
  await dialog.getByLabel('Header 1 value').fill('lab');
  await shot(page, 'r0-add-remote-server-dialog');
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toBeHidden();

  const item = page.locator('.server-item', { hasText: 'Everything (HTTP)' });
  await expect(item.locator('.remote-tag')).toHaveText(/HTTP/);
  await expect(page.locator('.server-header .command-line')).toContainText(everything.url);
  await startSelectedServer(page);
  await expect(page.locator('.server-header')).not.toContainText('PID');

  await openTool(page, /^Echo Tool/);
  await page.locator('.args-form').getByRole('textbox', { name: 'message', exact: true }).fill('hello over http');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.result-text')).toHaveText('Echo: hello over http');
  await shot(page, 'r1-remote-echo-ok');

  // The Network view: every HTTP request of the server, filtered to the call just made.
  await page.locator('.server-header').getByRole('button', { name: 'Network', exact: true }).click();
  const network = page.getByRole('dialog', { name: /^Network — Everything \(HTTP\)/ });
  const requests = network.getByRole('list', { name: 'HTTP requests' }).getByRole('listitem');
  await expect(requests.filter({ hasText: 'POST' }).first()).toContainText('200');
  await network.getByLabel('Filter requests').fill('tools/call');
  await expect(requests).toHaveCount(1);
  await requests.first().locator('summary').first().click();
  await expect(requests.first()).toContainText('hello over http');
  await expect(requests.first()).toContainText('x-team');
  await expect(network.getByRole('button', { name: 'Export HAR' })).toBeEnabled();
  await shot(page, 'r1b-network-view');
  await page.keyboard.press('Escape');
  await expect(network).toBeHidden();

  await page.getByRole('tab', { name: /Dashboard/ }).click();
  await expect(page.getByText('No local process')).toBeVisible();
  await expect(page.locator('.stats-table tbody tr', { hasText: 'echo' })).toContainText('1');
  await shot(page, 'r2-remote-dashboard');

  // The server goes away: a lost connection (no exit code, no stderr), and MCP Lab tries to reconnect.
  await page.getByRole('tab', { name: /Tools/ }).click();
  await everything.kill();
  const panel = page.getByRole('alert', { name: 'Server failure' });
  await expect(panel.getByRole('heading', { name: 'The connection was lost' })).toBeVisible();
  await expect(panel).toContainText('connection lost: nothing answers at');
  await expect(item.locator('.state-text')).toHaveText(/connection lost|starting/);
  await shot(page, 'r3-remote-connection-lost');
});

test('(s) a protected server: the sign-in page opens only after a confirm, then the server is ready and can sign out', async ({
  app: page,
}) => {
  const server = await startProtectedServer();
  try {
    await page.getByRole('button', { name: '+ Add server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add server' });
    await dialog.getByLabel('Name').fill('Protected');
    await dialog.getByRole('radio', { name: 'URL (remote)' }).click();
    await dialog.getByLabel('URL').fill(server.url);
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
    const panel = page.getByRole('status', { name: 'Sign-in' });
    await expect(panel).toContainText('Sign-in needed');
    await expect(page.locator('.server-header .status-pill')).toHaveText(/authorizing/);
    await shot(page, 's0-sign-in-needed');
    await panel.getByRole('button', { name: 'Sign in…' }).click();
    await expect(panel.getByRole('group', { name: 'Confirm opening the sign-in page' })).toContainText(new URL(server.base).host);
    await shot(page, 's1-sign-in-confirm');

    // The person confirms; the browser opens the authorization page, which redirects to MCP Lab's loopback receiver.
    const popup = page.context().waitForEvent('page');
    await panel.getByRole('button', { name: 'Open', exact: true }).click();
    const signInPage = await popup;
    await expect(signInPage.locator('h1')).toHaveText('Signed in');
    await signInPage.close();

    await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
    await expect(panel).toContainText('Signed in');
    await expect(panel).toContainText('mcp:tools');
    await shot(page, 's2-signed-in');
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.server-header .status-pill')).toHaveText(/stopped/);
    await expect(panel).toBeHidden();
  } finally {
    await server.close();
  }
});
