import type { Page } from '@playwright/test';
import { addServer, expect, shot, startSelectedServer, test, fixtureScript } from './fixtures';

/** Open a tab with the shortcut it shows (Ctrl+N): the number depends on the tabs before it. */
async function pressTabKey(page: Page, label: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name: label });
  const key = (await tab.locator('kbd').innerText()).replace('Ctrl', 'Control').replace('⌘', 'Meta');
  await page.keyboard.press(key);
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

// The example server: notes:// resources and template (with completions), and a prompt.
test('(res) read a resource, fill a template with a completion, get a prompt, see the server info', async ({ app: page }) => {
  await startSelectedServer(page);
  await pressTabKey(page, /Resources/);

  // A listed resource is read in one click; its JSON is pretty-printed.
  const resources = page.getByRole('list', { name: 'Resources' });
  await expect(resources.getByRole('button')).toHaveCount(8);
  await resources.getByRole('button', { name: /Logs go to stderr/ }).click();
  const read = page.getByRole('region', { name: 'Read result' });
  await expect(read).toHaveAttribute('data-status', 'ok');
  await expect(read.getByLabel('Resource text')).toContainText('"id": "n1"');
  await expect(read.getByTitle('Duration', { exact: true })).toHaveText(/\d+(\.\d+)? (ms|s)/);
  await shot(page, 'res1-resource-read');

  // The template: completions for {id} from the server, chosen with the keyboard, then Read.
  await page.getByRole('list', { name: 'Resource templates' }).getByRole('button', { name: /Note/ }).click();
  const id = page.getByRole('combobox', { name: /id/ });
  await id.click();
  await id.fill('n');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(options.first()).toHaveText('n1');
  await expect(options).toHaveCount(8);
  await shot(page, 'res2-template-completion');
  await id.press('ArrowDown');
  await id.press('ArrowDown');
  await id.press('ArrowDown');
  await id.press('Enter');
  await expect(id).toHaveValue('n3');
  await expect(page.getByLabel('Expanded URI')).toHaveText('notes://n3');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(read.getByLabel('Resource text')).toContainText('"title": "Tool errors are results"');
  await shot(page, 'res3-template-read');

  // A URI that names no note: the server's error with its code.
  await id.fill('nope');
  await expect(page.getByLabel('Expanded URI')).toHaveText('notes://nope');
  await id.press('Escape');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(read).toHaveAttribute('data-status', 'protocolError');
  await expect(read).toContainText('-32002');
  await expect(read).toContainText('No note "nope"');

  // The prompt, with its argument, rendered as messages.
  await pressTabKey(page, /Prompts/);
  await page
    .getByRole('list', { name: 'Prompts' })
    .getByRole('button', { name: /Summarize notes/ })
    .click();
  await page.getByLabel(/^topic/).fill('stderr');
  await page.getByRole('button', { name: 'Get prompt' }).click();
  const result = page.getByRole('region', { name: 'Prompt result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.getByRole('listitem', { name: 'Message 1: user' })).toContainText('Summarize what these notes say about "stderr"');
  await expect(result).toContainText('Summary of the notes about stderr');
  await shot(page, 'res4-prompt');
  await result.getByRole('button', { name: 'Raw' }).click();
  await expect(result.getByLabel('Raw result JSON')).toContainText('"role": "user"');

  // What the server said about itself, and a ping.
  await pressTabKey(page, /Info/);
  await expect(page.getByLabel('Server instructions')).toContainText('A demo server');
  await expect(page.getByRole('list', { name: 'Capabilities' })).toContainText('Logging');
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(page.getByLabel('Ping result')).toContainText(/answered in \d/);
  await page.getByLabel('Minimum level the server sends').selectOption('debug');
  await expect(page.getByLabel('Log level result')).toContainText('accepted “debug”');
  await shot(page, 'res5-info');
});

// A fixture that pages its list and serves contents too big to send to the window.
test('(res) large contents: a text saved to disk shows its path, size and beginning', async ({ app: page }) => {
  await addServer(page, {
    name: 'Resource fixture',
    command: process.execPath,
    args: fixtureScript('resource-server.ts'),
  });
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /Resources/ }).click();
  await expect(page.getByText('25 resources, 2 templates')).toBeVisible();
  await page.getByLabel('Search resources').fill('item-2');
  await expect(page.getByRole('list', { name: 'Resources' }).getByRole('button')).toHaveCount(7); // item-2, item-20 … item-25

  await page.getByLabel('Search resources').fill('text');
  await page.getByRole('list', { name: 'Resource templates' }).getByRole('button').first().click();
  await page.getByRole('combobox', { name: /chars/ }).fill('2000000');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  const read = page.getByRole('region', { name: 'Read result' });
  await expect(read).toContainText('saved to disk');
  await expect(read).toContainText('1.9 MiB');
  await expect(read.locator('.saved-path')).toHaveText(/downloads\/.+\.txt$/);
  await expect(read.getByLabel('Preview of the saved text')).toContainText('abcdefghij');
  await shot(page, 'res6-saved-to-disk');
});
