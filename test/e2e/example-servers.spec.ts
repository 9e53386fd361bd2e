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
  await shot(page, 'example-servers-empty-1024');

  await examples.getByRole('button', { name: 'TypeScript example' }).click();
  await expect(list.getByText('Example server (TypeScript)')).toBeVisible();
  await expect(page.locator('.monaco-editor').first()).toContainText('McpServer');
  await expect(page.getByText('example-typescript/src/server.ts').first()).toBeVisible();
  const config = JSON.parse(readFileSync(path.join(lab.workspace, 'mcp-lab.json'), 'utf8')) as {
    servers: { name: string; cwd?: string }[];
  };
  expect(config.servers).toEqual([expect.objectContaining({ name: 'Example server (TypeScript)', cwd: 'example-typescript' })]);
  await shot(page, 'example-servers-added-1024');
});
