import type { Page } from '@playwright/test';
import { addServer, expect, forEachLook, looks, shot, startSelectedServer, test } from './fixtures';

/** The footer's numbers and the rows the grid holds, read at one moment (live entries keep arriving). */
async function footer(page: Page): Promise<{ shown: number; of: number; scope: string; rows: number }> {
  return page.locator('.logs-tab').evaluate((tab) => {
    const text = tab.querySelector('.logs-status')?.textContent ?? '';
    const m = /([\d,]+) shown of ([\d,]+) from (this server|every server)/.exec(text);
    if (!m) throw new Error(`the log footer reads "${text}"`);
    const grid = tab.querySelector('[role="grid"][aria-label="Log entries"]');
    const n = (s: string) => Number(s.replace(/,/g, ''));
    return { shown: n(m[1]!), of: n(m[2]!), scope: m[3]!, rows: grid ? Number(grid.getAttribute('aria-rowcount')) : 0 };
  });
}

/** A large window in dark, the smallest one in light. */
const LOGS_LOOKS = [...looks([{ width: 1440, height: 900 }], ['dark']), ...looks([{ width: 1024, height: 700 }], ['light'])];

test('(logs) the footer counts the entries of the filter and the scope shown; at 1440×900 dark and 1024×700 light', async ({
  app: page,
}) => {
  // A second server whose failed start leaves entries of its own.
  await addServer(page, { name: 'Broken server', command: 'mcp-lab-no-such-command-xyz', args: '--stdio' });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/failed/);
  await page
    .getByRole('complementary', { name: 'Servers' })
    .getByRole('button', { name: /^Example server/ })
    .click();
  await startSelectedServer(page);
  await page.getByRole('tablist', { name: 'Server views' }).getByRole('tab', { name: /^Logs/ }).click();
  const filters = page.getByRole('toolbar', { name: 'Log filters' });
  const scope = filters.getByRole('radiogroup', { name: 'Which servers' });
  const status = page.locator('.logs-tab .logs-status');

  // No filter: every entry of this server is shown, and the grid holds exactly those.
  await expect.poll(async () => footer(page)).toMatchObject({ scope: 'this server' });
  await expect
    .poll(async () => {
      const f = await footer(page);
      return f.shown > 0 && f.shown === f.of && f.rows === f.shown;
    })
    .toBe(true);

  // A text filter: "shown" is what matches, "of" stays this server's total.
  await filters.getByLabel('Filter log text').fill('initialize');
  await expect
    .poll(async () => {
      const f = await footer(page);
      return f.shown > 0 && f.shown < f.of && f.rows === f.shown;
    })
    .toBe(true);
  await forEachLook(page, LOGS_LOOKS, async (look) => {
    await expect(status).toBeInViewport({ ratio: 1 });
    await shot(page, `logs-footer-filtered-${look.name}`);
  });

  // The other server's entries are not this server's: none match here, and none are counted in "of".
  await filters.getByLabel('Filter log text').fill('no-such-command');
  await expect(page.getByText('No entry matches the filters')).toBeVisible();
  const here = await footer(page);
  expect(here.shown).toBe(0);

  // Every server: they match, and the total counts both servers.
  await scope.getByRole('radio', { name: 'All servers' }).click();
  await expect
    .poll(async () => {
      const f = await footer(page);
      return f.scope === 'every server' && f.shown > 0 && f.rows === f.shown && f.of > here.of;
    })
    .toBe(true);
  await forEachLook(page, LOGS_LOOKS, async (look) => {
    await expect(status).toBeInViewport({ ratio: 1 });
    await shot(page, `logs-footer-all-${look.name}`);
  });
});
