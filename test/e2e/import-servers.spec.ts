import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page, expect, test as base } from '@playwright/test';
import { REPO_ROOT, startLab, type LabServer } from './lab-server';
import { shot } from './fixtures';

const example = path.join(REPO_ROOT, 'out/main/example-server.js');

/** Claude Desktop's file where it keeps it on Linux ($XDG_CONFIG_HOME/Claude/claude_desktop_config.json). */
function writeClaudeConfig(configHome: string): string {
  const file = path.join(configHome, 'Claude', 'claude_desktop_config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        mcpServers: {
          'Example from Claude': {
            command: process.execPath,
            args: [example],
            env: { EXAMPLE_API_TOKEN: 'tok-claude-123', LOG_LEVEL: 'info' },
          },
          weather: { command: 'uvx', args: ['weather-mcp'], env: { API_KEY: '${input:weather-key}' } },
          broken: { args: ['no-command'] },
        },
      },
      null,
      2,
    ),
  );
  return file;
}

/** A workspace with no servers yet, on a machine where Claude Desktop is set up. */
const test = base.extend<{ lab: LabServer; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  lab: async ({}, use) => {
    const configHome = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-e2e-xdg-'));
    writeClaudeConfig(configHome);
    const lab = await startLab({ workspaceServers: [], env: { XDG_CONFIG_HOME: configHome } });
    await use(lab);
    expect(await lab.stop()).toEqual([]);
    rmSync(configHome, { recursive: true, force: true });
  },
  app: async ({ page, lab }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

test("(i) Claude Desktop's servers are imported in the UI; each shows its command for review before its first start", async ({
  app: page,
  lab,
}) => {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import servers' });
  // A malformed file picked by hand: the line and column, nothing added.
  const bad = path.join(lab.home, 'mcp.json');
  writeFileSync(bad, '{\n  "servers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}');
  await dialog.getByLabel('Server list file').setInputFiles(bad);
  const badPreview = page.getByRole('dialog', { name: 'Import from mcp.json' });
  await expect(badPreview.getByRole('alert')).toHaveText('Line 4, column 5: not valid JSON: a "," is missing at line 4, column 5');
  await expect(badPreview.getByRole('button', { name: 'Import 0 servers' })).toBeDisabled();
  await badPreview.getByRole('button', { name: 'Back' }).click();

  // Claude Desktop's file is where Claude keeps it: offered, and read only on this click.
  await expect(dialog.getByRole('button', { name: 'Import from Cursor (user)' })).toBeDisabled();
  await shot(page, 'i0-import-sources');
  await dialog.getByRole('button', { name: 'Import from Claude Desktop' }).click();

  const preview = page.getByRole('dialog', { name: 'Import from claude_desktop_config.json' });
  const entries = preview.getByRole('list', { name: 'Servers in the file' });
  const ex = entries.getByRole('listitem', { name: 'Server Example from Claude' });
  await expect(ex).toContainText(`${process.execPath} ${example}`);
  await expect(ex).toContainText('will be added');
  await expect(ex).toContainText('EXAMPLE_API_TOKEN');
  await expect(ex).toContainText('secret (kept in MCP Lab');
  await expect(preview).not.toContainText('tok-claude-123');
  await expect(preview).toContainText(path.join('Claude', 'claude_desktop_config.json'));
  const weather = entries.getByRole('listitem', { name: 'Server weather' });
  await expect(weather).toContainText('${input:weather-key}');
  await expect(entries.getByRole('listitem', { name: 'Server broken' })).toContainText('"command" is missing');
  await expect(entries.getByRole('checkbox', { name: 'Import broken' })).toBeDisabled();
  await shot(page, 'i1-import-preview');

  // Only the example: the weather server stays out.
  await entries.getByRole('checkbox', { name: 'Import weather' }).uncheck();
  await preview.getByRole('button', { name: 'Import 1 server' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Servers' }).getByText('Example from Claude')).toBeVisible();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/stopped/);

  // Imported, not approved: the first start shows the whole command line and waits for a yes.
  await expect(page.getByRole('note')).toContainText('new to this machine');
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Review and start' }).click();
  const review = page.getByRole('dialog', { name: /Review before it runs: Example from Claude/ });
  await expect(review).toContainText(process.execPath);
  await expect(review).toContainText(example);
  await expect(review).toContainText('EXAMPLE_API_TOKEN (secret)');
  await shot(page, 'i2-review-before-first-start');
  await review.getByRole('button', { name: 'Allow and start' }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });

  // Export it for VS Code: the secret is an input, never its value.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exp = page.getByRole('dialog', { name: 'Export servers' });
  await exp.getByRole('radio', { name: 'VS Code' }).click();
  await expect(exp.getByLabel('Exported file', { exact: true })).toContainText('"password": true');
  await expect(exp.getByLabel('Exported file', { exact: true })).toContainText('${input:example-from-claude-example-api-token}');
  await expect(exp.getByLabel('Exported file', { exact: true })).not.toContainText('tok-claude-123');
  await shot(page, 'i3-export-vscode');
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Download mcp.json' }).click();
  expect((await download).suggestedFilename()).toBe('mcp.json');
});
