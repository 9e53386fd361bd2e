import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(d) JSON mode: malformed JSON is explained and cannot be sent', async ({ app: page }) => {
  await startSelectedServer(page);
  await openTool(page, /Greet someone/);
  await page.getByRole('radio', { name: 'JSON' }).click();
  const editor = page.locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('"style"'); // the draft carried over from the form
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ "name": ');
  await expect(page.getByRole('alert').filter({ hasText: 'Malformed JSON' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Call', exact: true })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Form' })).toBeDisabled();
  await shot(page, 'd1-json-malformed');

  // Well-formed but against the schema: a warning, and it can still be sent.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ "name": 7');
  await expect(page.getByText("Does not match the tool's input schema")).toBeVisible();
  await page.getByRole('button', { name: 'Send anyway' }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', /toolError|protocolError/);
  await shot(page, 'd2-json-send-anyway');
});
