import type { Locator } from '@playwright/test';
import { LOOKS, expect, forEachLook, openTool, shot, startSelectedServer, test } from './fixtures';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator) => (await l.boundingBox())!;

/** Longer than an information toast stays (NOTICE_INFO_MS, 6 s). */
const WELL_PAST_THE_INFO_TIMEOUT_MS = 20_000;

test(`(console) multi-line strings, list items, a result's repeated JSON shown once, a readable test name, a toast that closes by itself; each at 1440×900 and 1024×700, light and dark`, async ({
  page,
  lab,
}) => {
  // The page's timers follow a clock the test can stop: the toast stays while it is checked in every look.
  await page.clock.install();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(lab.url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  await startSelectedServer(page);
  const result = page.getByRole('region', { name: 'Call result' });

  // A string argument is a text area: pasted lines keep their breaks, and the call gets them.
  await openTool(page, /Greet someone/);
  const name = page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true });
  expect(await name.evaluate((e) => e.tagName)).toBe('TEXTAREA');
  await name.fill('Ada\nLovelace');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  expect(await result.locator('.result-body').innerText()).toMatch(/Ada\nLovelace/);

  // A list's items are called "item 1", "item 2", not by the form library's "tags-1".
  await openTool(page, /Search notes/);
  const tags = page.locator('.args-form').getByRole('group', { name: /^tags/ });
  await tags.getByRole('button', { name: '+ Add item' }).click();
  await tags.getByRole('button', { name: '+ Add item' }).click();
  await expect(tags.locator('.form-label')).toHaveText([/^item 1/, /^item 2/]);
  await expect(tags).not.toContainText('tags-1');

  // The structured value the server repeats as a text block is shown once; Raw shows what was sent.
  await openTool(page, /Health check/);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.result-body > .block')).toHaveCount(1);
  await expect(result).toContainText('structuredContent (also sent as text, the same JSON; Raw shows both)');
  await result.getByRole('button', { name: 'Raw' }).click();
  await expect(result.getByLabel('Raw result JSON')).toContainText('"content"');
  await expect(result.getByLabel('Raw result JSON')).toContainText('"structuredContent"');
  await forEachLook(page, LOOKS, async (look) => {
    await expect(result.getByRole('button', { name: 'Raw' })).toBeInViewport();
    await expect(result.getByLabel('Raw result JSON')).toBeVisible();
    await shot(page, `console-details-once-${look.name}`);
  });

  // Saved as a test, a call gets a name a person reads: the tool and its arguments.
  await openTool(page, /Divide/);
  const form = page.locator('.args-form');
  await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await result.getByRole('button', { name: 'Save as test' }).click();
  const save = page.getByRole('dialog', { name: 'Save as test' });
  await expect(save.getByLabel('Case name')).toHaveValue('divide, a=6, b=3');
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(save).toBeHidden();

  // The info toast says so beside the content, not over the result, and closes by itself (the pause
  // under the pointer: test/unit/renderer/components/notices.test.tsx).
  const toast = page.getByRole('status').filter({ hasText: /Saved "divide, a=6, b=3"/ });
  await expect(toast).toBeVisible();
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 100));
  await forEachLook(page, LOOKS, async (look) => {
    await expect(toast).toBeInViewport({ ratio: 1 });
    expect(overlaps(await box(toast), await box(result.locator('.result-head'))), 'the toast covers the result').toBe(false);
    await shot(page, `console-details-toast-${look.name}`);
  });
  await page.mouse.move(0, 0); // not resting on the toast, which would hold it
  await page.clock.fastForward(WELL_PAST_THE_INFO_TIMEOUT_MS);
  await expect(toast).toBeHidden();
  expect(errors, 'uncaught errors in the page').toEqual([]);
});
