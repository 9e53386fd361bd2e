import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { addServer, expect, openTool, shot, startSelectedServer, test, fixtureScript } from './fixtures';
import { REPO_ROOT } from './lab-server';

const example = (name: string) => path.join(REPO_ROOT, `node_modules/@modelcontextprotocol/${name}/dist/index.js`);

async function startExample(page: Page, name: string): Promise<void> {
  await addServer(page, { name, command: 'node', args: `${example(name)} --stdio` });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
}

/** The App's own document: inside the relay frame, inside its inner frame. */
function appDocument(page: Page): FrameLocator {
  return page.frameLocator('iframe.app-frame').frameLocator('iframe');
}

async function callToolWithApp(page: Page, title: RegExp, fill?: (p: Page) => Promise<void>): Promise<FrameLocator> {
  await page.getByRole('tab', { name: /Tools/ }).click();
  await openTool(page, title);
  await fill?.(page);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toHaveAttribute('data-status', 'ok');
  await expect(page.getByRole('region', { name: 'MCP App' })).toBeVisible();
  await expect(page.locator('.app-frame-wrap')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  return appDocument(page);
}

async function expectAppCallInLog(page: Page, uri: string, tool: string): Promise<void> {
  await page.getByRole('tab', { name: /Logs/ }).click();
  await expect(page.locator('.log-row', { hasText: `from the App ${uri}: tools/call ${tool}` }).first()).toBeVisible();
}

for (const name of ['server-basic-vanillajs', 'server-basic-react']) {
  test(`(app) ${name}: the App renders beside the result, its button calls a tool, the call is in the log and history`, async ({
    app: page,
  }) => {
    test.setTimeout(120_000);
    await startExample(page, name);
    const doc = await callToolWithApp(page, /get-time/);
    await expect(doc.getByRole('button', { name: /Get Server Time/i })).toBeVisible();
    await doc.getByRole('button', { name: /Get Server Time/i }).click();
    await page.getByRole('region', { name: 'MCP App' }).scrollIntoViewIfNeeded();
    await shot(page, `app-${name}-1440`);
    await expectAppCallInLog(page, 'ui://get-time/mcp-app.html', 'get-time');
    await page.getByRole('tab', { name: /History/ }).click();
    await expect(page.getByText('from App').first()).toBeVisible();
  });
}

test('(app) server-budget-allocator and server-threejs: their Apps render beside the result', async ({ app: page }) => {
  test.setTimeout(150_000);
  await startExample(page, 'server-budget-allocator');
  const budget = await callToolWithApp(page, /get-budget-data|Budget/i);
  await expect(budget.getByRole('heading', { name: 'Budget Allocator' })).toBeVisible();
  await expect(budget.getByText('Marketing').first()).toBeVisible();
  await page.getByRole('region', { name: 'MCP App' }).scrollIntoViewIfNeeded();
  await shot(page, 'app-server-budget-allocator-1440');

  await startExample(page, 'server-threejs');
  const three = await callToolWithApp(page, /Show Three.js Scene/);
  await expect(three.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  // The scene is code the App evaluates: a policy without eval shows an error instead.
  await expect(three.locator('body')).not.toContainText('Error');
  await page.getByRole('region', { name: 'MCP App' }).scrollIntoViewIfNeeded();
  await shot(page, 'app-server-threejs-1440');
});

async function startAppsFixture(page: Page): Promise<void> {
  await addServer(page, { name: 'Apps fixture', command: 'node', args: fixtureScript('apps-server.ts') });
  await startSelectedServer(page);
}

test('(app) our fixture: the App calls an App-only tool through the engine; a model-only tool is refused; links need consent', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  await startAppsFixture(page);
  // The tool list marks the App-only tool and the tool that opens an App.
  const tools = page.getByRole('list', { name: 'Tools' });
  await expect(tools.getByRole('button', { name: /increment/ })).toContainText('App-only');
  await expect(tools.getByRole('button', { name: /^counter/ })).toContainText('App');

  const doc = await callToolWithApp(page, /^counter/);
  await doc.getByRole('button', { name: 'Add one' }).click();
  await expect(doc.locator('#count')).toHaveText('1');
  await doc.getByRole('button', { name: 'Add one' }).click();
  await expect(doc.locator('#count')).toHaveText('2');
  await doc.getByRole('button', { name: 'Call a model-only tool' }).click();
  await expect(doc.locator('#err')).toContainText('refused');

  await doc.getByRole('button', { name: 'Open docs' }).click();
  const ask = page.getByRole('dialog', { name: 'The App wants to open a link' });
  await expect(ask).toContainText('https://modelcontextprotocol.io/');
  await ask.getByRole('button', { name: 'Don’t open' }).click();
  await expect(page.getByRole('list', { name: 'From the App' })).toContainText('declined https://modelcontextprotocol.io/');

  await expectAppCallInLog(page, 'ui://counter/app.html', 'increment');
  await expect(page.locator('.log-row', { hasText: 'tools/call model-only' })).toHaveCount(0);
});

test('(app) a hostile App cannot reach the parent window, its cookie, the API socket or the network outside its CSP', async ({
  app: page,
  lab,
}) => {
  test.setTimeout(120_000);
  const port = new URL(lab.url).port;
  // A loopback listener outside the App's declared CSP: any request or socket that reaches it is a leak.
  const hits: string[] = [];
  const sink = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.end('leaked');
  });
  sink.on('upgrade', (req, socket) => {
    hits.push(`upgrade ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  await startAppsFixture(page);
  const doc = await callToolWithApp(page, /^hostile/, async (p) => {
    const form = p.locator('.args-form');
    await form.getByRole('spinbutton', { name: 'port', exact: true }).fill(port);
    await form.getByRole('spinbutton', { name: 'sink', exact: true }).fill(String((sink.address() as AddressInfo).port));
  });
  const events = page.getByRole('list', { name: 'From the App' });
  await expect(events).toContainText('hostile App done', { timeout: 30_000 });
  for (const what of ['parent DOM', 'top DOM', 'cookie', 'API socket', 'fetch outside CSP', 'socket outside CSP']) {
    await expect(events).toContainText(`blocked: ${what}`);
  }
  await expect(events).not.toContainText('LEAKED');
  await expect(doc.locator('#out')).not.toContainText('LEAKED');
  await expect(page.locator('#pwned, #pwned-top')).toHaveCount(0);
  await shot(page, 'app-hostile-1440');
  sink.close();
  expect(hits, 'requests that reached a listener outside the App CSP').toEqual([]);
});

test('(app) frame size picker, host theme, and a ui:// resource opened on its own; screenshots at 1440×900 and 1024×700', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await startAppsFixture(page);
  const doc = await callToolWithApp(page, /^counter/);
  const frame = page.locator('iframe.app-frame');

  // The host's theme reaches the App at start (ui/initialize) and on change (host-context-changed).
  await expect(doc.locator('#theme')).toHaveText('light');
  await page.getByRole('button', { name: 'Light host' }).click();
  await expect(doc.locator('#theme')).toHaveText('dark');

  const size = page.getByRole('combobox', { name: 'App frame size' });
  await size.selectOption('phone');
  await expect(frame).toHaveJSProperty('offsetWidth', 390);
  await size.selectOption('tablet');
  await expect(frame).toHaveJSProperty('offsetWidth', 768);
  await size.selectOption('custom');
  await page.getByRole('spinbutton', { name: 'App frame width' }).fill('500');
  await page.getByRole('spinbutton', { name: 'App frame height' }).fill('300');
  await expect(frame).toHaveJSProperty('offsetWidth', 500);
  await expect(frame).toHaveJSProperty('offsetHeight', 300);
  await size.selectOption('phone');
  await page.getByRole('region', { name: 'MCP App' }).scrollIntoViewIfNeeded();
  await shot(page, 'app-counter-phone-dark-1440x900');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('region', { name: 'MCP App' }).scrollIntoViewIfNeeded();
  await shot(page, 'app-counter-phone-dark-1024x700');

  // The resource list marks the App's resource; opening it renders the App on its own.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('tab', { name: /Resources/ }).click();
  const item = page.getByRole('list', { name: 'Resources' }).getByRole('button', { name: /counter-app/ });
  await expect(item).toContainText('App');
  await item.click();
  await expect(page.locator('.app-frame-wrap')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(appDocument(page).getByRole('heading', { name: 'Counter App' })).toBeVisible();
  await shot(page, 'app-resource-on-its-own-1440x900');
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'app-resource-on-its-own-1024x700');
});
