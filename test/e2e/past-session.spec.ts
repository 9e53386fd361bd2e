import { readFileSync } from 'node:fs';
import { addServer, expect, shot, startSelectedServer, test, fixtureScript } from './fixtures';
import { startLab } from './lab-server';

/**
 * A session exported from one workspace opens in another MCP Lab, read-only and marked as past:
 * the file is downloaded from the Info tab and picked in "Open session…".
 */
test('a session exported in one MCP Lab opens read-only in another', async ({ app: page, browser }, testInfo) => {
  await addServer(page, {
    name: 'Weather',
    command: process.execPath,
    args: fixtureScript('surface-server.ts'),
  });
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /^Info/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export session' }).click();
  const download = await downloading;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    format: 'mcp-lab/session',
    server: { name: 'Weather', info: { name: 'surface-fixture' } },
  });

  // Another MCP Lab, another workspace.
  const other = await startLab({ cleanWorkspace: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page2 = await context.newPage();
    await page2.goto(other.url);
    await expect(page2.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await page2.getByRole('button', { name: 'Open session…' }).click();
    const dialog = page2.getByRole('dialog', { name: 'Past session (read-only)' });
    await dialog.getByLabel('Session file').setInputFiles(file);
    await expect(dialog.getByText(/Past session, read-only — not a live server/)).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Past tools' })).toContainText('forecast');
    await expect(dialog.locator('.past-session-log')).toContainText('connected to surface-fixture');
    // Nothing was added to this workspace.
    await expect(page2.getByRole('complementary', { name: 'Servers' }).getByText('Weather')).toHaveCount(0);
    await shot(page2, 'past-session-1440');
  } finally {
    await context.close();
    await other.stop();
  }
});
