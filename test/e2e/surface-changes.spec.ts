import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addServer, expect, shot, startSelectedServer, test, fixtureScript } from './fixtures';

/**
 * The Info tab's Changes: each run that became ready records the server's surface; after a
 * release that made an optional parameter required, the tab names it as breaking.
 */
test('the Info tab shows a parameter made required as a breaking change since the earlier version', async ({ app: page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-e2e-surface-'));
  const variant = path.join(dir, 'variant.txt');
  try {
    writeFileSync(variant, 'v1');
    await addServer(page, {
      name: 'Weather',
      command: process.execPath,
      args: `${fixtureScript('surface-server.ts')} --variant-file ${variant}`,
    });
    await startSelectedServer(page);
    await page.getByRole('tab', { name: /^Info/ }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel.getByText(/One version recorded/)).toBeVisible();

    // The next release: `days` is now required.
    writeFileSync(variant, 'days-required');
    await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Restart', exact: true }).click();
    await expect(panel.getByLabel('Surface change summary')).toHaveText(/1 breaking, 0 compatible\./, { timeout: 30_000 });
    await expect(panel.getByRole('list', { name: 'Breaking changes' })).toHaveText('tool forecast input.days: parameter became required');
    await expect(panel.getByLabel('Compare with the version of')).toContainText('1.0.0 (start)');

    await page.setViewportSize({ width: 1440, height: 900 });
    await panel.getByRole('heading', { name: 'Changes' }).scrollIntoViewIfNeeded();
    await shot(page, 'surface-changes-1440');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
