import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FIXTURES, expect, forEachLook, looks, openTool, shot, test } from './fixtures';
import { startLab } from './lab-server';

/** The stdlib fixture with its first tool's description in a variable on line 1, to edit in the editor. */
async function editableServer(workspace: string): Promise<void> {
  const source = await readFile(path.join(FIXTURES, 'py_stdlib_server.py'), 'utf8');
  const edited = source.replace('"description": "Reverse a string."', '"description": DESCRIPTION');
  expect(edited).not.toBe(source);
  await writeFile(path.join(workspace, 'server.py'), `DESCRIPTION = "Reverse a string."\n${edited}`);
}

const box = async (l: Locator) => (await l.boundingBox())!;

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];
/** Side by side from 1200 px wide, stacked below (the split view's media query). */
const sideBySide = (width: number) => width >= 1200;

test(`(split) code beside the console — save, reload and re-run in one view; the split is remembered; at 1440×900 and 1024×700`, async ({
  page,
}) => {
  const lab = await startLab({
    workspaceServers: [
      {
        id: 'py',
        name: 'Stdlib server',
        transport: 'stdio',
        command: 'python3',
        args: ['server.py'],
        watch: { enabled: true, globs: ['server.py'] },
      },
    ],
  });
  try {
    // Typed at this size, the edited first line fits beside the console: the editor has no reason of its own to scroll right.
    await page.setViewportSize(SIZES[0]!);
    await editableServer(lab.workspace);
    await openApp(page, lab.url);
    await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Review and start' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Allow and start' }).click();
    await expect(page.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
    await openTool(page, /reverse/);
    await page.locator('.args-form').getByRole('textbox', { name: 'text', exact: true }).fill('abc');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Call result' })).toContainText('cba');

    // Side by side: the code and the server view, each at a usable size (stacked in a narrow window).
    await page.getByRole('radiogroup', { name: 'Main view' }).getByRole('radio', { name: 'Side by side' }).click();
    await page.getByRole('tree').getByRole('button', { name: 'server.py' }).click();
    const editor = page.getByRole('region', { name: 'Editor' });
    const server = page.getByRole('region', { name: 'Server' });
    await expect(editor.locator('.view-lines')).toContainText('DESCRIPTION = "Reverse a string."');
    await expect(server.getByRole('region', { name: 'Call result' })).toBeVisible();
    await forEachLook(page, looks(SIZES, ['light']), async (look) => {
      // The split follows the width through a media query: its new arrangement comes a frame later.
      await expect(async () => {
        const [e, s] = [await box(editor), await box(server)];
        if (sideBySide(look.width)) {
          expect(e.x + e.width).toBeLessThanOrEqual(s.x);
          expect(Math.min(e.width, s.width)).toBeGreaterThanOrEqual(480);
        } else {
          expect(e.y + e.height).toBeLessThanOrEqual(s.y);
          expect(Math.min(e.width, s.width)).toBeGreaterThanOrEqual(700);
          expect(Math.min(e.height, s.height)).toBeGreaterThanOrEqual(250);
        }
      }).toPass();
    });

    // Edit and save: the reload banner shows the changed tool beside the code; re-run from it.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('DESCRIPTION = "Reverse a string, edited beside the console."');
    await page.keyboard.press('Control+S');
    await expect(editor.getByRole('tab', { name: /server\.py/ }).getByLabel('unsaved changes')).toBeHidden();
    const banner = server.getByRole('status', { name: 'Hot reload' });
    await expect(banner).toContainText('~ reverse', { timeout: 60_000 });
    await expect(server.locator('.server-header .status-pill')).toHaveText(/ready/, { timeout: 30_000 });
    await forEachLook(page, looks(SIZES), async (look) => {
      // Re-run here: the result is brought into view as it arrives, in this arrangement.
      await banner.getByRole('button', { name: 'Re-run reverse' }).click();
      await expect(server.getByRole('region', { name: 'Call result' })).toContainText('cba');
      await page.mouse.move(0, 0);
      await expect(editor.locator('.view-lines')).toBeInViewport();
      // The code shows from its first column again, not scrolled right after the long line typed.
      await expect
        .poll(async () => (await box(editor.locator('.view-line').first())).x - (await box(editor.locator('.editor-scrollable'))).x)
        .toBeGreaterThanOrEqual(-1);
      // The result's header stays on one line: badge, timings, sizes and buttons, no word broken onto a second line.
      const head = server.getByRole('region', { name: 'Call result' }).locator('.result-head');
      const parts = await head.evaluate((h) =>
        [...h.children]
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => ({ top: r.top, height: r.height })),
      );
      const raw = await box(head.getByRole('button', { name: 'Raw' }));
      for (const p of parts) {
        expect(p.height, 'no part of the result header wraps').toBeLessThanOrEqual(raw.height + 2);
        expect(Math.abs(p.top + p.height / 2 - (raw.y + raw.height / 2)), 'the result header is one row').toBeLessThanOrEqual(4);
      }
      await expect(banner).toBeInViewport();
      await expect(server.getByRole('region', { name: 'Call result' })).toBeInViewport();
      await shot(page, `split-${look.name}`);
    });

    // The editor alone shows the reload too, and its re-run opens the server beside the code.
    await page
      .getByRole('radiogroup', { name: 'Main view' })
      .getByRole('radio', { name: /^Editor/ })
      .click();
    const alone = page.getByRole('main', { name: 'Editor' });
    await expect(alone.getByRole('status', { name: 'Hot reload' })).toContainText('Stdlib server: Reloaded');
    await forEachLook(page, looks(SIZES, ['dark']), async (look) => {
      await expect(alone.getByRole('status', { name: 'Hot reload' }).getByRole('button', { name: 'Re-run reverse' })).toBeInViewport();
      await shot(page, `split-editor-banner-${look.width}x${look.height}`);
    });
    await alone.getByRole('status', { name: 'Hot reload' }).getByRole('button', { name: 'Re-run reverse' }).click();
    await expect(page.getByRole('radio', { name: 'Side by side' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('region', { name: 'Server' }).getByRole('region', { name: 'Call result' })).toContainText('cba');

    // The split can be moved with the keyboard (or dragged), across or down as it is laid out, and keeps its place after a reload.
    const separator = page.getByRole('separator', { name: 'Resize the editor and the server view' });
    let share = 50;
    await expect(separator).toHaveAttribute('aria-valuenow', String(share));
    await forEachLook(page, looks(SIZES, ['light']), async (look) => {
      await expect(separator).toHaveAttribute('aria-orientation', sideBySide(look.width) ? 'vertical' : 'horizontal');
      await separator.focus();
      await page.keyboard.press(sideBySide(look.width) ? 'ArrowRight' : 'ArrowDown');
      await page.keyboard.press(sideBySide(look.width) ? 'ArrowRight' : 'ArrowDown');
      share += 10;
      await expect(separator).toHaveAttribute('aria-valuenow', String(share));
      await page.reload();
      await expect(page.getByRole('status', { name: /Engine connection: Connected/ })).toBeVisible();
      await page.getByRole('radiogroup', { name: 'Main view' }).getByRole('radio', { name: 'Side by side' }).click();
      await expect(separator).toHaveAttribute('aria-valuenow', String(share));
    });
  } finally {
    await lab.stop();
  }
});
