import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

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

/** The README's screenshots are written only when asked (`MCP_LAB_README_SHOTS=1`), so a test run leaves the working tree as it was. */
export const WRITE_README_SHOTS = process.env.MCP_LAB_README_SHOTS === '1';
