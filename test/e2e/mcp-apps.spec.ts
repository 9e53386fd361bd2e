import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { addServer, expect, openTool, shot, test } from './fixtures';
import { REPO_ROOT } from './lab-server';

const example = (name: string) => path.join(REPO_ROOT, `node_modules/@modelcontextprotocol/${name}/dist/index.js`);

async function startExample(page: Page, name: string): Promise<void> {
  await addServer(page, { name, command: 'node', args: `${example(name)} --stdio` });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
}

/** The App's own document: inside the relay frame, inside its inner frame. */
function appDocument(page: Page): FrameLocator {
  return page.frameLocator('iframe.app-frame').frameLocator('iframe');
}

async function callToolWithApp(page: Page, title: RegExp): Promise<FrameLocator> {
  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, title);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toHaveAttribute('data-status', 'ok');
  await expect(page.getByRole('region', { name: 'MCP App' })).toBeVisible();
  await expect(page.locator('.app-frame-wrap')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  return appDocument(page);
}

async function expectAppCallInLog(page: Page, uri: string, tool: string): Promise<void> {
  await page.getByRole('tab', { name: /Logs/ }).click();
  await expect(page.locator('.log-row', { hasText: `from the App ${uri}: tools/call ${tool}` }).first()).toBeVisible();
}

for (const name of ['server-basic-vanillajs', 'server-basic-react']) {
  test(`(app) ${name}: the App renders beside the result, its button calls a tool, the call is in the log and history`, async ({ app: page }) => {
    test.setTimeout(120_000);
    await startExample(page, name);
    const doc = await callToolWithApp(page, /get-time/);
    await expect(doc.getByRole('button', { name: /Get Server Time/i })).toBeVisible();
    await shot(page, `app-${name}-1440`);
    await doc.getByRole('button', { name: /Get Server Time/i }).click();
    await expectAppCallInLog(page, 'ui://get-time/mcp-app.html', 'get-time');
    await page.getByRole('tab', { name: /History/ }).click();
    await expect(page.getByText('from App').first()).toBeVisible();
  });
}
