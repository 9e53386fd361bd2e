/**
 * Debugging a server from `mcp-lab new typescript` in the app: a breakpoint set in the gutter of
 * src/server.ts pauses a tool call on that .ts line (tsx runs it; MCP Lab maps it through the
 * source map), the arguments show, stepping and evaluating work, the header says where it is
 * paused, and Continue completes the call even though it waited longer than its 5 s timeout.
 */
import { execFile } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/fixtures';
import { expect, openTool, shot, test, gutterPoint } from './fixtures';

const run = promisify(execFile);

test('(dbg-node) TypeScript project: breakpoint in server.ts, Debug, call pauses at the line, variables, step over, evaluate, continue', async ({
  app: page,
  lab,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const dir = path.join(lab.workspace, 'hello-ts');
  await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'mcp-lab.mjs'), 'new', 'typescript', dir, '--no-setup'], {
    env: { ...process.env, MCP_LAB_HOME: path.join(lab.workspace, '..', 'new-home') },
  });
  // The project's packages are this repository's (the same SDK, zod and tsx): no install in the test.
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const lines = (await readFile(path.join(dir, 'src', 'server.ts'), 'utf8')).split('\n');
  const first = lines.findIndex((l) => l.includes("if (operation === 'divide' && b === 0)")) + 1;
  const second = first + 1;

  await page.getByRole('button', { name: '+ Add server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add server' });
  await dialog.getByLabel('Name').fill('Hello TS');
  await dialog.getByLabel('Command').fill('node');
  await dialog.getByLabel('Arguments').fill('--import tsx src/main.ts');
  await dialog.getByLabel('Working directory').fill('hello-ts');
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog).toBeHidden();

  // Open src/server.ts, go to the line and click in the gutter, left of the line number.
  const tree = page.getByRole('tree');
  await tree.getByRole('button', { name: 'hello-ts' }).click();
  await tree.getByRole('button', { name: 'src' }).click();
  await tree.getByRole('button', { name: 'server.ts' }).click();
  const editor = page.getByRole('main', { name: 'Editor' });
  await expect(editor.locator('.view-lines')).toContainText('McpServer');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+g');
  // Typed only once "Go to line" is open: keystrokes before it would land in the file.
  const goTo = page.locator('.quick-input-widget input');
  await expect(goTo).toBeFocused();
  await page.keyboard.type(String(first));
  await page.keyboard.press('Enter');
  await expect(goTo).toBeHidden();
  const at = await gutterPoint(editor, first);
  await page.mouse.click(at.x, at.y);
  await expect(editor.locator('.editor-breakpoint-glyph')).toHaveCount(1);

  await page.getByRole('radio', { name: 'Server' }).click();
  await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Debug', exact: true }).click();
  await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 60_000 });
  await expect(page.locator('.server-header').getByRole('status', { name: 'Debugger' })).toHaveText('under the debugger');

  await openTool(page, /calculate/i);
  await page.getByRole('combobox', { name: /^operation/ }).selectOption('add');
  await page.getByRole('spinbutton', { name: /^a/ }).fill('20');
  await page.getByRole('spinbutton', { name: /^b/ }).fill('22');
  // A 5 s timeout: the call must still complete after being held at the breakpoint longer than that.
  await page.getByLabel('Timeout in seconds').fill('5');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Call', exact: true }).click();

  // Paused on the .ts line: the editor opens there, with the stack and the arguments' values.
  const panel = page.getByRole('region', { name: 'Debugger' });
  await expect(panel.getByRole('status')).toHaveText(`paused at hello-ts/src/server.ts:${first} (breakpoint)`, { timeout: 30_000 });
  const pausedSince = Date.now();
  await expect(editor.locator('.editor-paused-line')).toHaveCount(1);
  const vars = panel.getByRole('table', { name: 'Variables' });
  await expect(vars.getByRole('row', { name: /^a\b/ })).toContainText('20');
  await expect(vars.getByRole('row', { name: /^b\b/ })).toContainText('22');
  await shot(page, 'dbg-node-1-paused-in-editor');

  await panel.getByRole('button', { name: 'Step over' }).click();
  await expect(panel.getByRole('status')).toHaveText(`paused at hello-ts/src/server.ts:${second} (step)`);
  await panel.getByRole('button', { name: 'Step over' }).click();
  await expect(panel.getByRole('status')).toHaveText(`paused at hello-ts/src/server.ts:${second + 1} (step)`);
  await expect(vars.getByRole('row', { name: /^result\b/ })).toContainText('42');
  await panel.getByLabel('Expression to evaluate').fill('result * 2 + a');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Evaluated' })).toContainText('104');
  await shot(page, 'dbg-node-2-stepped-and-evaluated');

  // The server view says where it is paused while the call waits.
  await page.getByRole('radio', { name: 'Server' }).click();
  await expect(page.locator('.server-header').getByRole('status', { name: 'Debugger' })).toHaveText(
    `paused at hello-ts/src/server.ts:${second + 1}`,
  );
  await shot(page, 'dbg-node-3-header-paused');

  // Held paused until the call's 5 s timeout has provably passed (a condition on the clock, not a sleep).
  await expect.poll(() => Date.now() - pausedSince, { timeout: 30_000, intervals: [250] }).toBeGreaterThan(6_000);
  await page.getByRole('radio', { name: /Editor/ }).click();
  await panel.getByRole('button', { name: 'Continue' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('radio', { name: 'Server' }).click();
  const result = page.getByRole('region', { name: 'Call result' });
  await expect(result).toHaveAttribute('data-status', 'ok');
  await expect(result).toContainText('42');
  await shot(page, 'dbg-node-4-result');
});
