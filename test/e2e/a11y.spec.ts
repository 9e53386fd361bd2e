import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { WRITE_README_SHOTS, scanInBothThemes, showScheme } from './axe';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';
import { REPO_ROOT } from './lab-server';

/** The README shows these, taken at 1440×900 when asked (`MCP_LAB_README_SHOTS=1`, see the README). */
const README_SHOTS = path.join(REPO_ROOT, 'docs/screenshots');

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Server views' }).getByRole('tab', { name: new RegExp(`^${name}`) });

/** Each main view, reached as a user would, with what shows it is there. */
const VIEWS: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'server',
    open: async (page) => {
      await tab(page, 'Tools').click();
      await expect(page.getByRole('list', { name: 'Tools' })).toBeVisible();
    },
  },
  {
    name: 'console',
    open: async (page) => {
      await openTool(page, /Greet someone/);
      await expect(page.getByRole('region', { name: 'Call result' })).toBeVisible();
    },
  },
  {
    name: 'logs',
    open: async (page) => {
      await tab(page, 'Logs').click();
      await expect(page.getByRole('grid', { name: 'Log entries' }).getByRole('row').first()).toBeVisible();
    },
  },
  {
    name: 'dashboard',
    open: async (page) => {
      await tab(page, 'Dashboard').click();
      await expect(page.locator('.time-series-chart canvas').first()).toBeVisible();
    },
  },
  {
    name: 'load',
    open: async (page) => {
      await tab(page, 'Load').click();
      await expect(page.getByRole('form', { name: 'Load run settings' })).toBeVisible();
    },
  },
  {
    name: 'resources',
    open: async (page) => {
      await tab(page, 'Resources').click();
      await page
        .getByRole('list', { name: 'Resources' })
        .getByRole('button', { name: /Logs go to stderr/ })
        .click();
      await expect(page.getByRole('region', { name: 'Read result' }).getByLabel('Resource text')).toContainText('"id"');
    },
  },
  {
    name: 'prompts',
    open: async (page) => {
      await tab(page, 'Prompts').click();
      await page
        .getByRole('list', { name: 'Prompts' })
        .getByRole('button', { name: /Summarize notes/ })
        .click();
      await page.getByLabel(/^topic/).fill('stderr');
      await page.getByRole('button', { name: 'Get prompt' }).click();
      await expect(page.getByRole('region', { name: 'Prompt result' })).toContainText('Summarize');
    },
  },
  {
    name: 'tasks',
    open: async (page) => {
      await tab(page, 'Tasks').click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
    },
  },
  {
    name: 'info',
    open: async (page) => {
      await tab(page, 'Info').click();
      await expect(page.getByRole('tabpanel')).toContainText('Capabilities');
    },
  },
  {
    name: 'tests',
    open: async (page) => {
      await tab(page, 'Tests').click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
    },
  },
  {
    name: 'history',
    open: async (page) => {
      await tab(page, 'History').click();
      await expect(page.getByRole('tabpanel').getByText('greet').first()).toBeVisible();
    },
  },
  {
    name: 'editor',
    open: async (page) => {
      await page.getByRole('tree').getByRole('button', { name: 'mcp-lab.json' }).click();
      await expect(page.getByRole('main', { name: 'Editor' }).locator('.view-lines')).toContainText('servers');
    },
  },
];

/** The views the README shows. */
const README_VIEWS = new Set(['server', 'console', 'logs', 'dashboard', 'editor', 'info', 'tests', 'history']);

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`(a11y) ${size.width}×${size.height}: every main view has no serious or critical axe violation, in light and in dark`, async ({
    app: page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await showScheme(page, 'light');
    await startSelectedServer(page);
    await openTool(page, /Greet someone/);
    await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('Ada');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Call result' })).toContainText('Ada');

    const found: Record<string, string[]> = {};
    for (const view of VIEWS) {
      await view.open(page);
      await scanInBothThemes(page, found, view.name, undefined, async (scheme) => {
        await shot(page, `a11y-${view.name}-${scheme}-${size.width}x${size.height}`);
        if (WRITE_README_SHOTS && size.width === 1440 && README_VIEWS.has(view.name)) {
          mkdirSync(README_SHOTS, { recursive: true });
          await page.screenshot({ path: path.join(README_SHOTS, `${view.name}-${scheme}.png`) });
        }
      });
      if (view.name === 'editor') await page.getByRole('radiogroup', { name: 'Main view' }).getByRole('radio', { name: 'Server' }).click();
    }
    expect(found).toEqual({});
  });
}

test('(a11y) a dialog keeps focus inside while open and gives it back when closed', async ({ app: page }) => {
  const opener = page.getByRole('button', { name: '+ Add server' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await expect(dialog).toBeVisible();
  // Round the dialog more than once: focus never lands outside it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
