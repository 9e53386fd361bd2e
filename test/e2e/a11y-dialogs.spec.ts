import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCHEMES, type Scheme, scanInBothThemes, seriousViolations, showScheme } from './axe';
import { FIXTURES, expect, openTool, shot, test } from './fixtures';
import { REPO_ROOT, startLab } from './lab-server';

const EXAMPLE = path.join(REPO_ROOT, 'out/main/example-server.js');
const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

/** Three servers as a cloned repository brings them (each to be reviewed first): the example, a Python one, server-everything. */
const SERVERS = [
  { id: 'example', name: 'Example', transport: 'stdio', command: process.execPath, args: [EXAMPLE] },
  { id: 'py', name: 'Stdlib Python', transport: 'stdio', command: 'python3', args: ['server.py'] },
  { id: 'everything', name: 'Everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] },
];

const actions = (page: Page) => page.getByRole('group', { name: 'Server actions' });

async function select(page: Page, name: string): Promise<void> {
  await page
    .getByRole('complementary', { name: 'Servers' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.locator('.server-header .server-name')).toHaveText(name);
}

/** Review and allow the selected server's command, then wait until it is ready. */
async function allowAndStart(page: Page): Promise<void> {
  await actions(page).getByRole('button', { name: 'Review and start' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Allow and start|Run it anyway/ })
    .click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test(`(a11y) ${size.width}×${size.height}: every dialog has no serious or critical axe violation, in light and in dark`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const lab = await startLab({ workspaceServers: SERVERS });
    const found: Record<string, string[]> = {};
    const shotName = (name: string, scheme: Scheme) =>
      `a11y-dialog-${name.replace(/\W+/g, '-').toLowerCase()}-${scheme}-${size.width}x${size.height}`;
    /** Check what is open in both themes, with a screenshot of each. */
    const scan = (name: string, scope: string) =>
      scanInBothThemes(page, found, name, scope, (scheme) => shot(page, shotName(name, scheme)));
    /** Open a dialog as a user would, check it, close it with Escape (focus returns, checked elsewhere). */
    const check = async (name: string, open: () => Promise<Locator>, close = true) => {
      const dialog = await open();
      await expect(dialog).toBeVisible();
      await scan(name, 'dialog[open]');
      if (close) {
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    };
    try {
      await copyFile(path.join(FIXTURES, 'py_stdlib_server.py'), path.join(lab.workspace, 'server.py'));
      await writeFile(path.join(lab.workspace, 'notes.md'), '# Notes\n');
      await page.setViewportSize(size);
      page.on('dialog', (d) => void d.accept());
      await page.goto(lab.url);
      await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
      await showScheme(page, 'light');

      // The consent dialog of a command new to this machine.
      await select(page, 'Example');
      await check('consent', async () => {
        await actions(page).getByRole('button', { name: 'Review and start' }).click();
        return page.getByRole('dialog', { name: /Review before it runs: Example/ });
      });
      await allowAndStart(page);

      // The server list's and the Files panel's dialogs.
      await check('add server', async () => {
        await page.getByRole('button', { name: '+ Add server' }).click();
        return page.getByRole('dialog', { name: 'Add server' });
      });
      await check('edit server', async () => {
        await actions(page).getByRole('button', { name: 'Edit' }).click();
        return page.getByRole('dialog', { name: /Edit Example/ });
      });
      await check('remove server', async () => {
        await actions(page).getByRole('button', { name: 'Remove' }).click();
        return page.getByRole('dialog', { name: 'Remove Example?' });
      });
      await check('import servers', async () => {
        await page.getByRole('button', { name: 'Import…' }).click();
        return page.getByRole('dialog', { name: 'Import servers' });
      });
      await check('export servers', async () => {
        await page.getByRole('button', { name: 'Export…' }).click();
        return page.getByRole('dialog', { name: 'Export servers' });
      });
      await check('past session', async () => {
        await page.getByRole('button', { name: 'Open session…' }).click();
        return page.getByRole('dialog', { name: /Past session/ });
      });
      await check('new server', async () => {
        await page.getByRole('button', { name: '+ New server' }).click();
        const dialog = page.getByRole('dialog', { name: 'New server from a template' });
        await expect(dialog.getByRole('radio').first()).toBeVisible();
        return dialog;
      });
      await check('open workspace', async () => {
        await page.getByRole('button', { name: 'Open…' }).click();
        return page.getByRole('dialog', { name: 'Open a workspace folder' });
      });

      // A call saved as a test, the suite exported, a case edited.
      await openTool(page, /Divide/);
      const form = page.locator('.args-form');
      await form.getByRole('spinbutton', { name: 'a', exact: true }).fill('6');
      await form.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      const result = page.getByRole('region', { name: 'Call result' });
      await expect(result).toHaveAttribute('data-status', 'ok');
      await check(
        'save as test',
        async () => {
          await result.getByRole('button', { name: 'Save as test' }).click();
          return page.getByRole('dialog', { name: 'Save as test' });
        },
        false,
      );
      await page.getByRole('dialog', { name: 'Save as test' }).getByRole('button', { name: 'Save test' }).click();
      await expect(page.getByRole('dialog', { name: 'Save as test' })).toBeHidden();
      await page.getByRole('tab', { name: /^Tests/ }).click();
      await check('export suite', async () => {
        await page.getByRole('button', { name: /^Export suite .* as native tests$/ }).click();
        const dialog = page.getByRole('dialog', { name: /as native tests/ });
        // The file comes from the engine a moment later; the dialog is checked with it.
        await expect(dialog.getByLabel('Exported test file', { exact: true })).not.toBeEmpty();
        return dialog;
      });

      // The tool builder and the debugger's offer to install debugpy, on the Python server.
      await select(page, 'Stdlib Python');
      await allowAndStart(page);
      await page.getByRole('tab', { name: /^Tools/ }).click();
      await check('tool builder', async () => {
        await page.getByRole('button', { name: '+ Add tool' }).click();
        const dialog = page.getByRole('dialog', { name: /Add a tool/ });
        // Checked with its form, not the line shown while the server's source is read.
        await expect(dialog.getByRole('radiogroup', { name: 'Result' })).toBeVisible();
        return dialog;
      });
      await actions(page).getByRole('button', { name: 'Debug', exact: true }).click();
      await page.getByRole('button', { name: 'Install debugpy…' }).click();
      const offer = page.getByRole('group', { name: 'Install debugpy' });
      await expect(offer.getByRole('button', { name: 'Install and debug' })).toBeVisible();
      await scan('install debugpy', '.failure-panel');
      await offer.getByRole('button', { name: 'Cancel' }).click();

      // A server's questions: an LLM completion and a form.
      await select(page, 'Everything');
      await allowAndStart(page);
      await openTool(page, /Trigger Sampling Request/);
      await page.locator('.args-form').getByRole('textbox', { name: 'prompt', exact: true }).fill('Capital of France?');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await check('sampling', async () => page.getByRole('dialog', { name: 'The server asks for an LLM completion' }), false);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Decline|Reject|Cancel/ })
        .first()
        .click();
      await openTool(page, /Trigger Elicitation Request Tool/);
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await check('elicitation', async () => page.getByRole('dialog', { name: 'The server asks for information' }), false);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Decline/ })
        .first()
        .click();

      // The editor's confirmations: an unsaved tab closed, its edits offered again after a reload.
      await page.getByRole('tree').getByRole('button', { name: 'notes.md' }).click();
      const editor = page.getByRole('main', { name: 'Editor' });
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('unsaved line\n');
      await expect(editor.getByRole('tab', { name: /notes\.md/ }).getByLabel('unsaved changes')).toBeVisible();
      await check('close unsaved tab', async () => {
        await editor.getByRole('tab', { name: /notes\.md/ }).press('Delete');
        return page.getByRole('dialog', { name: 'Close without saving?' });
      });
      await expect.poll(async () => (await readdir(path.join(lab.home, 'journal')).catch(() => [])).length).toBeGreaterThan(0);
      // Offered on every load until restored or discarded, so it is checked as the page loads in each
      // theme: once the editor has drawn behind it, axe can no longer tell its timestamp's background.
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.reload();
        const recovery = page.getByRole('dialog', { name: 'Recover unsaved changes' });
        await expect(recovery).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        const problems = await seriousViolations(page, 'dialog[open]');
        if (problems.length) found[`recovery, ${scheme}`] = problems;
        await shot(page, shotName('recovery', scheme));
        await page.keyboard.press('Escape');
        await expect(recovery).toBeHidden();
      }

      expect(found).toEqual({});
    } finally {
      await lab.stop();
    }
  });
}
