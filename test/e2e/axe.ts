import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

const AXE_ALREADY_LOADED = 'void 0';

/**
 * Serious and critical WCAG 2.1 A/AA problems on the page as it is now (or inside `scope`, a CSS
 * selector such as an open dialog), one line each.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  // Without frames, axe.run in the page checks the same as the per-frame run, which also opens and
  // closes a blank page for every scan (about half the time of a scan). A page with frames keeps the
  // per-frame run: axe.run would not reach a frame of another origin.
  const inPage = page.frames().length === 1;
  // axe-core stays in the page between scans (until a reload): evaluating its source again costs
  // as much as a small scan. A stand-in source tells the builder not to evaluate it again.
  const loaded = inPage && (await page.evaluate<boolean>("'axe' in window"));
  // Only violations are read: axe need not collect every passing node (the rules that run are the same).
  let builder = new AxeBuilder({ page, axeSource: loaded ? AXE_ALREADY_LOADED : undefined })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (scope) builder = builder.include(scope);
  if (inPage) builder = builder.setLegacyMode();
  // Monaco dims the number of the empty line after the last newline on purpose; the text lines' numbers are checked.
  const r = await builder.exclude('.dimmed-line-number').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ') ?? v.help}`),
    );
}

export type Scheme = 'light' | 'dark';
export const SCHEMES: readonly Scheme[] = ['light', 'dark'];

/**
 * Show the app in `scheme` as when the system's preference changes (the theme choice is Auto): no
 * reload, so an open dialog stays open. Waits until the window and every Monaco editor follow.
 */
export async function showScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  const monaco = scheme === 'light' ? 'vs' : 'vs-dark';
  await expect
    .poll(() => page.locator('.monaco-editor').evaluateAll((els, t) => els.filter((e) => !e.classList.contains(t)).length, monaco))
    .toBe(0);
}

/**
 * What is on screen now (the page, or `scope`) checked in light and then in dark, back in light
 * after. Problems go into `found` under `name, light` / `name, dark`; `after` runs once per theme
 * after its scan (screenshots).
 */
export async function scanInBothThemes(
  page: Page,
  found: Record<string, string[]>,
  name: string,
  scope?: string,
  after?: (scheme: Scheme) => Promise<void>,
): Promise<void> {
  for (const scheme of SCHEMES) {
    await showScheme(page, scheme);
    const problems = await seriousViolations(page, scope);
    if (problems.length) found[`${name}, ${scheme}`] = problems;
    await after?.(scheme);
  }
  await showScheme(page, 'light');
}

/** The README's screenshots are written only when asked (`MCP_LAB_README_SHOTS=1`), so a test run leaves the working tree as it was. */
export const WRITE_README_SHOTS = process.env.MCP_LAB_README_SHOTS === '1';
