/**
 * The window with many servers: `mcp-lab serve` runs N idle copies of the example server (real
 * child processes, sampled at 1 Hz, pinged by the health check every 15 s) while system Chromium
 * shows the server list and one server's dashboard; the row is the frame interval p95 over a
 * window long enough to hold a health round of all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { ServerSummary } from '../../src-shared/api/schemas/server';
import type { BenchRow } from './bench-table';
import {
  BENCH_CONTEXT,
  CHROMIUM,
  CHROMIUM_ARGS,
  callFromPage,
  FRAME_TARGET,
  frameStats,
  sampleFrames,
  serve,
  stopServe,
} from './browser-mode';
import type { CallScenario } from './call-latency';

/** The engine's health round comes every 15 s: a longer window holds at least one. */
const WINDOW_SECONDS = 16;

export async function benchScaleFrames(s: CallScenario, n: number): Promise<BenchRow> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-bench-scale-ui-'));
  const { url, child } = await serve(home);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext(BENCH_CONTEXT)).newPage();
    await page.goto(url);
    await page.waitForFunction(`performance.getEntriesByName('mcp-lab:interactive').length > 0`, undefined, { timeout: 30_000 });
    const added = (await callFromPage(
      page,
      Array.from({ length: n }, (_, i) => ({
        method: 'servers.add',
        params: { name: `idle-${i}`, transport: 'stdio', command: s.server[0], args: s.server.slice(1), env: [] },
      })),
    )) as ServerSummary[];
    const ids = added.map((x) => x.config.id);
    await callFromPage(
      page,
      ids.map((serverId) => ({ method: 'servers.start', params: { serverId } })),
    );
    const list = page.getByRole('complementary', { name: 'Servers' });
    await list
      .locator('.state-ready')
      .nth(n - 1)
      .waitFor({ timeout: 60_000 });
    await list.getByRole('button', { name: new RegExp(`^idle-0\\b`) }).click();
    await page.getByRole('tab', { name: /^Dashboard/ }).click();
    await page.getByRole('img', { name: 'Memory over time' }).waitFor({ timeout: 30_000 });
    const windowStart = Date.now();
    const deltas = await sampleFrames(page, WINDOW_SECONDS);
    const frames = frameStats(deltas);
    // Proof the window held a health round: every server's last ping fell inside it.
    const after = (await callFromPage(page, [{ method: 'servers.list', params: {} }]))[0] as ServerSummary[];
    const pinged = after.filter((x) => ids.includes(x.config.id) && (x.health?.lastPingAt ?? 0) >= windowStart).length;
    const ready = await list.locator('.state-ready').count();
    return {
      measure: `${n} idle servers in browser mode: frame interval p95, server list + dashboard shown`,
      reference: `${deltas.length} frames in ${WINDOW_SECONDS} s; ${ready} of ${n} ready in the list; ${pinged} of ${n} health-pinged in the window`,
      mcpLab: `${frames.text})`,
      ratio: '',
      target: FRAME_TARGET.text,
      met: frames.p95 <= FRAME_TARGET.ms,
    };
  } finally {
    await browser.close();
    await stopServe(child);
    rmSync(home, { recursive: true, force: true });
  }
}
