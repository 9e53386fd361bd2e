/**
 * Tools whose input refers to itself, driven in the UI: pydantic's tree and linked list (FastMCP
 * 3) and a z.lazy list on the TypeScript SDK. The form shows the first levels as fields and the
 * deeper part as a JSON field; filled in, the call gets the right answer. Before, selecting a
 * tool with a plain object field of its own type froze the window.
 */
import path from 'node:path';
import { ensureFastmcpVenv } from '../helpers/fastmcp-venv';
import { FIXTURES, addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';

const FASTMCP_VERSION = '3.4.11';

test('(rec) recursive pydantic models: a usable form, nested levels filled, the right answer', async ({ app: page }) => {
  const started = Date.now();
  test.setTimeout(15 * 60_000);
  const venv = await ensureFastmcpVenv(FASTMCP_VERSION);
  test.setTimeout(Date.now() - started + 90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await addServer(page, { name: 'Recursive (FastMCP)', command: venv.python, args: path.join(FIXTURES, 'fastmcp_recursive_server.py') });
  await startSelectedServer(page);

  // A tree: three levels as fields, the fourth as JSON (it starts as a valid example).
  await openTool(page, /tree_sum/);
  const form = page.locator('.args-form');
  const field = (suffix: string) => form.locator(`[id$="_root${suffix}"]`);
  const addTo = (suffix: string) => form.locator(`[id$="_root${suffix}"] > .form-add`).click();
  await field('_value').fill('1');
  await addTo('_children');
  await field('_children_0_value').fill('2');
  await addTo('_children_0_children');
  await field('_children_0_children_0_value').fill('3');
  await addTo('_children_0_children_0_children');
  const deep = field('_children_0_children_0_children_0');
  await expect(deep).toHaveValue(/"value": 0/);
  await expect(form.getByText('Deeper levels of this recursive type are edited as JSON.')).toBeVisible();
  await deep.fill('{"value": 4, "children": [{"value": 5}, {"value": 6}]');
  await expect(form.getByRole('alert')).toContainText('Not valid JSON yet');
  await deep.fill('{"value": 4, "children": [{"value": 5}, {"value": 6}]}');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText("Does not match the tool's input schema")).toHaveCount(0);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.getByLabel('Structured content')).toContainText('"total": 21');
  await expect(result.getByLabel('Structured content')).toContainText('"nodes": 6');
  await expect(result.getByLabel('Structured content')).toContainText('"depth": 5');
  await expect(result).not.toContainText("does not match the tool's output schema");
  await result.scrollIntoViewIfNeeded();
  await shot(page, 'rec-1-tree-1440x900');
  await page.setViewportSize({ width: 1024, height: 700 });
  await deep.scrollIntoViewIfNeeded();
  await shot(page, 'rec-2-tree-1024x700');

  // A linked list: each "next" starts as null; switching null off opens the next cell.
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTool(page, /join_list/);
  const head = (suffix: string) => form.locator(`[id$="_head${suffix}"]`);
  await head('_value').fill('alpha');
  await form.getByRole('checkbox', { name: 'next is null' }).first().uncheck();
  await head('_next_value').fill('beta');
  await form.getByRole('checkbox', { name: 'next is null' }).nth(1).uncheck();
  await head('_next_next_value').fill('gamma');
  await form.getByRole('checkbox', { name: 'next is null' }).nth(2).uncheck();
  await head('_next_next_next').fill('{"value": "delta", "next": {"value": "epsilon"}}');
  await form.locator('[id$="_separator"]').fill(' / ');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('alpha / beta / gamma / delta / epsilon');
  await shot(page, 'rec-3-list-1440x900');
  await page.setViewportSize({ width: 1024, height: 700 });
  await result.scrollIntoViewIfNeeded();
  await shot(page, 'rec-4-list-1024x700');
});

test('(rec-ts) a z.lazy linked list on the TypeScript SDK: three cells as fields, the rest as JSON', async ({ app: page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await addServer(page, {
    name: 'Recursive (TypeScript)',
    command: process.execPath,
    args: fixtureScript('recursive-server.ts'),
  });
  await startSelectedServer(page);
  await openTool(page, /join_list/);
  const form = page.locator('.args-form');
  const head = (suffix: string) => form.locator(`[id$="_head${suffix}"]`);
  await head('_value').fill('one');
  await head('_next_value').fill('two');
  await head('_next_next_value').fill('three');
  await head('_next_next_next').fill('{"value": "four", "next": {"value": "five"}}');
  await expect(page.getByText("Does not match the tool's input schema")).toHaveCount(0);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('one -> two -> three -> four -> five');
  await shot(page, 'rec-5-zod-list-1440x900');
  // JSON mode holds the same nested arguments (its editor checks them against the recursive schema too).
  await page.getByRole('radio', { name: 'JSON' }).click();
  await expect(page.locator('.monaco-editor')).toContainText('"five"');
  await page.getByRole('radio', { name: 'Form' }).click();
  await expect(head('_next_next_next')).toHaveValue(/"five"/);
  await page.setViewportSize({ width: 1024, height: 700 });
  await head('_next_next_next').scrollIntoViewIfNeeded();
  await shot(page, 'rec-6-zod-list-1024x700');
});
