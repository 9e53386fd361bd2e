import { expect, shot, startSelectedServer, test } from './fixtures';

test('a load run from the UI shows live figures, a result card, and compares with the previous run', async ({ app: page }) => {
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /^Load/ }).click();
  const form = page.getByRole('form', { name: 'Load run settings' });
  await form.getByLabel('Tool').selectOption('greet');
  await form.getByLabel('Arguments (JSON)').fill('{"name": "Ada"}');
  await form.getByLabel('Duration (s)').fill('4');
  await form.getByLabel('Concurrency').fill('4');
  await form.getByRole('button', { name: 'Start load run' }).click();

  const run = page.getByRole('region', { name: 'Load run' });
  await expect(run).toHaveAttribute('data-state', 'running');
  // The live chart moves: the call count grows while the run is on.
  const calls = run.getByRole('group', { name: 'Run results' }).locator('.figure').first().locator('.figure-value');
  await expect(page.getByRole('img', { name: 'Throughput over time' })).toBeVisible({ timeout: 5000 });
  const first = Number((await calls.innerText()).replace(/,/g, ''));
  await expect.poll(async () => Number((await calls.innerText()).replace(/,/g, '')), { timeout: 5000 }).toBeGreaterThan(first);
  await shot(page, 'h1-load-running');

  await expect(run).toHaveAttribute('data-state', 'completed', { timeout: 15_000 });
  await expect(run.getByRole('group', { name: 'Run results' })).toContainText('ok');
  // The card says how busy MCP Lab itself was during the run.
  await expect(run.getByRole('group', { name: 'Run results' })).toContainText("MCP Lab's event loop");
  await expect(run.getByRole('group', { name: 'Run results' })).toContainText(/\d+ % busy/);
  await expect(page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')).toHaveCount(1);
  await shot(page, 'h2-load-result');

  // A second, different run, then both compared side by side.
  await form.getByLabel('Concurrency').fill('1');
  await form.getByLabel('Duration (s)').fill('2');
  await form.getByRole('button', { name: 'Start load run' }).click();
  await expect(run).toHaveAttribute('data-state', 'completed', { timeout: 15_000 });
  const saved = page.getByRole('list', { name: 'Saved runs' });
  await expect(saved.getByRole('listitem')).toHaveCount(2);
  for (const box of await saved.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Run comparison' });
  await expect(compare.getByRole('row', { name: /Throughput/ })).toContainText('%');
  await shot(page, 'h3-load-compare');
});
