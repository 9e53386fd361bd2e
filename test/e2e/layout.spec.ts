import { expect, forEachLook, looks, shot, test } from './fixtures';
import { startLab } from './lab-server';
import type { Page } from '@playwright/test';

const LONG_NAME = 'A server with a very long descriptive name that someone pasted from their README file, okay';

/** Fully inside the viewport, horizontally: nothing the user needs is pushed off screen. */
async function expectInView(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, `${String(name)} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${String(name)} ends on screen`).toBeLessThanOrEqual(width);
}

/** The three widths the layout is checked at, light and dark. */
const LAYOUT_LOOKS = looks([
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]);

test('(lay) a 90-character server name truncates with a tooltip; every tab and action stays reachable at 1440×900, 1280×800 and 1024×700, light and dark', async ({
  page,
}) => {
  expect(LONG_NAME.length).toBeGreaterThanOrEqual(90);
  const lab = await startLab({
    workspaceServers: [{ id: 'long', name: LONG_NAME, transport: 'stdio', command: process.execPath, args: ['-e', ''] }],
  });
  try {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    const sidebar = page.getByRole('complementary', { name: 'Servers' });
    const item = sidebar.locator('.server-item-name', { hasText: LONG_NAME });
    await expect(item).toHaveAttribute('title', LONG_NAME);
    await expect(page.locator('.server-header .server-name')).toHaveAttribute('title', LONG_NAME);
    const tabs = page.getByRole('tablist');
    await forEachLook(page, LAYOUT_LOOKS, async (look) => {
      // The sidebar keeps its width: the name is cut, not the layout.
      expect((await sidebar.boundingBox())!.width).toBeLessThan(look.width / 3);
      await expectInView(page, '+ Add server');
      for (const action of ['Review and start', 'Stop', 'Edit', 'Remove']) await expectInView(page, action);
      // Every tab can be reached with the mouse, at this width too (a scheme moves nothing: once per width).
      if (look.scheme === 'light') {
        const names = await tabs.getByRole('tab').allTextContents();
        for (const [i, tab] of (await tabs.getByRole('tab').all()).entries()) {
          await tab.scrollIntoViewIfNeeded();
          const box = (await tab.boundingBox())!;
          expect(box.x + box.width, `${names[i]} ends on screen`).toBeLessThanOrEqual(look.width);
        }
      }
      await tabs.getByRole('tab', { name: /History/ }).click();
      await expect(tabs.getByRole('tab', { name: /History/ })).toHaveAttribute('aria-selected', 'true');
      await shot(page, `lay-long-name-${look.name}`);
    });

    // The sidebar can be made wider with the keyboard (or by dragging), and keeps that width after a reload.
    const resizer = page.getByRole('separator', { name: 'Resize the sidebar' });
    const before = (await sidebar.boundingBox())!.width;
    await resizer.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeGreaterThan(before + 50);
    const widened = (await sidebar.boundingBox())!.width;
    await page.reload();
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await forEachLook(page, LAYOUT_LOOKS, async () => {
      await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(Math.round(widened));
      await expectInView(page, 'Remove');
    });
  } finally {
    await lab.stop();
  }
});
