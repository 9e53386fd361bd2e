import { expect, shot, test } from './fixtures';

test('the printed link opens one session: the token leaves the address bar, and a second browser is told how to get a new link', async ({
  app,
  lab,
  browser,
}) => {
  // The app is open and connected (fixture): the used token is no longer in the address bar.
  expect(app.url()).not.toContain('token=');

  const other = await browser.newContext();
  try {
    const page = await other.newPage();
    await page.goto(lab.url);
    await expect(page.locator('#msg')).toContainText('This link was already used');
    await expect(page.locator('#msg')).toContainText('type n and press Enter to print a new link');
    expect(page.url()).not.toContain('token=');
    await shot(page, 'one-time-link-used');
  } finally {
    await other.close();
  }
});
