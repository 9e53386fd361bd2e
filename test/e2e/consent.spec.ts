import path from 'node:path';
import { type Page, expect, test as base } from '@playwright/test';
import { REPO_ROOT, startLab, type LabServer } from './lab-server';
import { shot } from './fixtures';

const example = path.join(REPO_ROOT, 'out/main/example-server.js');
/** A workspace from a repository whose server runs through a shell: new to this machine, and worth a look. */
const test = base.extend<{ lab: LabServer; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  lab: async ({}, use) => {
    const lab = await startLab({
      workspaceServers: [
        {
          id: 'cloned',
          name: 'Cloned server',
          transport: 'stdio',
          command: 'sh',
          args: ['-c', `exec node ${example}`],
          env: [{ key: 'NODE_OPTIONS', value: '--max-old-space-size=256', secret: false }],
        },
      ],
    });
    await use(lab);
    expect(await lab.stop()).toEqual([]);
  },
  app: async ({ page, lab }, use) => {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await use(page);
  },
});

test('a command new to this machine is shown, flagged, and runs only after the person allows it', async ({ app: page }) => {
  await expect(page.getByRole('note')).toContainText('This command is new to this machine and has parts worth a second look');
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Review and start' }).click();
  const dialog = page.getByRole('dialog', { name: /Review before it runs: Cloned server/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('mark.danger-mark').first()).toHaveText('sh');
  await expect(dialog.getByRole('alert')).toContainText('runs its arguments as shell code');
  await expect(dialog.getByRole('alert')).toContainText('NODE_OPTIONS — can make Node load extra code');
  await shot(page, 'i1-consent-dialog');

  // Cancel: nothing runs.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/stopped/);

  // Allow: it starts, and the review is not asked again.
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Review and start' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run it anyway' }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});
