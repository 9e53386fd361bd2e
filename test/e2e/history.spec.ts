import { expect, openTool, shot, startSelectedServer, test } from './fixtures';

test('(h) calls are kept in the History tab: search, replay, diff of two results, edit and resend', async ({ app: page }) => {
  await startSelectedServer(page);
  await openTool(page, /Greet someone/);
  const name = page.locator('.args-form').getByRole('textbox', { name: 'name', exact: true });
  const result = page.getByRole('region', { name: 'Call result' });
  for (const who of ['Ada', 'Grace']) {
    await name.fill(who);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(result).toContainText(who);
  }

  await page.getByRole('tab', { name: /History/ }).click();
  const list = page.getByRole('list', { name: 'Request history' });
  const rows = list.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('greet');
  await expect(rows.first()).toContainText('Grace');

  // The newest: what was sent and what came back, shown as the console shows results.
  await rows.first().getByRole('button').click();
  const detail = page.getByRole('article', { name: 'Request details' });
  await expect(detail.getByRole('region', { name: 'Request' })).toContainText('"name": "Grace"');
  await expect(detail.getByRole('region', { name: 'Call result' })).toContainText('Grace');
  await shot(page, 'h1-history-entry');

  // Replay: the same request again; the new outcome is kept too, marked as a replay.
  await detail.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('.call-history-tag')).toHaveText('replay');
  await expect(detail).toContainText('replay of');

  // Diff: tick the Ada call and the Grace call, then compare their results side by side.
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Diff (2/2)' }).click();
  const diff = page.getByRole('region', { name: 'Diff of two results' });
  await expect(diff.locator('.diff-removed').first()).toContainText('Ada');
  await expect(diff.locator('.diff-added').first()).toContainText('Grace');
  await expect(diff.getByRole('status')).toContainText('only in the older result');
  await shot(page, 'h2-history-diff-side-by-side');
  await diff.getByRole('radio', { name: 'Unified' }).click();
  await expect(diff.getByLabel('Unified diff')).toContainText('- ');
  await shot(page, 'h3-history-diff-unified');
  await diff.getByRole('button', { name: 'Close diff' }).click();

  // Search looks into arguments and results.
  await page.getByRole('searchbox', { name: 'Search history' }).fill('ada');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ada');

  // Edit and resend: back to the console with those arguments as the draft.
  await rows.first().getByRole('button').click();
  await detail.getByRole('button', { name: 'Edit and resend' }).click();
  await expect(page.getByRole('tab', { name: /Tools/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.console-title')).toBeVisible();
  await expect(name).toHaveValue('Ada');
  await shot(page, 'h4-edit-and-resend');
});
