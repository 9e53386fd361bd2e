/**
 * The debugger's finer tools on a real FastMCP server under debugpy: a condition and a log point set
 * from the gutter's menu, "Replay under the debugger" from History (the server ran without it),
 * which pauses where the condition holds, a watch expression evaluated there, and the log point's
 * line in the log once it runs on. Screenshots at 1440×900 and 1024×700, light and dark.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDebugpy, ensureFastmcpVenv } from '../helpers/fastmcp-venv';
import { FIXTURES, LOOKS, addServer, expect, forEachLook, openTool, shot, startSelectedServer, test, gutterPoint } from './fixtures';

test('(dbg) condition and log point from the gutter, replay under the debugger from History, a watch at the pause', async ({
  app: page,
  lab,
}) => {
  const started = Date.now();
  test.setTimeout(15 * 60_000);
  const venv = await ensureDebugpy(await ensureFastmcpVenv('3.4.11'));
  test.setTimeout(Date.now() - started + 180_000);
  const file = path.join(lab.workspace, 'debug_target.py');
  await copyFile(path.join(FIXTURES, 'fastmcp_debug_server.py'), file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const first = lines.findIndex((l) => l.includes('# mark: first line of double')) + 1;
  const second = lines.findIndex((l) => l.includes('# mark: second line of double')) + 1;

  // A plain run first: the call that History will replay.
  await addServer(page, { name: 'Debug target', command: venv.python, args: file });
  await startSelectedServer(page);
  await openTool(page, /double/);
  await page.getByRole('spinbutton', { name: /^n/ }).fill('21');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Call result' })).toHaveAttribute('data-status', 'ok');

  // The gutter's menu (a right-click left of the line number): a condition on one line, a log point on the next.
  await page.getByRole('tree').getByRole('button', { name: 'debug_target.py' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('doubled = n * 2');
  const gutter = (line: number) => gutterPoint(editor, line);
  let at = await gutter(first);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const popover = page.getByRole('dialog', { name: `Breakpoint at line ${first}` });
  await popover.getByRole('button', { name: 'Condition…' }).click();
  await popover.getByRole('textbox', { name: 'Condition' }).fill('n == 21');
  await forEachLook(page, LOOKS, async (look) => {
    await expect(popover.getByRole('button', { name: 'Save' })).toBeInViewport();
    await shot(page, `dbg-points-1-condition-${look.name}`);
  });
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();
  await expect(editor.locator('.editor-breakpoint-glyph.conditional')).toHaveCount(1);

  at = await gutter(second);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const logPopover = page.getByRole('dialog', { name: `Breakpoint at line ${second}` });
  await logPopover.getByRole('button', { name: 'Log message…' }).click();
  await logPopover.getByRole('textbox', { name: 'Log message' }).fill('doubled is {doubled}');
  await page.keyboard.press('Enter');
  await expect(logPopover).toBeHidden();
  await expect(editor.locator('.editor-logpoint-glyph')).toHaveCount(1);
  await forEachLook(page, LOOKS, async (look) => {
    await expect(editor.locator('.editor-breakpoint-glyph.conditional')).toBeVisible();
    await expect(editor.locator('.editor-logpoint-glyph')).toBeVisible();
    await shot(page, `dbg-points-2-glyphs-${look.name}`);
  });

  // History: the plain call, sent again with the server restarted under the debugger.
  await page.getByRole('radio', { name: 'Server' }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  const rows = page.getByRole('list', { name: 'Request history' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button').first().click();
  const detail = page.getByRole('article', { name: 'Request details' });
  await detail.getByRole('button', { name: 'Replay under the debugger' }).click();

  // Paused where the condition holds; a watch is evaluated there.
  const panel = page.getByRole('region', { name: 'Debugger' });
  await expect(panel.getByRole('status')).toHaveText(`paused at debug_target.py:${first} (breakpoint)`, { timeout: 60_000 });
  await expect(editor.locator('.editor-paused-line')).toHaveCount(1);
  await panel.getByRole('textbox', { name: 'Add a watch expression' }).fill('n * 3');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Watch' })).toContainText('n * 3 = 63');
  await forEachLook(page, LOOKS, async (look) => {
    await expect(panel.getByRole('list', { name: 'Watch' })).toBeInViewport();
    await expect(panel.getByRole('button', { name: 'Continue' })).toBeInViewport();
    await shot(page, `dbg-points-3-paused-with-watch-${look.name}`);
  });

  // It runs on: the log point writes its line and goes on, and the replay's result arrives.
  await panel.getByRole('button', { name: 'Continue' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('radio', { name: 'Server' }).click();
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('.call-history-tag')).toHaveText('replay');
  await page.getByRole('tab', { name: /Logs/ }).click();
  await expect(page.getByRole('grid', { name: 'Log entries' }).locator('.log-row', { hasText: 'doubled is 42' })).toBeVisible();
  await shot(page, 'dbg-points-4-log-point-in-log');
});
