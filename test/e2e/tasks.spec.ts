import path from 'node:path';
import type { Page } from '@playwright/test';
import { addServer, expect, openTool, shot, test } from './fixtures';
import { REPO_ROOT } from './lab-server';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

async function openResearchTool(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, /simulate-research-query|Simulate Research Query/i);
}

test('(tsk) a required-task tool runs to its result, a second one is cancelled, an input_required question is answered', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await addServer(page, { name: 'Everything', command: 'node', args: `${EVERYTHING} stdio` });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });

  // 1. Runs as a task (its task support is required) and its life shows while it runs.
  await openResearchTool(page);
  await expect(page.getByText('This tool runs as a task')).toBeVisible();
  await page.getByRole('textbox', { name: /topic/i }).fill('tides');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const live = page.getByRole('region', { name: 'Running task' });
  await expect(live).toHaveAttribute('data-status', 'working');
  await expect(live).toContainText(/Gathering sources|Analyzing content|Synthesizing findings|Generating report/);
  await expect(live).toContainText(/kept 5m 00s · 4m \d\ds left/);
  await shot(page, 'tsk1-task-running-1440');
  // It survives switching tabs: the Tasks view lists it running, and the console gets its result.
  await page.getByRole('tab', { name: /Tasks/ }).click();
  const rows = page.getByRole('table', { name: 'Tasks' }).locator('tbody tr[data-task-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', /working|completed/);
  await shot(page, 'tsk2-tasks-tab-running-1440');
  await page.getByRole('tab', { name: /Tools/ }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(result).toContainText('Research Report: tides');
  await page.locator('.task-outcome summary').click();
  await expect(page.getByRole('list', { name: 'Task history' })).toContainText('Completed');
  await shot(page, 'tsk3-task-result-1440');

  // 2. A second run, cancelled from the console: the task ends cancelled on the server.
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(live).toHaveAttribute('data-status', 'working');
  await live.getByRole('button', { name: 'Cancel task' }).click();
  await expect(result).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await page.getByRole('tab', { name: /Tasks/ }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-status', 'cancelled');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'completed');
  await rows.nth(1).getByRole('button', { name: 'Details' }).click();
  await expect(page.locator('.task-details')).toContainText('Research Report: tides');
  await shot(page, 'tsk4-tasks-tab-ended-1440');

  // 3. An ambiguous query: the task goes input_required and asks in the usual request dialog.
  await openResearchTool(page);
  await page.getByRole('textbox', { name: /topic/i }).fill('python');
  await page.getByRole('checkbox', { name: /ambiguous/i }).check();
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The server asks for information' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('could have multiple interpretations');
  await expect(live).toHaveAttribute('data-status', 'input_required');
  await shot(page, 'tsk5-input-required-dialog-1440');
  await dialog.getByRole('combobox', { name: /Clarification/ }).selectOption('snake');
  await dialog.getByRole('button', { name: /^Accept/ }).click();
  await expect(dialog).toBeHidden();
  await expect(result).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(result).toContainText('Clarification**: snake');
  await shot(page, 'tsk6-input-answered-result-1440');
});
