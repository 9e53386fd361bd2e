import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seriousViolations } from './axe';
import { expect, shot, test } from './fixtures';

// The editor never loses work: a file changed on disk under a dirty buffer raises a conflict with
// a diff (never a silent overwrite), and unsaved edits survive a closed window.
test('(i4) conflict with a diff on save, keep mine; unsaved edits are recovered after a reload', async ({ app: page, lab }) => {
  const file = path.join(lab.workspace, 'notes.py');
  await writeFile(file, 'NOTE = "original"\n');
  await page.getByRole('tree').getByRole('button', { name: 'notes.py' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('NOTE = "original"');

  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('MINE = True\n');
  const dirty = editor.getByRole('tab', { name: /notes\.py/ }).getByLabel('unsaved changes');
  await expect(dirty).toBeVisible();

  // Another program writes the file meanwhile.
  await writeFile(file, 'NOTE = "changed by someone else"\n');
  await expect(editor.getByText('Changed on disk since you opened it')).toBeVisible();
  await page.keyboard.press('Control+S');
  const conflict = page.getByRole('dialog', { name: 'notes.py changed on disk' });
  await expect(conflict.locator('.monaco-diff-editor')).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe('NOTE = "changed by someone else"\n');
  await shot(page, 'i4-9-conflict');
  // Both sides of the diff are named inputs for a screen reader, like every other input. Their names are set
  // once the diff editor exists and reach the page with its next render: scanned before that, axe sees none.
  await expect(conflict.locator('.monaco-diff-editor [aria-label=""]')).toHaveCount(0);
  expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
  await conflict.getByRole('button', { name: 'Keep mine (overwrite the disk)' }).click();
  await expect(dirty).toBeHidden();
  expect(await readFile(file, 'utf8')).toBe('NOTE = "original"\nMINE = True\n');

  // Unsaved edits, then the window goes away: they come back.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('UNSAVED = 1\n');
  await expect(dirty).toBeVisible();
  const journal = path.join(lab.home, 'journal');
  await expect
    .poll(
      async () =>
        (await readdir(journal).catch(() => [])).length &&
        (await readFile(path.join(journal, (await readdir(journal))[0]!), 'utf8')).includes('UNSAVED = 1'),
    )
    .toBeTruthy();
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const recovery = page.getByRole('dialog', { name: 'Recover unsaved changes' });
  await expect(recovery).toContainText('notes.py');
  await shot(page, 'i4-10-recovery');
  await recovery.getByRole('button', { name: 'Restore all' }).click();
  await expect(page.getByRole('main', { name: 'Editor' }).locator('.view-lines')).toContainText('UNSAVED = 1');
  await expect(
    page
      .getByRole('main', { name: 'Editor' })
      .getByRole('tab', { name: /notes\.py/ })
      .getByLabel('unsaved changes'),
  ).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe('NOTE = "original"\nMINE = True\n');
});

test('(i4) open another workspace folder: its servers and files replace the current ones', async ({ app: page, lab }) => {
  const sub = path.join(lab.workspace, 'other-project');
  await mkdir(sub, { recursive: true });
  await writeFile(
    path.join(sub, 'mcp-lab.json'),
    JSON.stringify({
      version: 1,
      servers: [{ id: 'other', name: 'Other server', transport: 'stdio', command: 'node', args: ['x.js'], env: [] }],
    }),
  );
  await writeFile(path.join(sub, 'x.js'), '// nothing\n');
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a workspace folder' });
  await dialog.getByRole('textbox', { name: /Folder/ }).fill('/etc');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('outside the folders this MCP Lab may open');
  await dialog.getByRole('textbox', { name: /Folder/ }).fill(sub);
  await shot(page, 'i4-11-open-workspace');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('.topbar .workspace')).toHaveText(sub);
  await expect(page.getByRole('complementary', { name: 'Servers' })).toContainText('Other server');
  await expect(page.getByRole('tree').getByRole('button', { name: 'x.js' })).toBeVisible();
});
