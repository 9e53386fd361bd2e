import { addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';

const MODERN = { name: 'Modern', command: process.execPath, args: fixtureScript('modern-server.ts') };

test('(era) a 2026-07-28 server: its revision and era shown, and an input_required elicitation answered in the dialog', async ({
  app: page,
}) => {
  await addServer(page, MODERN);
  await startSelectedServer(page);
  const facts = page.locator('.server-header .server-facts');
  await expect(facts.locator('.fact', { hasText: 'Protocol' })).toContainText('2026-07-28 (stateless)');

  await page.getByRole('tab', { name: /Info/ }).click();
  const info = page.locator('.info-tab');
  await expect(info).toContainText('stateless (server/discover, no handshake)');
  await expect(info).toContainText('server/discover offers 2026-07-28');
  await expect(info).toContainText('2026-07-28 has no ping');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(page.getByLabel('Ping result')).toContainText('answered in');
  await shot(page, 'era1-info-stateless');
  // The server declares logging, which 2026-07-28 deprecates: the Info tab says so, with the date and the replacement.
  const deprecated = page.getByRole('list', { name: 'Deprecated features in use' });
  await expect(deprecated).toContainText('Logging (logging/setLevel, notifications/message)');
  await expect(deprecated).toContainText('2027-07-28');
  await expect(deprecated).toContainText('Instead: log to stderr over stdio; use OpenTelemetry for observability.');
  await deprecated.scrollIntoViewIfNeeded();
  await shot(page, 'era1b-info-deprecations');

  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, /ask_name/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('What is your name?');
  await expect(dialog.locator('.request-meta')).toContainText('input_required answer to tools/call (round 1)');
  await dialog
    .getByRole('form', { name: 'Requested information' })
    .getByRole('textbox', { name: /Your name|name/ })
    .fill('Ada');
  await shot(page, 'era2-input-required-dialog');
  await dialog.getByRole('button', { name: /^Accept/ }).click();
  await expect(dialog).toBeHidden();

  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('Hello, Ada!');
  await shot(page, 'era3-input-required-result');

  // The log shows both rounds: the input_required answer and the request sent again.
  await page.getByRole('tab', { name: /Logs/ }).click();
  await expect(page.locator('.log-row', { hasText: 'input_required (round 1)' })).toHaveCount(1);
  await expect(page.locator('.log-row', { hasText: 'sending it again with 1 input response' })).toHaveCount(1);
  await shot(page, 'era5-log-rounds');
});

test('(era) pinning: the same server pinned to 2025-11-25 speaks initialize after a restart', async ({ app: page }) => {
  await addServer(page, MODERN);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Edit Modern/ });
  await dialog.getByRole('combobox', { name: 'Protocol' }).selectOption('2025-11-25');
  await shot(page, 'era4-protocol-pin');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await startSelectedServer(page);
  await expect(page.locator('.server-header .server-facts .fact', { hasText: 'Protocol' })).toContainText('2025-11-25 (initialize)');
  await page.getByRole('tab', { name: /Info/ }).click();
  await expect(page.locator('.info-tab')).toContainText('pinned to 2025-11-25');
});
