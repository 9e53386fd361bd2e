import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

// Building a server in the app as a new user does it: a FastMCP server from the template, a tool added with the
// builder, saved, hot-reloaded into the tool list, called; then the source opened in the editor.
test('(i4) new FastMCP server from the template, a tool added with the builder, called after hot reload', async ({ app: page, lab }) => {
  test.setTimeout(300_000);
  await page.getByRole('button', { name: '+ New server' }).click();
  const dialog = page.getByRole('dialog', { name: 'New server from a template' });
  await expect(dialog.getByText('FastMCP (Python)')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Folder/ }).fill('weather');
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Weather');
  await shot(page, 'i4-1-new-server-dialog');
  await dialog.getByRole('button', { name: 'Create server' }).click();

  const progress = page.getByRole('dialog', { name: /Setting up|ready|failed/ });
  await expect(progress.getByRole('listitem', { name: /Create the virtual environment/ })).toBeVisible();
  await shot(page, 'i4-2-setup-running');
  await expect(page.getByRole('dialog', { name: 'Your server is ready' })).toBeVisible({ timeout: 240_000 });
  await expect(progress.getByRole('listitem', { name: /Run the project's tests \(pytest\): succeeded/ })).toBeVisible();
  await shot(page, 'i4-3-setup-done');
  await progress.getByRole('button', { name: 'Go to the server' }).click();

  await expect(page.locator('.server-header .server-name')).toHaveText('Weather');
  await startSelectedServer(page);
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button')).toHaveCount(6);

  // The builder: a new tool with one constrained parameter; a bad name is caught in the form.
  await page.getByRole('button', { name: '+ Add tool' }).click();
  const builder = page.getByRole('dialog', { name: /Add a tool — Weather/ });
  await builder.getByLabel('Name').first().fill('greet');
  await expect(builder.getByText('This server already has a tool named "greet".').first()).toBeVisible();
  await builder.getByLabel('Name').first().fill('shout');
  await builder.getByLabel('Description').first().fill('Say it loudly.');
  await builder.getByRole('button', { name: '+ Add parameter' }).click();
  const param = builder.locator('.param-card').first();
  await param.getByLabel('Name').fill('words');
  await param.getByLabel('Description').fill('What to say');
  await param.getByLabel('Min length').fill('1');
  await expect(builder.getByRole('complementary', { name: 'Schema preview' })).toContainText('"minLength": 1');
  await shot(page, 'i4-4-tool-builder');
  await builder.getByRole('button', { name: 'Review changes' }).click();

  const review = page.getByRole('dialog', { name: /Review the change to weather\/server.py/ });
  await expect(review.locator('.monaco-diff-editor')).toBeVisible();
  await shot(page, 'i4-5-diff-before-apply');
  await review.getByRole('button', { name: 'Apply to server.py' }).click();
  await expect(review).toBeHidden();

  // Hot reload: the server restarts by itself and the new tool arrives.
  await expect(page.getByRole('status', { name: 'Hot reload' })).toContainText('+ shout', { timeout: 60_000 });
  await openTool(page, /shout/);
  await page.locator('.args-form').getByRole('textbox', { name: 'words', exact: true }).fill('hey');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText("shout was called with words='hey'");
  await shot(page, 'i4-6-new-tool-called');

  // The code, in the editor: the generated tool is there.
  await page.getByRole('tree').getByRole('button', { name: 'weather' }).click();
  await page.getByRole('tree').getByRole('button', { name: 'server.py' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('Weather: an MCP server built with FastMCP');
  // Edit, see the dirty marker, save with the keyboard: the server reloads again.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# edited in MCP Lab\n');
  await expect(editor.getByRole('tab', { name: /server\.py/ }).getByLabel('unsaved changes')).toBeVisible();
  await shot(page, 'i4-7-editor-dirty');
  await page.keyboard.press('Control+S');
  await expect(editor.getByRole('tab', { name: /server\.py/ }).getByLabel('unsaved changes')).toBeHidden();
  await page.getByRole('radio', { name: 'Server' }).click();
  await expect(page.getByRole('status', { name: 'Hot reload' })).toContainText('no change in tools', { timeout: 60_000 });

  // A syntax error saved from elsewhere: the editor shows the server's stderr and marks the line.
  const file = path.join(lab.workspace, 'weather', 'server.py');
  const good = await readFile(file, 'utf8');
  const line = good.split('\n').findIndex((l) => l.startsWith('async def calculate(')) + 1;
  await writeFile(file, good.replace('async def calculate(', 'async def calculate(('));
  const failure = page.getByRole('alert').filter({ hasText: /Saving server\.py broke the server/ });
  await expect(failure).toBeVisible({ timeout: 60_000 });
  await failure.getByRole('button', { name: `Open server.py at line ${line}` }).click();
  const panel = page.getByRole('alert', { name: 'Weather did not restart' });
  await expect(panel).toContainText('SyntaxError');
  await expect(panel.getByRole('button', { name: `weather/server.py, line ${line}` })).toBeVisible();
  await expect(page.locator('.editor-error-line')).toBeVisible();
  await shot(page, 'i4-8-syntax-error');
  await writeFile(file, good);
  await expect(panel).toBeHidden({ timeout: 60_000 });
});

test('(i4) the same for a TypeScript SDK server: template, builder, hot reload, call', async ({ app: page }) => {
  test.setTimeout(300_000);
  await page.getByRole('button', { name: '+ New server' }).click();
  const dialog = page.getByRole('dialog', { name: 'New server from a template' });
  await dialog.getByRole('radio', { name: /TypeScript SDK/ }).check();
  await dialog.getByRole('textbox', { name: /^Folder/ }).fill('shop');
  await dialog.getByRole('button', { name: 'Create server' }).click();
  const progress = page.getByRole('dialog', { name: 'Your server is ready' });
  await expect(progress).toBeVisible({ timeout: 240_000 });
  await expect(progress.getByRole('listitem', { name: /tsc \+ vitest\): succeeded/ })).toBeVisible();
  await progress.getByRole('button', { name: 'Go to the server' }).click();
  await startSelectedServer(page);
  await expect(page.getByRole('list', { name: 'Tools' }).getByRole('button')).toHaveCount(6);

  // Edit a tool written in the template: the builder reads it back from the registerTool call.
  await openTool(page, /^Greet/);
  await page.getByRole('button', { name: 'Edit greet in builder' }).click();
  const builder = page.getByRole('dialog', { name: /Edit tool greet — shop/ });
  const name = builder.locator('.param-card').first();
  await expect(name.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('name');
  await expect(name.getByLabel('Max length')).toHaveValue('100');
  await name.getByLabel('Max length').fill('20');
  await builder.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: /Review the change to shop\/src\/server.ts/ });
  await expect(review.locator('.monaco-diff-editor')).toBeVisible();
  await shot(page, 'i4-12-ts-diff');
  await review.getByRole('button', { name: 'Apply to server.ts' }).click();
  const banner = page.getByRole('status', { name: 'Hot reload' });
  await expect(banner).toContainText('~ greet', { timeout: 60_000 });
  await banner.getByRole('button', { name: /~ greet \(diff\)/ }).click();
  const diff = page.getByRole('dialog', { name: 'What changed in greet' });
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  await shot(page, 'i4-13-ts-schema-diff');
  await diff.getByRole('button', { name: 'Close dialog' }).click();
  // The form knows the new schema at once; the server enforces it too.
  await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('A name longer than twenty');
  await expect(page.getByText('name: must be at most 20 characters')).toBeVisible();
  await page.getByRole('button', { name: 'Send anyway', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toHaveAttribute('data-status', 'toolError');
  await shot(page, 'i4-14-ts-new-limit');
  await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('Ada');
  await banner.getByRole('button', { name: 'Re-run greet' }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toContainText('Hello, Ada!');
});
