import { expect, forEachLook, looks, shot, startSelectedServer, test } from './fixtures';

/** A large window in light, the smallest one in dark. */
const DASH_LOOKS = [...looks([{ width: 1440, height: 900 }], ['light']), ...looks([{ width: 1024, height: 700 }], ['dark'])];

test('(dash) the legends show the latest values, the stat cards line up; at 1440×900 light and 1024×700 dark', async ({ app: page }) => {
  await startSelectedServer(page);
  await page.keyboard.press('Control+3');
  await expect(page.locator('.metric-card', { hasText: 'Last sample' }).locator('.metric-sub')).toContainText(
    /([3-9]|\d\d+) samples kept/,
    {
      timeout: 15_000,
    },
  );

  // Without the pointer on the chart, the legend still says how much: the newest sample.
  await page.mouse.move(0, 0);
  await forEachLook(page, DASH_LOOKS, async (look) => {
    await expect(page.getByRole('img', { name: 'Memory over time' }).locator('.u-legend')).toContainText(/RSS\W*\d+(\.\d+)? (KiB|MiB|GiB)/);
    await expect(page.getByRole('img', { name: 'CPU over time' }).locator('.u-legend')).toContainText(/CPU\W*\d+(\.\d+)? %/);

    // The "started" mark is labelled inside the plot, clear of the y axis's values.
    for (const chart of ['Memory over time', 'CPU over time']) {
      const plot = page.getByRole('img', { name: chart });
      const label = plot.locator('.chart-mark', { hasText: 'started' });
      await expect(label).toBeVisible();
      // The chart is redrawn at its new width (and rebuilt in the new scheme) a moment after the window changes.
      await expect(async () => {
        const [l, area, axis] = [
          await label.boundingBox(),
          await plot.locator('.u-over').boundingBox(),
          await plot.locator('.u-axis').nth(1).boundingBox(),
        ];
        expect(l!.x, `${chart}: the label starts inside the plot`).toBeGreaterThanOrEqual(area!.x);
        expect(l!.x + l!.width, `${chart}: the label ends inside the plot`).toBeLessThanOrEqual(area!.x + area!.width + 0.5);
        expect(l!.x, `${chart}: the label is right of the y axis`).toBeGreaterThanOrEqual(axis!.x + axis!.width);
      }).toPass();
    }

    // Cards in one column share their left edge and width, whatever their text.
    const boxes = await page
      .locator('.metric-card')
      .evaluateAll((cards) =>
        cards
          .map((c) => c.getBoundingClientRect())
          .map((r) => ({ x: Math.round(r.x), w: Math.round(r.width), y: Math.round(r.y), h: Math.round(r.height) })),
      );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(boxes.map((b) => b.w)).size, 'every card has the same width').toBe(1);
    const rows = [...new Set(boxes.map((b) => b.y))];
    expect(rows.length, 'the cards wrap into rows at this width').toBeGreaterThanOrEqual(1);
    for (const y of rows)
      expect(new Set(boxes.filter((b) => b.y === y).map((b) => b.h)).size, 'cards of a row have the same height').toBe(1);
    await shot(page, `dash-legend-${look.name}`);
  });
});
