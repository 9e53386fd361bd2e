import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Locator, type Page, test as base, expect } from '@playwright/test';
import { type LabServer, REPO_ROOT, startLab } from './lab-server';

const require = createRequire(import.meta.url);
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/servers');
/** tsx as an --import hook, by absolute URL so it resolves from any working directory. */
export const TSX_IMPORT = pathToFileURL(require.resolve('tsx')).href;
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

interface LabFixtures {
  /** A fresh `mcp-lab serve` (own MCP_LAB_HOME, default workspace with the example server). */
  lab: LabServer;
  /** The app, opened and connected. */
  app: Page;
}

export const test = base.extend<LabFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  lab: async ({}, use) => {
    const lab = await startLab();
    await use(lab);
    const survivors = await lab.stop();
    expect(survivors, 'server processes left running after mcp-lab stopped').toEqual([]);
  },
  app: async ({ page, lab }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
/** Fixture servers run as bundles, as in the other suites. */
export { fixtureScript } from '../helpers/fixtures';

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Start the selected server and wait until it is ready. */
export async function startSelectedServer(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
}

export async function openTool(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: title }).click();
  await expect(page.locator('.console-title')).toBeVisible();
}

export async function addServer(page: Page, s: { name: string; command: string; args: string }, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: '+ Add server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await dialog.getByLabel('Name').fill(s.name);
  await dialog.getByLabel('Command').fill(s.command);
  await dialog.getByLabel('Arguments').fill(s.args);
  if (screenshot) await shot(page, screenshot);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.server-header .server-name')).toHaveText(s.name);
}

/** Where to click in the editor's gutter for a breakpoint on `line`: left of its line number. */
export async function gutterPoint(editor: Locator, line: number): Promise<{ x: number; y: number }> {
  const lineNumber = editor.locator('.line-numbers', { hasText: new RegExp(`^${line}$`) });
  // boundingBox() does not wait: the line can be drawn a moment later (after Go to line, a scroll).
  await expect(lineNumber).toBeVisible();
  const box = (await lineNumber.boundingBox())!;
  return { x: box.x - 6, y: box.y + box.height / 2 };
}
