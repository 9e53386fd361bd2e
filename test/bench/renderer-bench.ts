/**
 * The renderer in system Chromium through browser mode. Time to first paint and to
 * interactive (the first server list applied), and frame times while the log view follows a server
 * writing 10,000 stderr lines a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { FIXTURES, TSX_IMPORT } from '../helpers/fixtures';
import type { BenchRow } from './bench-table';
import { BENCH_CONTEXT, CHROMIUM, CHROMIUM_ARGS, FRAME_TARGET, frameStats, sampleFrames, serve, stopServe } from './browser-mode';
import { fmt } from './stats';

export async function benchRenderer(): Promise<BenchRow[]> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-bench-ui-'));
  const served = await serve(home);
  const { child } = served;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // Cold load, three times; the median is reported.
    const loads: Array<{ paint: number; interactive: number }> = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext(BENCH_CONTEXT);
      const page = await ctx.newPage();
      // A link opens one browser session: each cold load gets a fresh one.
      await page.goto(i === 0 ? served.url : await served.newLink());
      // The paint entry is reported after its frame is presented, which can be after our mark.
      await page.waitForFunction(
        `performance.getEntriesByName('mcp-lab:interactive').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0`,
        undefined,
        { timeout: 30_000 },
      );
      loads.push(
        (await page.evaluate(`({
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          interactive: performance.getEntriesByName('mcp-lab:interactive')[0].startTime,
        })`)) as { paint: number; interactive: number },
      );
      await ctx.close();
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

    // Following a log at 10,000 lines per second.
    const ctx = await browser.newContext(BENCH_CONTEXT);
    const page = await ctx.newPage();
    await page.goto(await served.newLink());
    await page.getByRole('button', { name: '+ Add server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add server' });
    await dialog.getByLabel('Name').fill('Flood');
    await dialog.getByLabel('Command').fill(process.execPath);
    await dialog.getByLabel('Arguments').fill(`--import ${TSX_IMPORT} ${FIXTURES}/stderr-flood.ts`);
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await page.getByRole('group', { name: 'Server actions' }).getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('.server-header .status-pill').getByText('ready').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /^Logs/ }).click();
    const seconds = 6;
    // Started through the page's own engine connection, not awaited: the flood tool writes at the asked rate while frames are sampled.
    const deltas = await sampleFrames(page, seconds, () =>
      page.evaluate(`(async () => {
        const { token } = await (await fetch('/api/session')).json();
        const ws = new WebSocket('ws://' + location.host + '/ws');
        await new Promise((r) => (ws.onopen = r));
        ws.send(JSON.stringify({ t: 'hello', v: 1, token }));
        ws.send(JSON.stringify({ t: 'call', id: 1, method: 'tools.call', params: { serverId: 'flood', toolName: 'flood', arguments: { lines: 60000, perSecond: 10000 }, timeoutMs: 60000 } }));
      })()`),
    );
    const frames = frameStats(deltas);
    const shown = await page.locator('.log-row').count();
    const received = await page.getByText(/shown of [\d,]+ .*in this window/).innerText();
    await ctx.close();
    return [
      {
        measure: 'UI first contentful paint (median of 3)',
        reference: '',
        mcpLab: `${fmt(med(loads.map((l) => l.paint)), 0)} ms`,
        ratio: '',
        target: '',
        met: null,
      },
      {
        measure: 'UI interactive: first server list (median of 3)',
        reference: '',
        mcpLab: `${fmt(med(loads.map((l) => l.interactive)), 0)} ms`,
        ratio: '',
        target: '',
        met: null,
      },
      {
        measure: 'frame interval while following 10,000 lines/s, p95',
        reference: `${deltas.length} frames in ${seconds} s; ${received}`,
        mcpLab: `${frames.text}; ${shown} rows in the DOM)`,
        ratio: '',
        target: FRAME_TARGET.text,
        met: frames.p95 <= FRAME_TARGET.ms,
      },
    ];
  } finally {
    await browser.close();
    await stopServe(child);
    rmSync(home, { recursive: true, force: true });
  }
}
