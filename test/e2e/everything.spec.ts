import path from 'node:path';
import { addServer, expect, openTool, shot, test } from './fixtures';
import { REPO_ROOT } from './lab-server';
import type { Page } from '@playwright/test';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

async function addEverything(page: Page): Promise<void> {
  await addServer(page, { name: 'Everything', command: 'node', args: `${EVERYTHING} stdio` });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
}

async function callTool(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, title);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toHaveAttribute('data-status', 'ok');
}

test('(evr) server-everything: subscribe and see updates, prompts with completions, open a resource_link, ping', async ({ app: page }) => {
  test.setTimeout(120_000);
  await addEverything(page);

  // Subscribe to a resource, then let the server simulate changes: the resource is marked live.
  await page.getByRole('tab', { name: /Resources/ }).click();
  const resources = page.getByRole('list', { name: 'Resources' });
  const first = resources.getByRole('button').first();
  await first.click();
  await expect(page.getByRole('region', { name: 'Read result' })).toHaveAttribute('data-status', 'ok');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Subscribed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(first).toContainText('subscribed');
  await callTool(page, /toggle-subscriber-updates|Toggle Subscriber Updates/i);
  await page.getByRole('tab', { name: /Resources/ }).click();
  await expect(page.getByText(/Changed on the server at \d\d:\d\d:\d\d/)).toBeVisible({ timeout: 20_000 });
  await expect(resources.locator('.update-dot')).toHaveCount(1);
  await shot(page, 'evr1-resource-updated');
  // Auto re-read: the next update reads it again by itself, and the mark goes away.
  await page.getByRole('checkbox', { name: 'Auto re-read on change' }).check();
  await expect(page.getByText(/Last change at/)).toBeVisible({ timeout: 20_000 });
  await callTool(page, /toggle-subscriber-updates|Toggle Subscriber Updates/i);

  // A template with completions (server-everything completes positive integer ids).
  await page.getByRole('tab', { name: /Resources/ }).click();
  await page.getByRole('list', { name: 'Resource templates' }).getByRole('button').first().click();
  const rid = page.getByRole('combobox', { name: /resourceId/ });
  await rid.fill('4');
  await expect(page.getByRole('option', { name: '4' }))
    .toBeVisible()
    .catch(() => {}); // a single echo of the input is hidden
  await expect(page.getByLabel('Expanded URI')).toHaveText(/\/4$/);
  await rid.press('Enter');
  await expect(page.getByRole('region', { name: 'Read result' })).toContainText('Resource 4');

  // A prompt whose second argument's completions depend on the first (context.arguments).
  await page.getByRole('tab', { name: /Prompts/ }).click();
  await page
    .getByRole('list', { name: 'Prompts' })
    .getByRole('button', { name: /Team Management/ })
    .click();
  const dept = page.getByRole('combobox', { name: /department/ });
  await dept.click();
  await dept.fill('S');
  await expect(page.getByRole('option')).toHaveText(['Sales', 'Support']);
  await dept.press('ArrowDown');
  await dept.press('Enter');
  await expect(dept).toHaveValue('Sales');
  const name = page.getByRole('combobox', { name: /name/ });
  await name.click();
  await expect(page.getByRole('option')).toHaveText(['David', 'Eve', 'Frank']);
  await shot(page, 'evr2-prompt-completion-context');
  await page.getByRole('option', { name: 'Eve' }).click();
  await page.getByRole('button', { name: 'Get prompt' }).click();
  const prompt = page.getByRole('region', { name: 'Prompt result' });
  await expect(prompt.getByRole('listitem', { name: 'Message 1: user' })).toContainText(
    'Please promote Eve to the head of the Sales team.',
  );
  await shot(page, 'evr3-prompt-messages');

  // A prompt that embeds a resource: the embedded contents open in the Resources tab as they came.
  await page
    .getByRole('list', { name: 'Prompts' })
    .getByRole('button', { name: /Resource Prompt/ })
    .click();
  await page.getByRole('combobox', { name: /resourceType/ }).fill('Text');
  await page.getByRole('combobox', { name: /resourceId/ }).fill('3');
  await page.getByRole('button', { name: 'Get prompt' }).click();
  const embedded = prompt.getByRole('listitem', { name: 'Message 2: user' });
  await expect(embedded).toContainText('demo://resource/dynamic/text/3');
  await embedded.getByRole('button', { name: /Show these contents in the Resources tab/ }).click();
  await expect(page.getByRole('region', { name: 'Embedded contents' }).getByLabel('Resource text')).toContainText(
    'Resource 3: This is a plaintext resource',
  );
  await page.getByRole('button', { name: 'Re-read' }).click();
  await expect(page.getByRole('region', { name: 'Read result' })).toHaveAttribute('data-status', 'ok');

  // resource_link blocks in a tool result open in the Resources tab in one click.
  await callTool(page, /get-resource-links|Get Resource Links/i);
  const call = page.getByRole('region', { name: 'Call result' });
  await expect(call.locator('.block-link')).toHaveCount(3);
  await shot(page, 'evr4-resource-links');
  await call.getByRole('button', { name: /Read this resource in the Resources tab: demo:\/\/resource\/dynamic\/text\/2/ }).click();
  await expect(page.getByRole('tab', { name: /Resources/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.resource-viewer .resource-uri')).toHaveText('demo://resource/dynamic/text/2');
  await expect(page.getByRole('region', { name: 'Read result' }).getByLabel('Resource text')).toContainText(
    'Resource 2: This is a plaintext resource',
  );
  await shot(page, 'evr5-resource-link-opened');
  // A blob link: its binary contents get a Download button.
  await callTool(page, /get-resource-links|Get Resource Links/i);
  await page
    .getByRole('region', { name: 'Call result' })
    .getByRole('button', { name: /dynamic\/blob\/1/ })
    .click();
  const blob = page.getByRole('region', { name: 'Read result' });
  await expect(blob.getByRole('button', { name: 'Download' })).toBeVisible();
  const download = page.waitForEvent('download');
  await blob.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('1.txt'); // a text/plain blob

  // Ping and the capabilities.
  await page.getByRole('tab', { name: /Info/ }).click();
  await page.getByRole('button', { name: 'Ping', exact: true }).click();
  await expect(page.getByLabel('Ping result')).toContainText(/answered in \d/);
  await expect(page.getByRole('list', { name: 'Capabilities' })).toContainText('subscribe yes');
  await shot(page, 'evr6-info-ping');
  await page.getByRole('list', { name: 'Capabilities' }).scrollIntoViewIfNeeded();
  await shot(page, 'evr7-capabilities');
});
