/**
 * A server built with the TypeScript `fastmcp` framework, driven in the UI: progress and log
 * messages of a call, a subscribed resource that changes when a tool adds a note, the new note
 * listed, and a prompt whose arguments complete from the server.
 */
import { addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';

test('(tsf) TypeScript fastmcp: progress and logs, a live resource, a new note listed, prompt completions', async ({ app: page }) => {
  await addServer(page, {
    name: 'Notes (fastmcp)',
    command: process.execPath,
    args: fixtureScript('ts-fastmcp-server.ts'),
  });
  await startSelectedServer(page);
  // fastmcp attaches runtime changes to the session only once its start() has returned.
  await page.getByRole('tab', { name: /Logs/ }).click();
  await expect(page.getByRole('grid', { name: 'Log entries' })).toContainText('serving on stdio');

  // A call with progress; its log messages arrive as text, not as JSON wrappers.
  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, /count/);
  await page.locator('.args-form').getByRole('spinbutton', { name: 'steps', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('counted to 3');
  await page.getByRole('tab', { name: /Logs/ }).click();
  const log = page.getByRole('grid', { name: 'Log entries' });
  await expect(log).toContainText('counting to 3');
  await expect(log).toContainText('done counting');

  // Subscribe to the index, with auto re-read, then add a note from the Tools tab.
  await page.getByRole('tab', { name: /Resources/ }).click();
  const resources = page.getByRole('list', { name: 'Resources' });
  await resources.getByRole('button', { name: /Note index/ }).click();
  const read = page.getByRole('region', { name: 'Read result' });
  await expect(read.getByLabel('Resource text')).toContainText('groceries');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Subscribed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('checkbox', { name: 'Auto re-read on change' }).check();

  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, /Add note/);
  const form = page.locator('.args-form');
  await form.getByRole('textbox', { name: 'title', exact: true }).fill('ideas');
  await form.getByRole('textbox', { name: 'body', exact: true }).fill('a lab for MCP servers');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toContainText('added ideas');

  await page.getByRole('tab', { name: /Resources/ }).click();
  await expect(page.getByText(/Last change at/)).toBeVisible({ timeout: 20_000 });
  await expect(read.getByLabel('Resource text')).toContainText('ideas');
  await expect(resources.getByRole('button', { name: /Note ideas/ })).toBeVisible(); // resources/list_changed
  await shot(page, 'tsf1-resource-updated');

  // The prompt: both arguments complete from the server (a function and an enum in fastmcp).
  await page.getByRole('tab', { name: /Prompts/ }).click();
  await expect(page.locator('.tool-count')).toHaveText('1 prompt');
  await page
    .getByRole('list', { name: 'Prompts' })
    .getByRole('button', { name: /summarize/ })
    .click();
  const title = page.getByRole('combobox', { name: /title/ });
  await title.click();
  await title.fill('g');
  await expect(page.getByRole('option')).toHaveText(['groceries', 'garden']);
  await page.getByRole('option', { name: 'garden' }).click();
  const style = page.getByRole('combobox', { name: /style/ });
  await style.click();
  await style.fill('d');
  await expect(page.getByRole('option')).toHaveText(['detailed']);
  await page.getByRole('option', { name: 'detailed' }).click();
  await page.getByRole('button', { name: 'Get prompt' }).click();
  const prompt = page.getByRole('region', { name: 'Prompt result' });
  await expect(prompt.getByRole('listitem', { name: 'Message 1: user' })).toContainText(
    "Summarize the note 'garden' (water the roses) in a detailed way.",
  );
  await shot(page, 'tsf2-prompt-completions');
});
