import { expect, shot, startSelectedServer, test } from './fixtures';

test('the dashboard draws memory and CPU of a running server, and moves', async ({ app: page }) => {
  await startSelectedServer(page);
  await page.keyboard.press('Control+3');
  const memory = page.getByRole('img', { name: 'Memory over time' });
  await expect(memory).toBeVisible();
  // Samples arrive at 1 Hz; wait for a few so the line has length.
  await expect(page.locator('.metric-card', { hasText: 'Last sample' }).locator('.metric-sub')).toContainText(
    /([3-9]|\d\d+) samples kept/,
    { timeout: 15_000 },
  );
  await expect(page.locator('.metric-card').first()).toContainText(/\d+(\.\d+)? (MiB|KiB|GiB)/);

  // The memory line is really drawn: count pixels of the series colour on the canvas.
  const linePixels = () =>
    memory.evaluate((el) => {
      const canvas = el.querySelector('canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i]! - 0x4f) < 24 && Math.abs(data[i + 1]! - 0x9c) < 24 && Math.abs(data[i + 2]! - 0xf5) < 24) n++;
      return n;
    });
  await expect.poll(linePixels, { timeout: 10_000 }).toBeGreaterThan(40);
  const before = await page.locator('.metric-card', { hasText: 'Last sample' }).locator('.metric-sub').innerText();
  await expect(page.locator('.metric-card', { hasText: 'Last sample' }).locator('.metric-sub')).not.toHaveText(before, { timeout: 5000 });
  await expect(page.getByRole('img', { name: 'CPU over time' })).toBeVisible();
  await shot(page, 'g1-dashboard-charts');
});
