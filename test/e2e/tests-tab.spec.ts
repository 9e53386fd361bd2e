import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureFastmcpVenv } from '../helpers/fastmcp-venv';
import { FIXTURES, addServer, expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(t) save calls as tests, run the suite, see a failure diff; fuzz and lint the example server', async ({ app: page, lab }) => {
  await startSelectedServer(page);

  // ─── save two calls from the console ───
  await openTool(page, /Divide/);
  const form = page.locator('.args-form');
  const result = page.getByRole('region', { name: 'Call result' });
  await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await result.getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as test' });
  await expect(dialog.getByLabel('Suite', { exact: true })).toHaveValue('__new__');
  await dialog.getByLabel('Case name').fill('divides 6 by 3');
  await expect(dialog.getByLabel('Test case JSON')).toContainText('"quotient": 2');
  await shot(page, 't1-save-as-test');
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Saved "divides 6 by 3" to example-server-typescript-tests\.test\.json/)).toBeVisible();

  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('0');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'toolError');
  await result.getByRole('button', { name: 'Save as test' }).click();
  // The suite saved a moment ago is now the default.
  await expect(dialog.getByLabel('Suite', { exact: true })).toHaveValue('example-server-typescript-tests.test.json');
  await dialog.getByLabel('Case name').fill('division by zero is a tool error');
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toBeHidden();

  // The suite is a plain, reviewable file in the workspace.
  const file = path.join(lab.workspace, '.mcp-lab/tests/example-server-typescript-tests.test.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({
    server: 'example',
    cases: [{ name: 'divides 6 by 3', tool: 'divide', arguments: { a: 6, b: 3 } }, { name: 'division by zero is a tool error' }],
  });

  // ─── run the suite ───
  await page.getByRole('tab', { name: /Tests/ }).click();
  const suites = page.getByRole('tree', { name: 'Test suites' });
  await expect(suites.getByRole('button', { name: /divides 6 by 3/ })).toBeVisible();
  await page.getByRole('button', { name: 'Run all' }).click();
  const progress = page.getByRole('status', { name: 'Test run progress' });
  await expect(progress).toContainText('2 passed, 0 failed');
  await expect(suites.getByRole('img', { name: 'passed' })).toHaveCount(2);
  await shot(page, 't2-suite-passed');

  // ─── change the expected value: the run fails and shows the diff ───
  await suites.getByRole('button', { name: /divides 6 by 3/ }).click();
  await page.getByRole('region', { name: 'Test case' }).getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit test case' });
  const json = editor.getByLabel('Case JSON');
  await json.fill((await json.inputValue()).replace('"quotient": 2', '"quotient": 2.5'));
  await editor.getByRole('button', { name: 'Save case' }).click();
  await expect(editor).toBeHidden();
  expect(readFileSync(file, 'utf8')).toContain('2.5');
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(progress).toContainText('1 passed, 1 failed');
  const detail = page.getByRole('region', { name: 'Test case' });
  await expect(detail.getByRole('status', { name: 'Case result' })).toContainText('Failed');
  const diff = detail.getByLabel(/Diff for structuredContent equal/);
  await expect(diff.locator('.diff-removed', { hasText: '"quotient": 2.5' })).toBeVisible();
  await expect(diff.locator('.diff-added', { hasText: '"quotient": 2' })).toBeVisible();
  await shot(page, 't3-failure-diff');

  // Re-run failed runs just that case.
  await page.getByRole('button', { name: 'Re-run failed' }).click();
  await expect(progress).toContainText('0 passed, 1 failed');

  // ─── fuzz a tool ───
  await page.getByRole('radio', { name: 'Fuzz' }).click();
  const settings = page.getByRole('form', { name: 'Fuzz settings' });
  await settings.getByLabel('Tool').selectOption('greet');
  await settings.getByLabel('Seed').fill('42');
  await settings.getByLabel('Inputs').fill('30');
  await settings.getByRole('button', { name: 'Start fuzzing' }).click();
  await expect(page.getByRole('status', { name: 'Fuzz progress' })).toContainText('30 of 30 inputs · seed 42');
  await expect(page.getByText(/No findings: greet handled every input/)).toBeVisible({ timeout: 30_000 });
  await shot(page, 't4-fuzz-clean');

  // ─── lint ───
  await page.getByRole('radio', { name: 'Lint' }).click();
  await page.getByRole('button', { name: 'Run lint' }).click();
  await expect(page.getByText('No findings: this server follows every enabled rule.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Lint summary' })).toContainText('0 errors, 0 warnings, 0 info');
  await shot(page, 't5-lint-clean');
});

test('(u) a FastMCP server with seeded defects: lint shows them with source lines, the fuzzer finds bad input accepted', async ({
  app: page,
}) => {
  test.setTimeout(15 * 60_000); // the first run creates the FastMCP environment
  const venv = await ensureFastmcpVenv('3.4.11');
  await addServer(page, { name: 'Defects', command: venv.python, args: path.join(FIXTURES, 'fastmcp_defects_server.py') });
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /Tests/ }).click();

  await page.getByRole('radio', { name: 'Lint' }).click();
  await page.getByRole('button', { name: 'Run lint' }).click();
  const errors = page.getByRole('region', { name: 'Lint errors' });
  await expect(errors).toContainText('blocking-in-async', { timeout: 30_000 });
  await expect(errors.getByLabel(/Source at .*fastmcp_defects_server\.py:42/)).toContainText('time.sleep(seconds)');
  await expect(page.getByRole('region', { name: 'Lint warnings' })).toContainText('cancellation-ignored');
  await expect(errors).toContainText('tool "mystery" has no description');
  await shot(page, 'u1-lint-defects');

  await page.getByRole('radio', { name: 'Fuzz' }).click();
  const settings = page.getByRole('form', { name: 'Fuzz settings' });
  await settings.getByLabel('Tool').selectOption('set_volume');
  await settings.getByLabel('Seed').fill('7');
  await settings.getByLabel('Inputs').fill('25');
  await settings.getByRole('button', { name: 'Start fuzzing' }).click();
  const findings = page.getByRole('list', { name: 'Fuzz findings' });
  await expect(findings.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await expect(findings).toContainText('input the schema forbids was accepted silently');
  await shot(page, 'u2-fuzz-findings');
  await findings.getByRole('listitem').first().getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as test' });
  await expect(dialog.getByLabel('Test case JSON')).toContainText('"status": "toolError"');
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('radio', { name: 'Suites' }).click();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.getByRole('status', { name: 'Test run progress' })).toContainText('0 passed, 1 failed');
});
