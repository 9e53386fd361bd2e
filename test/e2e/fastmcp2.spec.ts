/**
 * A server on FastMCP 2.x (the older major most users still run), driven in the UI: a tool that
 * asks the user for details through elicitation, a validated tool call, and a resource read.
 */
import path from 'node:path';
import { ensureFastmcpVenv } from '../helpers/fastmcp-venv';
import { FIXTURES, addServer, expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(fm2) FastMCP 2.14.7: elicitation answered in a form, a call the schema forbids, sent anyway and refused by the server, a resource read', async ({ app: page }) => {
  test.setTimeout(15 * 60_000); // the first run creates the FastMCP environment
  const venv = await ensureFastmcpVenv('2.14.7');
  await addServer(page, { name: 'Seed (FastMCP 2)', command: venv.python, args: path.join(FIXTURES, 'fastmcp_seed_server.py') });
  await startSelectedServer(page);
  await expect(page.locator('.server-facts')).toContainText('fastmcp-seed');

  // ctx.elicit with a pydantic model: a form with its defaults; the tool gets typed values back.
  await openTool(page, /sign_up/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await expect(dialog.locator('.request-message')).toHaveText('Create your account');
  const form = dialog.getByRole('form', { name: 'Requested information' });
  await expect(form.getByRole('spinbutton', { name: /age/i })).toHaveValue('30');
  await form.getByRole('textbox', { name: /name/i }).fill('Ada');
  await form.getByRole('combobox', { name: /plan/i }).selectOption('pro');
  await shot(page, 'fm2-1-elicitation');
  await dialog.getByRole('button', { name: /^Accept/ }).click();
  await expect(dialog).toBeHidden();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('signed up Ada, age 30, plan pro, newsletter False');

  // The schema's bounds, enforced by FastMCP: out of range comes back as an error that says why.
  await openTool(page, /search_notes/);
  await page.getByRole('radio', { name: 'JSON' }).click();
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ "query": "notes", "max_results": 500');
  await expect(page.getByText("Does not match the tool's input schema")).toBeVisible(); // checked here first
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await expect(result).not.toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('max_results');
  await shot(page, 'fm2-2-bad-input');

  // A resource: FastMCP serializes the returned dict as JSON.
  await page.getByRole('tab', { name: /Resources/ }).click();
  await page.getByRole('list', { name: 'Resources' }).getByRole('button', { name: /config:\/\/app/ }).click();
  const read = page.getByRole('region', { name: 'Read result' });
  await expect(read).toHaveAttribute('data-status', 'ok');
  await expect(read.getByLabel('Resource text')).toContainText('"name": "fastmcp-seed"');
  await shot(page, 'fm2-3-resource');
});
