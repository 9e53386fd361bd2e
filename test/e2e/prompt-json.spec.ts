import { expect, forEachLook, looks, shot, startSelectedServer, test } from './fixtures';

/** A large window in dark, the smallest one in light. */
const PJSON_LOOKS = [...looks([{ width: 1440, height: 900 }], ['dark']), ...looks([{ width: 1024, height: 700 }], ['light'])];

test('(pjson) prompt arguments in JSON mode, as tools have; a non-string is refused with what to do; at 1440×900 dark and 1024×700 light', async ({
  app: page,
}) => {
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /Prompts/ }).click();
  await page
    .getByRole('list', { name: 'Prompts' })
    .getByRole('button', { name: /Summarize notes/ })
    .click();
  await page.getByLabel(/^topic/).fill('stderr');
  const form = page.getByRole('form', { name: 'Prompt arguments' });
  await form.getByRole('radio', { name: 'JSON' }).click();
  const editor = form.locator('.monaco-editor');
  await expect(editor).toContainText('"topic": "stderr"'); // the form's values carried over

  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ "topic": 7'); // the editor closes the brace
  await expect(form.getByRole('alert')).toContainText('Prompt arguments are strings: "topic" is a number');
  await expect(page.getByRole('button', { name: 'Get prompt' })).toBeDisabled();
  await expect(form.getByRole('radio', { name: 'Form' })).toBeDisabled();
  await forEachLook(page, PJSON_LOOKS, async (look) => {
    await expect(form.getByRole('alert')).toBeInViewport();
    await shot(page, `pjson-refused-${look.name}`);
  });

  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ "topic": "stdout\\nand stderr"');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Get prompt' }).click();
  const result = page.getByRole('region', { name: 'Prompt result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.getByRole('listitem', { name: 'Message 1: user' })).toContainText('stdout');
  await forEachLook(page, PJSON_LOOKS, async (look) => {
    await expect(result.getByRole('listitem', { name: 'Message 1: user' })).toBeVisible();
    await shot(page, `pjson-result-${look.name}`);
  });

  // Back to the form: the value typed as JSON is there.
  await form.getByRole('radio', { name: 'Form' }).click();
  await expect(page.getByLabel(/^topic/)).toHaveValue(/^stdout/);
});
