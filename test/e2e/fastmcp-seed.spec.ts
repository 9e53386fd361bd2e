/**
 * The FastMCP seed server on both majors users run (2.x and 3.x), driven in the UI: a tool that
 * asks the user for details through elicitation, an out-of-range call the server refuses, a
 * resource, a template and a prompt.
 */
import path from 'node:path';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../helpers/fastmcp-venv';
import { FIXTURES, addServer, expect, openTool, shot, startSelectedServer, test } from './fixtures';

for (const version of FASTMCP_VERSIONS) {
  const tag = `fm${version.split('.')[0]}`;
  test(`(${tag}) FastMCP ${version}: elicitation in a form, a refused out-of-range call, a resource, a template, a prompt`, async ({
    app: page,
  }) => {
    // The first run creates the FastMCP environment; after it, the usual bound applies again.
    const started = Date.now();
    test.setTimeout(15 * 60_000);
    const venv = await ensureFastmcpVenv(version);
    test.setTimeout(Date.now() - started + 60_000);
    await addServer(page, { name: `Seed (FastMCP ${version})`, command: venv.python, args: path.join(FIXTURES, 'fastmcp_seed_server.py') });
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
    await shot(page, `${tag}-1-elicitation`);
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
    await shot(page, `${tag}-2-bad-input`);

    // A resource (the returned dict as JSON) and a template filled in.
    await page.getByRole('tab', { name: /Resources/ }).click();
    await page
      .getByRole('list', { name: 'Resources' })
      .getByRole('button', { name: /config:\/\/app/ })
      .click();
    const read = page.getByRole('region', { name: 'Read result' });
    await expect(read).toHaveAttribute('data-status', 'ok');
    await expect(read.getByLabel('Resource text')).toContainText('"name": "fastmcp-seed"');
    await page
      .getByRole('list', { name: 'Resource templates' })
      .getByRole('button', { name: /data:\/\/\{id\}/ })
      .click();
    await page.getByLabel(/^id/).fill('n2'); // FastMCP offers no completions: a plain text field
    await expect(page.getByLabel('Expanded URI')).toHaveText('data://n2');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(read.getByLabel('Resource text')).toContainText('"title": "Testing"');
    await shot(page, `${tag}-3-template-read`);

    // A prompt with its argument.
    await page.getByRole('tab', { name: /Prompts/ }).click();
    await page
      .getByRole('list', { name: 'Prompts' })
      .getByRole('button', { name: /summarize_notes/ })
      .click();
    await page.getByLabel(/^topic/).fill('stderr');
    await page.getByRole('button', { name: 'Get prompt' }).click();
    const prompt = page.getByRole('region', { name: 'Prompt result' });
    await expect(prompt.getByRole('listitem', { name: 'Message 1: user' })).toContainText("Summarize what these notes say about 'stderr'");
  });
}
