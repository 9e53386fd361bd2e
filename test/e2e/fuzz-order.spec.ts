import { LOOKS, addServer, expect, fixtureScript, forEachLook, shot, startSelectedServer, test } from './fixtures';

test('(fuzz order) errors come before warnings, whatever order they were found in; at 1440×900 and 1024×700, light and dark', async ({
  app: page,
}) => {
  // Its warnings (wrong types accepted) are found before or with its errors (results that break the outputSchema).
  await addServer(page, { name: 'Levels', command: process.execPath, args: fixtureScript('fuzz-findings-server.ts') });
  await startSelectedServer(page);
  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('radio', { name: 'Fuzz' }).click();
  const settings = page.getByRole('form', { name: 'Fuzz settings' });
  await settings.getByLabel('Tool').selectOption('set_level');
  await settings.getByLabel('Seed').fill('42');
  await settings.getByLabel('Inputs').fill('30');
  await settings.getByRole('button', { name: 'Start fuzzing' }).click();
  await expect(page.getByRole('status', { name: 'Fuzz progress' })).toContainText(/30 of 30 inputs · seed 42 · .*· done/, {
    timeout: 30_000,
  });

  const findings = page.getByRole('list', { name: 'Fuzz findings' });
  const error = findings.getByRole('listitem').filter({ hasText: "the result breaks the tool's outputSchema" }).first();
  const warning = findings.getByRole('listitem').filter({ hasText: 'input the schema forbids was accepted silently' }).first();
  await expect(error).toBeVisible();
  await expect(warning).toBeVisible();
  const severities = await findings.locator('.finding-head .severity').allTextContents();
  expect(severities).toContain('error');
  expect(severities).toContain('warning');
  expect(severities, 'errors first, then warnings').toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
  await forEachLook(page, LOOKS, async (look) => {
    await expect(error).toBeVisible();
    await expect(warning).toBeVisible();
    await expect(findings.locator('.finding-head .severity').first()).toBeInViewport();
    await shot(page, `fuzz-order-${look.name}`);
  });
});
