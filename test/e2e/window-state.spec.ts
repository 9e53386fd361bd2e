import type { Page } from '@playwright/test';
import { expect, forEachLook, looks, shot, test } from './fixtures';
import { startLab } from './lab-server';

const SERVERS = [
  { id: 'first', name: 'First server', transport: 'stdio', command: process.execPath, args: ['-e', ''] },
  { id: 'second', name: 'Second server', transport: 'stdio', command: process.execPath, args: ['-e', ''] },
];

async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
}

const mainView = (page: Page, name: string | RegExp) => page.getByRole('radiogroup', { name: 'Main view' }).getByRole('radio', { name });

/** Screenshots at these sizes (light): where the user was does not depend on the window's size. */
const SIZES = looks(
  [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ],
  ['light'],
);

test('(state) a reload opens where the user was — server, tab, editor with its file, side by side; seen at 1440×900 and 1024×700', async ({
  page,
}) => {
  const lab = await startLab({ workspaceServers: SERVERS });
  try {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    const header = page.locator('.server-header .server-name');
    await expect(header).toHaveText('First server');

    // The second server's History tab.
    await page
      .getByRole('complementary', { name: 'Servers' })
      .getByRole('button', { name: /^Second server/ })
      .click();
    await page
      .getByRole('tablist', { name: 'Server views' })
      .getByRole('tab', { name: /^History/ })
      .click();
    await reload(page);
    await expect(header).toHaveText('Second server');
    await expect(page.getByRole('tab', { name: /^History/ })).toHaveAttribute('aria-selected', 'true');
    await expect(mainView(page, 'Server')).toHaveAttribute('aria-checked', 'true');

    // The editor with a file open.
    await page.getByRole('tree').getByRole('button', { name: 'mcp-lab.json' }).click();
    const editor = page.getByRole('main', { name: 'Editor' });
    await expect(editor.locator('.view-lines')).toContainText('Second server');
    await reload(page);
    await expect(mainView(page, /^Editor/)).toHaveAttribute('aria-checked', 'true');
    await expect(editor.getByRole('tab', { name: /mcp-lab\.json/ })).toHaveAttribute('aria-selected', 'true');
    await expect(editor.locator('.view-lines')).toContainText('Second server');
    await forEachLook(page, SIZES, async (look) => {
      await expect(editor.locator('.view-lines')).toBeInViewport();
      await shot(page, `state-editor-after-reload-${look.width}x${look.height}`);
    });

    // Side by side, on the first server's Logs.
    await mainView(page, 'Side by side').click();
    await page
      .getByRole('complementary', { name: 'Servers' })
      .getByRole('button', { name: /^First server/ })
      .click();
    await page.getByRole('tablist', { name: 'Server views' }).getByRole('tab', { name: /^Logs/ }).click();
    await reload(page);
    await expect(mainView(page, 'Side by side')).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('region', { name: 'Server' }).locator('.server-header .server-name')).toHaveText('First server');
    await expect(page.getByRole('tab', { name: /^Logs/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Editor' }).locator('.view-lines')).toContainText('Second server');
    await forEachLook(page, SIZES, async (look) => {
      await expect(page.getByRole('region', { name: 'Server' }).locator('.server-header .server-name')).toBeInViewport();
      await expect(page.getByRole('region', { name: 'Editor' }).locator('.view-lines')).toBeInViewport();
      await shot(page, `state-split-after-reload-${look.width}x${look.height}`);
    });
  } finally {
    await lab.stop();
  }
});
