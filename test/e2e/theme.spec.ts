import type { Page } from '@playwright/test';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

const background = (page: Page) =>
  page.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).backgroundColor);
/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('(theme) the window follows the system (light here), can be switched, and remembers; editor and charts follow', async ({
  page,
  lab,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(lab.url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(luminance(await background(page))).toBeGreaterThan(0.9);

  await startSelectedServer(page);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await openTool(page, /Greet someone/);
    await page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true }).fill('Ada');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Call result' })).toContainText('Ada');
    await shot(page, `theme-light-console-${size.width}x${size.height}`);
    await page.keyboard.press('Control+3');
    await expect(page.locator('.time-series-chart canvas').first()).toBeVisible();
    await shot(page, `theme-light-dashboard-${size.width}x${size.height}`);
    await page.keyboard.press('Control+1');
  }

  // The editor uses Monaco's light theme too.
  await page.getByRole('tree').getByRole('button', { name: 'mcp-lab.json' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('servers');
  await expect(editor.locator('.monaco-editor').first()).toHaveClass(/\bvs\b/);
  await shot(page, 'theme-light-editor-1024x700');

  // An explicit choice wins over the system, and survives a reload.
  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Auto' })).toHaveAttribute('aria-checked', 'true');
  await theme.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(editor.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  expect(luminance(await background(page))).toBeLessThan(0.15);
  await page.reload();
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});
