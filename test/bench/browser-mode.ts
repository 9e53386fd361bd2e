/**
 * What the renderer benchmarks share: `mcp-lab serve` in a fresh app-data folder, system Chromium
 * kept off the network, the window's frame intervals, and engine calls made through the page's
 * own WebSocket (the UI's path, so the window sees every change the way a person's would).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from '../helpers/fixtures';
import { fmt } from './stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The harness injects its timers as page text; the app's CSP rightly forbids that. */
export const BENCH_CONTEXT = { viewport: { width: 1400, height: 900 }, bypassCSP: true };

export interface Served {
  /** The first link `serve` printed (token in the fragment). A link opens one browser session, once. */
  url: string;
  child: ChildProcess;
  /** A fresh link for the next browser session: `n` + Enter, as a person at the terminal would. */
  newLink(): Promise<string>;
}

/** `mcp-lab serve --port 0` on a workspace in `home`. */
export async function serve(home: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'out/main/cli.js'), 'serve', '--port', '0', '--workspace', path.join(home, 'ws')],
    { env: { ...process.env, MCP_LAB_HOME: home }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  let exited = false;
  child.once('exit', () => (exited = true));
  child.stdout!.on('data', (d) => (out += d));
  const nextLink = (from: number) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const m = /Open:\s+(\S+#token=\S+)/.exec(out.slice(from));
        if (m) return done(() => resolve(m[1]!));
        if (exited) done(() => reject(new Error(`mcp-lab serve exited before printing a link:\n${out}`)));
      };
      const done = (settle: () => void) => {
        child.stdout!.off('data', look);
        child.off('exit', look);
        settle();
      };
      child.stdout!.on('data', look);
      child.once('exit', look);
      look();
    });
  const url = await nextLink(0);
  return {
    url,
    child,
    newLink() {
      const from = out.length;
      child.stdin!.write('n\n');
      return nextLink(from);
    },
  };
}

export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Intervals between animation frames for `seconds`, the first five (page settling) left out. */
export async function sampleFrames(page: Page, seconds: number, whileSampling?: () => Promise<void>): Promise<number[]> {
  // In-page code goes as text: the TypeScript runner would wrap functions in helpers the page lacks.
  const frames = page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${seconds * 1000};
    const tick = (t) => { out.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else resolve(out); };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
  await whileSampling?.();
  return (await frames).slice(5);
}

/** p95, median and frames over 25 ms (a dropped frame at 60 Hz). */
export function frameStats(deltas: number[]): { p95: number; median: number; long: number; text: string } {
  const sorted = [...deltas].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const long = deltas.filter((d) => d > 25).length;
  return { p95, median, long, text: `${fmt(p95, 1)} ms (median ${fmt(median, 1)} ms; ${long} frames over 25 ms` };
}

/** rAF intervals cannot go below one display refresh (16.7 ms at 60 Hz): p95 at the refresh means no dropped frame. */
export const FRAME_TARGET = { text: '≤ 17.5 ms: one 60 Hz refresh (16.7 ms, the floor) + timer jitter, i.e. no dropped frames', ms: 17.5 };

/**
 * Engine calls through a WebSocket of the page's own (as the app makes them), all sent at once;
 * resolves with their values in order, rejects with the first error.
 */
export async function callFromPage(page: Page, calls: Array<{ method: string; params: unknown }>): Promise<unknown[]> {
  return (await page.evaluate(`(async () => {
    const calls = ${JSON.stringify(calls)};
    const { token } = await (await fetch('/api/session')).json();
    const ws = new WebSocket('ws://' + location.host + '/ws');
    await new Promise((r) => (ws.onopen = r));
    const out = new Array(calls.length);
    let left = calls.length;
    const done = new Promise((resolve, reject) => {
      ws.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.t !== 'result') return;
        if (!m.ok) return reject(new Error(calls[m.id].method + ': ' + JSON.stringify(m.error)));
        out[m.id] = m.value;
        if (--left === 0) resolve(out);
      };
      ws.onclose = () => reject(new Error('the engine closed the WebSocket'));
    });
    ws.send(JSON.stringify({ t: 'hello', v: 1, token }));
    calls.forEach((c, id) => ws.send(JSON.stringify({ t: 'call', id, method: c.method, params: c.params })));
    try { return await done; } finally { ws.onclose = null; ws.close(); }
  })()`)) as unknown[];
}
