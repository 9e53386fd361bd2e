import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, shot, test } from './fixtures';
import { type LabServer, startLab } from './lab-server';

let lab: LabServer | undefined;
test.afterEach(async () => {
  const survivors = await lab?.stop();
  lab = undefined;
  expect(survivors ?? [], 'server processes left running after mcp-lab stopped').toEqual([]);
});

test('a workspace that is not the default one adds the TypeScript example from its empty server list, and its source opens', async ({
  page,
}) => {
  lab = await startLab({ cleanWorkspace: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(lab.url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
  const list = page.getByRole('complementary', { name: 'Servers' });
  const examples = list.getByRole('group', { name: 'Add the example servers' });
  await expect(examples.getByRole('button', { name: 'FastMCP example' })).toBeVisible();
  // The workspace's folder does not exist yet: the Files panel says how it comes to be, not ENOENT.
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files).toContainText("This workspace's folder does not exist yet");
  await expect(files).not.toContainText('ENOENT');
  await shot(page, 'example-servers-empty-1024');

  await examples.getByRole('button', { name: 'TypeScript example' }).click();
  await expect(list.getByText('Example server (TypeScript)')).toBeVisible();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.monaco-editor').first()).toContainText('McpServer');
  await expect(page.getByText('example-typescript/src/server.ts').first()).toBeVisible();
  await expect(files.getByRole('button', { name: 'example-typescript' })).toBeVisible();

  // Its setup (npm install) shows above the code, where the user is, with its steps and output on demand.
  const setup = editor.getByLabel('Setup of Example server (TypeScript)');
  await expect(setup).toContainText(/Setting up Example server \(TypeScript\): |Example server \(TypeScript\) is set up|failed at/);
  await setup.getByText('Steps and output').click();
  await expect(setup.getByRole('list', { name: 'Setup steps' })).toContainText('npm install');
  await shot(page, 'example-servers-setup-1024');
  // …and in the server's view.
  await page.getByRole('radiogroup', { name: 'Main view' }).getByRole('radio', { name: 'Server' }).click();
  await expect(page.getByRole('main', { name: 'Server' }).getByLabel('Setup of Example server (TypeScript)')).toBeVisible();
  const config = JSON.parse(readFileSync(path.join(lab.workspace, 'mcp-lab.json'), 'utf8')) as {
    servers: { name: string; cwd?: string }[];
  };
  expect(config.servers).toEqual([expect.objectContaining({ name: 'Example server (TypeScript)', cwd: 'example-typescript' })]);
  await shot(page, 'example-servers-added-1024');
});
