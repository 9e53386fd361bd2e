import type { Page } from '@playwright/test';
import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

/** A theme token as the browser resolves it (rgb(…)), so the check holds in light and dark. */
async function themeColor(page: Page, token: string): Promise<string> {
  return page.locator('body').evaluate((body, name) => {
    const probe = body.ownerDocument.createElement('span');
    probe.style.color = `var(${name})`;
    body.appendChild(probe);
    const color = body.ownerDocument.defaultView!.getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, token);
}

test('(c) a tool error looks different from a success', async ({ app: page }) => {
  await startSelectedServer(page);
  await openTool(page, /Divide/);
  const form = page.locator('.args-form');
  const result = page.getByRole('region', { name: 'Call result' });

  await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result.locator('.outcome-badge')).toHaveCSS('color', await themeColor(page, '--ok'));

  await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('0');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(result).toHaveAttribute('data-status', 'toolError');
  await expect(result.locator('.outcome-badge')).toHaveText('Tool error');
  await expect(result).toContainText('reported a failure');
  await expect(result.locator('.outcome-badge')).toHaveCSS('color', await themeColor(page, '--tool-error')); // not green
  // Both outcomes stay in the history.
  await expect(page.getByRole('navigation', { name: 'Recent calls' }).getByRole('button')).toHaveCount(2);
  await shot(page, 'c1-divide-tool-error');
});
