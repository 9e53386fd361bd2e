import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(x) a suite saved in the app exports as a vitest file: preview, the TODO when the server exports no object, written into the workspace', async ({
  app: page,
  lab,
}) => {
  await startSelectedServer(page);
  await openTool(page, /Divide/);
  const form = page.locator('.args-form');
  const result = page.getByRole('region', { name: 'Call result' });
  await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await result.getByRole('button', { name: 'Save as test' }).click();
  const save = page.getByRole('dialog', { name: 'Save as test' });
  await save.getByLabel('Case name').fill('divides 6 by 3');
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(save).toBeHidden();

  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: /^Export suite .* as native tests$/ }).click();
  const dialog = page.getByRole('dialog', { name: /as native tests/ });
  // The example server runs a .js/.ts file: vitest is the default.
  await expect(dialog.getByRole('radio', { name: 'vitest (TypeScript SDK)' })).toHaveAttribute('aria-checked', 'true');
  const preview = dialog.getByLabel('Exported test file', { exact: true });
  await expect(preview).toContainText("it('divides 6 by 3', async () => {");
  await expect(preview).toContainText('InMemoryTransport.createLinkedPair()');
  // The example server builds its McpServer without exporting it: the file says where the import goes.
  await expect(dialog.getByRole('alert', { name: 'Server import' })).toContainText('found no exported McpServer');
  await expect(preview).toContainText('// TODO: found no exported McpServer');
  await dialog.getByLabel('File (in the workspace)').fill('tests/divide.test.ts');
  await expect(dialog.getByRole('button', { name: 'Download divide.test.ts' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Write to workspace' }).click();
  await expect(dialog.getByRole('status', { name: 'Export written' })).toHaveText('Wrote tests/divide.test.ts.');
  await shot(page, 'x1-export-suite-vitest');
  expect(readFileSync(path.join(lab.workspace, 'tests', 'divide.test.ts'), 'utf8')).toMatch(
    /^\/\/ Exported by MCP Lab from \.mcp-lab\/tests\/.*\.test\.json/,
  );
});
