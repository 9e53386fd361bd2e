import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { addServer, shot, fixtureScript } from './fixtures';
import { type LabServer, startLab } from './lab-server';

/**
 * What a person keeps in MCP Lab is not lost or leaked: edits made to mcp-lab.json outside it,
 * a secret store that cannot be read, secrets saved before they were kept per workspace.
 */
const echo = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  transport: 'stdio',
  command: process.execPath,
  args: [fixtureScript('echo-server.ts')],
  ...extra,
});

interface FileJson {
  version: 1;
  servers: Array<{ id: string; name: string; args: string[]; env?: unknown[] }>;
}

let lab: LabServer | undefined;
let pageErrors: string[] = [];
test.afterEach(async () => {
  const survivors = await lab?.stop();
  lab = undefined;
  expect(survivors ?? [], 'server processes left running after mcp-lab stopped').toEqual([]);
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

async function open(page: Page, options: Parameters<typeof startLab>[0]): Promise<{ lab: LabServer; file: string }> {
  lab = await startLab(options);
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(lab.url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  return { lab, file: path.join(lab.workspace, 'mcp-lab.json') };
}
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as FileJson;
const serverList = (page: Page) => page.getByRole('complementary', { name: 'Servers' });

test('a hand edit of mcp-lab.json shows up at once and survives a server added from the UI', async ({ page }) => {
  const { file } = await open(page, { workspaceServers: [echo('first', 'First server')] });
  await expect(serverList(page).getByText('First server')).toBeVisible();

  // Another editor adds a server and changes the first one's arguments, while MCP Lab runs.
  const edited = readJson(file);
  edited.servers.push(
    echo('by-hand', 'Added by hand', { args: [...edited.servers[0]!.args, '--from-another-editor'] }) as FileJson['servers'][number],
  );
  edited.servers[0]!.args.push('--edited-by-hand');
  writeFileSync(file, JSON.stringify(edited, null, 2));
  await expect(serverList(page).getByText('Added by hand')).toBeVisible();

  await addServer(page, {
    name: 'Added in the app',
    command: process.execPath,
    args: fixtureScript('echo-server.ts'),
  });
  const saved = readJson(file);
  expect(saved.servers.map((s) => s.id)).toEqual(['first', 'by-hand', 'added-in-the-app']);
  expect(saved.servers[0]!.args).toContain('--edited-by-hand');
  expect(saved.servers[1]!.args).toContain('--from-another-editor');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'trust-1-hand-edit-kept-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'trust-1-hand-edit-kept-1024');
});

test('an edit in the server dialog over a change made on disk meanwhile is a conflict, not an overwrite', async ({ page }) => {
  const { file } = await open(page, { workspaceServers: [echo('first', 'First server')] });
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit First server' });
  await dialog.getByLabel('Name').fill('Renamed in the dialog');

  const onDisk = readJson(file);
  onDisk.servers[0]!.args.push('--pulled-from-git');
  onDisk.servers[0]!.name = 'First server (pulled)';
  writeFileSync(file, JSON.stringify(onDisk, null, 2));
  const written = readFileSync(file, 'utf8');
  // The engine has read the change; the dialog stays open with the person's edit.
  await expect(page.locator('.server-header .server-name')).toHaveText('First server (pulled)');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('changed in mcp-lab.json (outside MCP Lab) while you were editing');
  await expect(dialog.getByLabel('Name')).toHaveValue('Renamed in the dialog');
  expect(readFileSync(file, 'utf8')).toBe(written);
  await shot(page, 'trust-2-dialog-conflict');
});

test('a running server whose settings changed on disk says so and restarts with them after a review', async ({ page }) => {
  const { file } = await open(page, { cleanWorkspace: true });
  await addServer(page, {
    name: 'Live',
    command: process.execPath,
    args: fixtureScript('echo-server.ts'),
  });
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });

  const onDisk = readJson(file);
  onDisk.servers[0]!.env = [{ key: 'GREETING', value: 'from disk', secret: false }];
  writeFileSync(file, JSON.stringify(onDisk, null, 2));
  const note = page.locator('.config-changed-note');
  await expect(note).toContainText(
    'It keeps running with the settings it started with: restart to apply the new ones (its command changed: you review it first)',
  );
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/);
  await shot(page, 'trust-3-config-changed-note');

  await note.getByRole('button', { name: 'Review and restart' }).click();
  await page
    .getByRole('dialog', { name: /Review before it runs: Live/ })
    .getByRole('button', { name: /Allow and start/ })
    .click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
  await expect(note).toHaveCount(0);
});

test('a broken secret store is named, blocks the servers that need a secret, is left untouched, and can be moved aside', async ({
  page,
}) => {
  const broken = '{"format": 2, "workspaces": {"/home/me/project": {"holdout": {"API_KEY": "the only copy"}}}';
  const { lab } = await open(page, {
    workspaceServers: [echo('holdout', 'Holdout', { env: [{ key: 'API_KEY', secret: true }] })],
    appData: { 'secrets.json': broken },
  });
  const secretsFile = path.join(lab.home, 'secrets.json');
  const banner = page.getByRole('alert', { name: 'The secret store cannot be read' });
  await expect(banner).toContainText(`${secretsFile}: it is not valid JSON`);

  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Review and start' }).click();
  await page
    .getByRole('dialog', { name: /Review before it runs: Holdout/ })
    .getByRole('button', { name: /Allow and start/ })
    .click();
  const failure = page.getByRole('alert', { name: 'Server failure' });
  await expect(failure).toContainText('"Holdout" needs the secret API_KEY, and the secret store');
  expect(readFileSync(secretsFile, 'utf8')).toBe(broken);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'trust-4-secret-store-damaged-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'trust-4-secret-store-damaged-1024');

  await banner.getByRole('button', { name: 'Move it aside…' }).click();
  await shot(page, 'trust-4-move-aside-confirm');
  await banner.getByRole('button', { name: 'Move it aside and start afresh' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'The unreadable secret store was moved to' })).toBeVisible();
  const moved = readdirSync(lab.home).filter((f) => f.startsWith('secrets.json.damaged-'));
  expect(moved).toHaveLength(1);
  expect(readFileSync(path.join(lab.home, moved[0]!), 'utf8')).toBe(broken);
  expect(existsSync(secretsFile)).toBe(false);
});

test('a secret saved before secrets were kept per workspace is not used until the person says it belongs here', async ({ page }) => {
  // An earlier MCP Lab's store: filed under the server id alone, with no record of where it was typed.
  const { lab } = await open(page, {
    workspaceServers: [echo('holdout', 'Holdout', { env: [{ key: 'API_KEY', secret: true }] })],
    appData: { 'secrets.json': JSON.stringify({ holdout: { API_KEY: 'typed-long-ago' } }) },
  });
  const panel = page.getByRole('alert', { name: 'Secrets waiting for a decision' });
  await expect(panel).toContainText('An earlier version of MCP Lab saved a secret for a server with the id holdout: API_KEY');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'trust-5-set-aside-secret-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'trust-5-set-aside-secret-1024');

  await panel.getByRole('button', { name: 'Use it in this workspace' }).click();
  await expect(panel).toHaveCount(0);
  const store = JSON.parse(readFileSync(path.join(lab.home, 'secrets.json'), 'utf8')) as {
    workspaces: Record<string, unknown>;
    setAside: Record<string, unknown>;
  };
  expect(store.setAside).toEqual({});
  expect(Object.values(store.workspaces)).toEqual([{ holdout: { API_KEY: 'typed-long-ago' } }]);
});
