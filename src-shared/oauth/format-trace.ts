import type { HttpExchange } from '../api/schemas/http-exchange';
import type { OAuthStep, OAuthTrace } from '../api/schemas/oauth-trace';
import { showControlChars } from '../base/control-chars';

/**
 * An OAuth sign-in, step by step, as plain text (the CLI prints it; the app copies it for a bug
 * report): one line per step (✓ ok, · info, ! warning, ✗ failed, … waiting), under a warned step
 * what went wrong and the fix. `detailed` adds every step's problem, fix, facts and requests
 * (method, URL, status, time); `bodies` adds the masked headers and bodies too.
 */
export function formatTrace(t: OAuthTrace, detailed: boolean, o: { bodies?: boolean; hint?: boolean } = {}): string {
  const flow = { authorizationCode: 'authorization code', clientCredentials: 'client credentials', crossApp: 'cross-app access' }[t.flow];
  const lines = [`OAuth sign-in (${flow}), ${t.state}: ${clean(t.summary)}`];
  for (const s of t.steps) {
    lines.push(`  ${MARK[s.state]} ${clean(s.title)}${s.outcome ? ` — ${clean(s.outcome)}` : ''}`);
    // The failed step's problem and fix are the error message printed above the steps.
    const show = detailed || s.state === 'warning';
    if (show && s.problem) lines.push(`      problem: ${clean(s.problem)}`);
    if (show && s.fix) lines.push(`      fix: ${clean(s.fix)}`);
    if (detailed) lines.push(...details(s, !!o.bodies));
  }
  if (!detailed && o.hint !== false) lines.push('  (--oauth-steps shows every step with its requests)');
  return lines.join('\n');
}

const MARK: Record<OAuthStep['state'], string> = { ok: '✓', info: '·', warning: '!', failed: '✗', waiting: '…' };

function details(s: OAuthStep, bodies: boolean): string[] {
  const out = s.facts.map(([k, v]) => `      ${clean(k)}: ${clean(v)}`);
  for (const x of s.exchanges) {
    out.push(`      ${exchangeLine(x)}`);
    if (!bodies) continue;
    const block = (label: string, text: string) =>
      out.push(
        `        ${label}:`,
        ...clean(text)
          .split('\n')
          .map((l) => `          ${l}`),
      );
    block('request headers', x.requestHeaders.map(([k, v]) => `${k}: ${v}`).join('\n'));
    if (x.requestBody?.text) block('request body', x.requestBody.text);
    if (x.responseHeaders) block('response headers', x.responseHeaders.map(([k, v]) => `${k}: ${v}`).join('\n'));
    if (x.responseBody?.text) block('response body', x.responseBody.text);
  }
  return out;
}

function exchangeLine(x: HttpExchange): string {
  const answer = x.error ? `no answer (${x.error})` : `${x.status}`;
  return `${x.method} ${clean(x.url)} → ${clean(answer)} (${Math.round(x.durationMs)} ms)`;
}

const clean = showControlChars;
