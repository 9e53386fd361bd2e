import { expect, shot, test } from './fixtures';
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

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  for (const scheme of ['light', 'dark'] as const)
    test(`(lay) ${size.width}×${size.height} ${scheme}: a 90-character server name truncates with a tooltip; every tab and action stays reachable`, async ({
      page,
    }) => {
      expect(LONG_NAME.length).toBeGreaterThanOrEqual(90);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const lab = await startLab({
        workspaceServers: [{ id: 'long', name: LONG_NAME, transport: 'stdio', command: process.execPath, args: ['-e', ''] }],
      });
      try {
        await page.goto(lab.url);
        await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
        const sidebar = page.getByRole('complementary', { name: 'Servers' });
        const item = sidebar.locator('.server-item-name', { hasText: LONG_NAME });
        await expect(item).toHaveAttribute('title', LONG_NAME);
        // The sidebar keeps its width: the name is cut, not the layout.
        expect((await sidebar.boundingBox())!.width).toBeLessThan(size.width / 3);
        await expectInView(page, '+ Add server');
        for (const action of ['Review and start', 'Stop', 'Edit', 'Remove']) await expectInView(page, action);
        await expect(page.locator('.server-header .server-name')).toHaveAttribute('title', LONG_NAME);
        // Every tab can be reached with the mouse, at this width too.
        const tabs = page.getByRole('tablist');
        for (const tab of await tabs.getByRole('tab').all()) {
          await tab.scrollIntoViewIfNeeded();
          const box = (await tab.boundingBox())!;
          expect(box.x + box.width, `${await tab.textContent()} ends on screen`).toBeLessThanOrEqual(size.width);
        }
        await tabs.getByRole('tab', { name: /History/ }).click();
        await expect(tabs.getByRole('tab', { name: /History/ })).toHaveAttribute('aria-selected', 'true');
        await shot(page, `lay-long-name-${scheme}-${size.width}x${size.height}`);

        // The sidebar can be made wider with the keyboard (or by dragging), and keeps that width after a reload.
        const resizer = page.getByRole('separator', { name: 'Resize the sidebar' });
        const before = (await sidebar.boundingBox())!.width;
        await resizer.focus();
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
        await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeGreaterThan(before + 50);
        const widened = (await sidebar.boundingBox())!.width;
        await page.reload();
        await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
        await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(Math.round(widened));
        await expectInView(page, 'Remove');
      } finally {
        await lab.stop();
      }
    });
}
