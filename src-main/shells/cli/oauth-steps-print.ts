import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthStep, OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';

/**
 * An OAuth sign-in, step by step, for a terminal: one line per step (✓ ok, · info, ! warning,
 * ✗ failed, … waiting), and under a failed or warned step what went wrong and the fix. `detailed`
 * adds each step's facts and requests (method, URL, status, time; bodies are in the app's view).
 */
export function formatTrace(t: OAuthTrace, detailed: boolean): string {
  const flow = { authorizationCode: 'authorization code', clientCredentials: 'client credentials', crossApp: 'cross-app access' }[t.flow];
  const lines = [`OAuth sign-in (${flow}), ${t.state}: ${clean(t.summary)}`];
  for (const s of t.steps) {
    lines.push(`  ${MARK[s.state]} ${clean(s.title)}${s.outcome ? ` — ${clean(s.outcome)}` : ''}`);
    const show = detailed || s.state === 'failed' || s.state === 'warning';
    if (show && s.problem) lines.push(`      problem: ${clean(s.problem)}`);
    if (show && s.fix) lines.push(`      fix: ${clean(s.fix)}`);
    if (detailed) lines.push(...details(s));
  }
  if (!detailed) lines.push('  (--oauth-steps shows every step with its requests)');
  return lines.join('\n');
}

const MARK: Record<OAuthStep['state'], string> = { ok: '✓', info: '·', warning: '!', failed: '✗', waiting: '…' };

function details(s: OAuthStep): string[] {
  const out = s.facts.map(([k, v]) => `      ${clean(k)}: ${clean(v)}`);
  for (const x of s.exchanges) out.push(`      ${exchangeLine(x)}`);
  return out;
}

function exchangeLine(x: HttpExchange): string {
  const answer = x.error ? `no answer (${x.error})` : `${x.status}`;
  return `${x.method} ${clean(x.url)} → ${clean(answer)} (${Math.round(x.durationMs)} ms)`;
}

/** Text from a server goes to a terminal: control characters (escape sequences) are shown, not obeyed. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
