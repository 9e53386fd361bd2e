import type { Page } from '@playwright/test';
import { startScenarioServers, type ScenarioServers } from '../helpers/conformance-scenario';
import { expect, shot, test } from './fixtures';

/**
 * The sign-in debugger against the official conformance suite's own servers: an authorization
 * server without dynamic client registration (scenario auth/pre-registration). The first sign-in
 * fails at "Client identity" and the debugger says why and what to do; with the pre-registered
 * client id and secret entered in the server dialog, the sign-in goes through.
 */
let suite: ScenarioServers | undefined;
test.afterEach(async () => {
  await suite?.stop();
  suite = undefined;
});

async function both(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await shot(page, `${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('(o) a failing sign-in, step by step: no dynamic registration, then a pre-registered client', async ({ app: page }) => {
  suite = await startScenarioServers('auth/pre-registration');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: '+ Add server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await dialog.getByLabel('Name').fill('Suite: pre-registration');
  await dialog.getByRole('radio', { name: 'URL (remote)' }).click();
  await dialog.getByLabel('URL').fill(suite.url);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  const failure = page.getByRole('alert', { name: 'Server failure' });
  // A start that ends in a failed sign-in gets the time a start gets (see startSelectedServer): several round trips to the suite's servers.
  await expect(failure).toContainText('sign-in failed at “Client identity”', { timeout: 30_000 });
  await expect(failure).toContainText('no dynamic client registration');
  await failure.getByRole('button', { name: 'Show the sign-in steps' }).click();

  const debug = page.getByRole('dialog', { name: /Sign-in steps/ });
  await expect(debug.getByRole('status')).toContainText('Failed at “Client identity”');
  const steps = debug.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('button')).toHaveText([
    /asks for authorization/,
    /Protected resource metadata/,
    /Authorization server metadata/,
    /Client identity/,
  ]);
  // The failed step is shown first, with where it went wrong and what to do.
  const detail = debug.getByRole('article', { name: 'Step: Client identity' });
  await expect(detail.getByRole('region', { name: 'Where it went wrong' })).toContainText('no dynamic client registration');
  await expect(detail).toContainText('enter its client id and secret in the server’s OAuth settings');
  await both(page, 'o0-sign-in-failed-at-client-identity');

  // The authorization server's metadata shows why: no registration_endpoint. Its request opens on its headers and body.
  await steps.getByRole('button', { name: /Authorization server metadata/ }).click();
  const asStep = debug.getByRole('article', { name: 'Step: Authorization server metadata' });
  await expect(asStep.locator('.oauth-facts')).toContainText('registration_endpoint(none)');
  await expect(asStep.locator('.http-exchange[open]')).toContainText('"token_endpoint_auth_methods_supported"');
  await both(page, 'o1-authorization-server-metadata');

  // The 401 itself: the challenge with its WWW-Authenticate.
  await steps.getByRole('button', { name: /asks for authorization/ }).click();
  await expect(debug.getByRole('article', { name: /Step: The server asks/ })).toContainText('resource_metadata=');
  await debug.getByRole('button', { name: 'Close dialog' }).click();

  // The fix the debugger named: the pre-registered client, in the server's OAuth settings.
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: /Edit Suite: pre-registration/ });
  await edit.locator('summary', { hasText: 'Sign-in (OAuth)' }).click();
  await edit.getByLabel('Client ID').fill('pre-registered-client');
  await edit.getByLabel('Client secret').fill('pre-registered-secret');
  await shot(page, 'o2-oauth-settings');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  const consent = page.getByRole('dialog', { name: /Review/ });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  // A changed client id is a change of where credentials go: reviewed like a changed URL.
  if (await consent.isVisible().catch(() => false))
    await consent
      .getByRole('button', { name: /Start|Approve|Allow/ })
      .first()
      .click();
  const panel = page.getByRole('status', { name: 'Sign-in' });
  await expect(panel).toContainText('Sign-in needed');
  await panel.getByRole('button', { name: 'Sign in…' }).click();
  const popup = page.context().waitForEvent('page');
  await panel.getByRole('button', { name: 'Open', exact: true }).click();
  const signInPage = await popup;
  await expect(signInPage.locator('h1')).toHaveText('Signed in');
  await signInPage.close();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });

  await panel.getByRole('button', { name: 'Sign-in steps' }).click();
  await expect(debug.getByRole('status')).toContainText('the server accepted the token');
  await steps.getByRole('button', { name: /Client identity: pre-registered/ }).click();
  await expect(debug.getByRole('article', { name: /Client identity: pre-registered/ })).toContainText('pre-registered-client');
  await steps.getByRole('button', { name: /Token request: code exchange/ }).click();
  const token = debug.getByRole('article', { name: /Token request: code exchange/ });
  await expect(token.locator('.oauth-facts')).toContainText('client_secret_basic');
  // The secret, the code and the verifier never reach the page.
  await expect(debug).not.toContainText('pre-registered-secret');
  await expect(token).toContainText('‹masked');
  await both(page, 'o3-signed-in-with-pre-registered-client');
});
