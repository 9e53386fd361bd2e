import { rm } from 'node:fs/promises';
import { LOOKS, addServer, expect, fixtureScript, forEachLook, openTool, shot, startSelectedServer, test } from './fixtures';

/** Longer than an information toast stays (NOTICE_INFO_MS, 6 s). */
const WELL_PAST_THE_INFO_TIMEOUT_MS = 20_000;

test('(toasts) an error toast stays until dismissed while information goes by itself; at 1440×900 and 1024×700, light and dark', async ({
  page,
  lab,
}) => {
  // The page's timers follow a clock the test moves forward: no waiting for the toasts' timeout.
  await page.clock.install();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(lab.url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  await addServer(page, { name: 'Echo', command: process.execPath, args: fixtureScript('echo-server.ts') });
  await startSelectedServer(page);
  const result = page.getByRole('region', { name: 'Call result' });

  // Information: a test saved.
  await openTool(page, /^Echo/);
  await page.locator('.args-form').getByRole('textbox', { name: 'text', exact: true }).fill('hi');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await result.getByRole('button', { name: 'Save as test' }).click();
  const save = page.getByRole('dialog', { name: 'Save as test' });
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(save).toBeHidden();
  const info = page.getByRole('status').filter({ hasText: /^Saved "echo, text=hi"/ });
  await expect(info).toBeVisible();
  // From here the page's time stands still until the test moves it: the information stays meanwhile.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 100));

  // An error from the engine: a result too large to show is saved to a file, the file is deleted behind
  // the app's back, and the full result cannot be read any more.
  await openTool(page, /^big/);
  await page.locator('.args-form').getByRole('spinbutton', { name: 'bytes' }).fill('3000000');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await rm(await result.getByRole('note').locator('code').innerText());
  await result.getByRole('button', { name: 'Download full result' }).click();
  const error = page.getByRole('alert').filter({ hasText: /^Could not read the full result/ });
  await expect(error).toBeVisible();
  await expect(info).toBeVisible();
  await page.mouse.move(0, 0); // not resting on a toast, which would hold it
  await page.clock.fastForward(WELL_PAST_THE_INFO_TIMEOUT_MS);
  await expect(info).toBeHidden();
  await expect(error).toBeVisible();
  await forEachLook(page, LOOKS, async (look) => {
    await expect(error).toBeInViewport({ ratio: 1 });
    await expect(error.getByRole('button', { name: 'Dismiss message' })).toBeInViewport({ ratio: 1 });
    await shot(page, `error-toast-stays-${look.name}`);
  });
  await error.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(error).toBeHidden();
  expect(errors, 'uncaught errors in the page').toEqual([]);
});
