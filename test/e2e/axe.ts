import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical WCAG 2.1 A/AA problems on the page as it is now (or inside `scope`, a CSS
 * selector such as an open dialog), one line each.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (scope) builder = builder.include(scope);
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
