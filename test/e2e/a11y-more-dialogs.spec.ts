import type { Locator } from '@playwright/test';
import { startEverythingHttp, type RunningHttpServer } from '../helpers/remote-servers';
import { scanInBothThemes, showScheme } from './axe';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

let everything: RunningHttpServer | undefined;
test.afterEach(async () => {
  await everything?.kill();
  everything = undefined;
});

// Dialogs a11y-dialogs.spec.ts does not open: the test case editor and a remote server's Network view.
for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`(a11y) ${size.width}×${size.height}: the test case editor and Network dialogs have no serious axe violation, in light and in dark`, async ({
    app: page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await showScheme(page, 'light');
    const found: Record<string, string[]> = {};
    const check = async (name: string, dialog: Locator) => {
      await expect(dialog).toBeVisible();
      await scanInBothThemes(page, found, name, 'dialog[open]', (scheme) =>
        shot(page, `a11y-dialog-${name}-${scheme}-${size.width}x${size.height}`),
      );
    };

    // A saved case, edited from the Tests tab.
    await startSelectedServer(page);
    await openTool(page, /Divide/);
    const form = page.locator('.args-form');
    await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
    await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    const result = page.getByRole('region', { name: 'Call result' });
    await expect(result).toHaveAttribute('data-status', 'ok');
    await result.getByRole('button', { name: 'Save as test' }).click();
    const save = page.getByRole('dialog', { name: 'Save as test' });
    await save.getByRole('button', { name: 'Save test' }).click();
    await expect(save).toBeHidden();
    await page.getByRole('tab', { name: /Tests/ }).click();
    await page
      .getByRole('tree', { name: 'Test suites' })
      .getByRole('button', { name: /divide, a=6, b=3/ })
      .click();
    await page.getByRole('region', { name: 'Test case' }).getByRole('button', { name: 'Edit' }).click();
    const caseEditor = page.getByRole('dialog', { name: 'Edit test case' });
    await check('test-case-editor', caseEditor);
    await page.keyboard.press('Escape');
    await expect(caseEditor).toBeHidden();

    // A remote server's HTTP requests.
    everything = await startEverythingHttp('streamableHttp');
    await page.getByRole('button', { name: '+ Add server' }).click();
    const add = page.getByRole('dialog', { name: 'Add server' });
    await add.getByLabel('Name').fill('Everything (HTTP)');
    await add.getByRole('radio', { name: 'URL (remote)' }).click();
    await add.getByLabel('URL').fill(everything.url);
    await add.getByRole('button', { name: 'Add server' }).click();
    await expect(add).toBeHidden();
    await startSelectedServer(page);
    await page.locator('.server-header').getByRole('button', { name: 'Network', exact: true }).click();
    const network = page.getByRole('dialog', { name: /^Network — Everything \(HTTP\)/ });
    await expect(network.getByRole('list', { name: 'HTTP requests' }).getByRole('listitem').first()).toBeVisible();
    await check('network', network);
    await page.keyboard.press('Escape');
    await expect(network).toBeHidden();

    expect(found).toEqual({});
  });
}
