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

export type Scheme = 'light' | 'dark';
/** A window size and a system colour scheme; `name` (`<scheme>-<w>x<h>`) goes into screenshot names. */
export interface Look {
  width: number;
  height: number;
  scheme: Scheme;
  name: string;
}

/** Every size in every scheme, one size after another. */
export function looks(sizes: { width: number; height: number }[], schemes: Scheme[] = ['light', 'dark']): Look[] {
  return sizes.flatMap(({ width, height }) => schemes.map((scheme) => ({ width, height, scheme, name: `${scheme}-${width}x${height}` })));
}

/** The sizes most specs check: a large window and the smallest supported one, each light and dark. */
export const LOOKS = looks([
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]);

/**
 * Runs `check` with the page shown in each look in turn: the same page, resized and switched to the
 * scheme in place (the app follows the system scheme while its Theme is Auto), so a state reached once
 * is checked at every size and scheme. Afterwards the page is back at the size and scheme it had.
 * What scripts rearrange after a resize (media query listeners, ResizeObservers) comes a frame later:
 * check it with assertions that retry.
 */
export async function forEachLook(page: Page, list: Look[], check: (look: Look) => Promise<void>): Promise<void> {
  const size = page.viewportSize()!;
  const html = page.locator('html');
  const scheme: Scheme = await html.evaluate((e) =>
    e.ownerDocument.defaultView!.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  for (const look of list) {
    await test.step(look.name, async () => {
      await page.setViewportSize({ width: look.width, height: look.height });
      await page.emulateMedia({ colorScheme: look.scheme });
      await expect(html, 'the app follows the system colour scheme').toHaveAttribute('data-theme', look.scheme);
      await expect.poll(() => html.evaluate((e) => e.ownerDocument.defaultView!.innerWidth), 'the page has its new width').toBe(look.width);
      try {
        await check(look);
      } catch (e) {
        // Which look failed belongs in the first line of the report, not only in the step list.
        if (e instanceof Error) e.message = `[${look.name}] ${e.message}`;
        throw e;
      }
    });
  }
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
}

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
