import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lab-server';
import { addServer, expect, openTool, shot, startSelectedServer, test } from './fixtures';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

test.beforeEach(async ({ app: page }) => {
  await addServer(page, { name: 'Everything', command: process.execPath, args: `${EVERYTHING} stdio` });
  await startSelectedServer(page);
});

test('(s) a sampling request is shown completely and answered in the UI; the tool result carries the reply', async ({ app: page }) => {
  await openTool(page, /Trigger Sampling Request/);
  await page.locator('.args-form').getByRole('textbox', { name: 'prompt', exact: true }).fill('What is the capital of France?');
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'The server asks for an LLM completion' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Messages' })).toContainText('What is the capital of France?');
  const params = dialog.getByRole('definition');
  await expect(params.filter({ hasText: 'You are a helpful test server.' })).toHaveCount(1);
  await expect(dialog.locator('.sampling-param', { hasText: 'Max tokens' })).toContainText('100');
  await expect(dialog.locator('.sampling-param', { hasText: 'Temperature' })).toContainText('0.7');
  await expect(dialog).toContainText('sampling/createMessage');
  // The call that asked is still running behind the dialog.
  await expect(page.locator('.call-progress')).toContainText("waiting for your answer to the server's request");

  await dialog.getByRole('textbox', { name: 'Reply (assistant message)' }).fill('Paris.');
  await dialog.getByRole('textbox', { name: 'Model' }).fill('human-in-the-loop');
  await shot(page, 's1-sampling-dialog');
  await dialog.getByRole('textbox', { name: 'Reply (assistant message)' }).press('Control+Enter');
  await expect(dialog).toBeHidden();

  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('LLM sampling result');
  await expect(result).toContainText('Paris.');
  await expect(result).toContainText('human-in-the-loop');
  await shot(page, 's2-sampling-result');
});

test('(e) an elicitation form (titled enums, defaults, formats) is checked, filled and accepted', async ({ app: page }) => {
  await openTool(page, /Trigger Elicitation Request Tool/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.request-message')).toHaveText('Please provide inputs for the following fields:');
  const form = dialog.getByRole('form', { name: 'Requested information' });
  // Defaults are pre-filled; titled enums show their titles.
  await expect(form.getByRole('spinbutton', { name: /^Integer/ })).toHaveValue('42');
  await expect(form.getByRole('textbox', { name: /String with default/ })).toHaveValue('It was a dark and stormy night.');
  const hero = form.getByRole('combobox', { name: /^Titled Single Select Enum/ });
  await expect(hero).toHaveValue('hero-1');
  await expect(hero.locator('option:checked')).toHaveText(/Superman/);
  await expect(form.getByRole('combobox', { name: /Legacy Titled/ }).locator('option:checked')).toHaveText(/Cats/);
  await expect(form.getByRole('group', { name: /^Titled Multiple Select Enum/ }).getByRole('checkbox', { name: 'Tuna' })).toBeChecked();

  // Accepting with the required name missing and a bad email is refused here, field by field.
  await form.getByRole('textbox', { name: /String with email format/ }).fill('not-an-email');
  await dialog.getByRole('button', { name: /^Accept/ }).click();
  await expect(form.getByRole('textbox', { name: /^String/ }).first()).toBeFocused();
  await expect(form.locator('.field-error')).toHaveText(['is required', 'must be a valid email']);
  await shot(page, 'e1-elicitation-errors');

  await form.getByRole('textbox', { name: 'String required', exact: true }).fill('Ada Lovelace');
  await form.getByRole('textbox', { name: /String with email format/ }).fill('ada@example.com');
  await hero.selectOption({ label: 'Wonder Woman  (hero-3)' });
  await form.getByRole('checkbox', { name: /^Boolean/ }).check();
  await expect(form.locator('.field-error')).toHaveCount(0);
  await hero.scrollIntoViewIfNeeded();
  await shot(page, 'e2-elicitation-filled');
  // Enter in a text field accepts.
  await form.getByRole('textbox', { name: /String with email format/ }).press('Enter');
  await expect(dialog).toBeHidden();

  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('User provided the requested information');
  await expect(result).toContainText('- Name: Ada Lovelace');
  await expect(result).toContainText('- Favorite Integer: 42');
  await expect(result).toContainText('"titledSingleSelectEnum": "hero-3"');
  await shot(page, 'e3-elicitation-result');
});

test('(u) Escape cancels an elicitation; the server is told the user cancelled', async ({ app: page }) => {
  await openTool(page, /Trigger Elicitation Request Tool/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await expect(dialog.getByRole('button', { name: /Cancel/ })).toContainText('Esc');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Call result' })).toContainText('User cancelled the elicitation dialog');
});

test('(w) "Later" hides a request; from another server it waits behind a sidebar badge', async ({ app: page }) => {
  await openTool(page, /Trigger Elicitation Request Tool/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await dialog.getByRole('button', { name: 'Later' }).click();
  await expect(dialog).toBeHidden();
  const pill = page.getByRole('status', { name: 'Requests from servers waiting' });
  await expect(pill).toContainText('1 request from this server is waiting for you');

  await page
    .getByRole('complementary', { name: 'Servers' })
    .getByRole('button', { name: /^Example server/ })
    .first()
    .click();
  await expect(page.getByRole('complementary', { name: 'Servers' }).locator('.request-badge')).toHaveText('1 waiting');
  await expect(pill).toContainText('1 request from Everything waiting');
  await shot(page, 'w1-request-waiting-badge');
  await pill.getByRole('button', { name: 'Go to Everything' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toContainText('User declined');
});

test('(f) client features in the server dialog: sampling off is saved, applied by a restart, and the server hides its sampling tool', async ({
  app: page,
  lab,
}) => {
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: /Trigger Sampling Request/ })).toBeVisible();
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Everything' });
  await dialog.getByText('Client features').click();
  await dialog.getByRole('checkbox', { name: 'Sampling' }).uncheck();
  await expect(dialog.getByRole('status')).toContainText('restart it to apply');
  await dialog.getByRole('button', { name: '+ Auto-reply rule' }).last().click();
  await dialog.getByRole('group', { name: 'Elicitation rule 1' }).getByLabel('When the message contains').fill('newsletter');
  await dialog.getByRole('group', { name: 'Elicitation rule 1' }).getByLabel('Answer').selectOption('decline');
  await dialog.getByRole('radio', { name: 'These folders' }).click();
  await dialog.getByLabel('Folder (absolute path or file:// URI)').fill('/srv/my data');
  await dialog.getByLabel('Name (optional)').fill('data');
  await dialog.locator('.client-features').scrollIntoViewIfNeeded();
  await shot(page, 'f1-client-features-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const saved = JSON.parse(readFileSync(path.join(lab.workspace, 'mcp-lab.json'), 'utf8')) as {
    servers: { name: string; clientFeatures?: unknown }[];
  };
  expect(saved.servers.find((s) => s.name === 'Everything')!.clientFeatures).toEqual({
    sampling: { enabled: false, rules: [] },
    elicitation: { enabled: true, rules: [{ match: 'newsletter', regex: false, action: 'decline' }] },
    roots: { enabled: true, folders: [{ uri: 'file:///srv/my%20data', name: 'data' }] },
  });
  const note = page.locator('.client-features-restart');
  await expect(note).toContainText('restart to apply');
  await shot(page, 'f2-restart-to-apply');
  await note.getByRole('button', { name: 'Restart' }).click();
  await expect(note).toBeHidden({ timeout: 30_000 });
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/);
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: /Trigger Elicitation Request Tool/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: /Trigger Sampling Request/ })).toHaveCount(0);
});
