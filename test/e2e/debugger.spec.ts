/**
 * Debugging a FastMCP server in the app: a breakpoint set in the editor's gutter pauses a tool
 * call, the editor opens at the line, the argument shows among the variables, stepping and
 * evaluating work, the header says where it is paused, and Continue completes the call.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDebugpy, ensureFastmcpVenv } from '../helpers/fastmcp-venv';
import { FIXTURES, addServer, expect, openTool, shot, test, gutterPoint } from './fixtures';

test('(dbg) breakpoint in the gutter, Debug, call pauses at the line, variables, step over, evaluate, continue', async ({
  app: page,
  lab,
}) => {
  const started = Date.now();
  test.setTimeout(15 * 60_000);
  const venv = await ensureDebugpy(await ensureFastmcpVenv('3.4.11'));
  test.setTimeout(Date.now() - started + 120_000);
  const file = path.join(lab.workspace, 'debug_target.py');
  await copyFile(path.join(FIXTURES, 'fastmcp_debug_server.py'), file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const first = lines.findIndex((l) => l.includes('# mark: first line of double')) + 1;
  const second = lines.findIndex((l) => l.includes('# mark: second line of double')) + 1;

  await addServer(page, { name: 'Debug target', command: venv.python, args: file });

  // A breakpoint: a click in the gutter, left of the line number.
  await page.getByRole('tree').getByRole('button', { name: 'debug_target.py' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('doubled = n * 2');
  const at = await gutterPoint(editor, first);
  await page.mouse.click(at.x, at.y);
  await expect(editor.locator('.editor-breakpoint-glyph')).toHaveCount(1);

  await page.getByRole('radio', { name: 'Server' }).click();
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Debug', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 60_000 });
  await expect(page.locator('.server-header').getByRole('status', { name: 'Debugger' })).toHaveText('under the debugger');

  await openTool(page, /double/);
  await page.getByRole('spinbutton', { name: /^n/ }).fill('21');
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  // Paused: the editor opens at the line, with the stack and the argument's value.
  const panel = page.getByRole('region', { name: 'Debugger' });
  await expect(panel.getByRole('status')).toHaveText(`paused at debug_target.py:${first} (breakpoint)`, { timeout: 30_000 });
  await expect(editor.locator('.editor-paused-line')).toHaveCount(1);
  await expect(panel.getByRole('list', { name: 'Call stack' })).toContainText('double');
  const vars = panel.getByRole('table', { name: 'Variables' });
  await expect(vars.getByRole('row', { name: /^n/ })).toContainText('21');
  await shot(page, 'dbg-1-paused-in-editor');

  await panel.getByRole('button', { name: 'Step over' }).click();
  await expect(panel.getByRole('status')).toHaveText(`paused at debug_target.py:${second} (step)`);
  await expect(vars.getByRole('row', { name: /^doubled/ })).toContainText('42');
  await panel.getByLabel('Expression to evaluate').fill('doubled + n');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Evaluated' })).toContainText('63');
  await shot(page, 'dbg-2-stepped-and-evaluated');

  // The server view says where it is paused while the call waits.
  await page.getByRole('radio', { name: 'Server' }).click();
  await expect(page.locator('.server-header').getByRole('status', { name: 'Debugger' })).toHaveText(`paused at debug_target.py:${second}`);
  await shot(page, 'dbg-3-header-paused');

  await page.getByRole('radio', { name: /Editor/ }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('radio', { name: 'Server' }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('42');
  await shot(page, 'dbg-4-result');
});
