import type { FuzzFinding } from '../api/schemas/fuzz';

/**
 * What the server answered to a finding's own (shrunk) input, in one line: the same words in the
 * app's fuzz view and in `mcp-lab fuzz`.
 */
export function describeFuzzAnswer(o: FuzzFinding['outcome']): string {
  const took = `${Math.round(o.durationMs)} ms`;
  const first = (s: string | undefined) => (s ? `: ${s.split('\n')[0]!.slice(0, 200)}` : '');
  switch (o.status) {
    case 'protocolError':
      return `JSON-RPC error ${o.code ?? '?'}${first(o.message)} (${took})`;
    case 'crashed':
      return `the server crashed${first(o.message)}`;
    case 'timeout':
      return `no answer within ${took}`;
    case 'toolError':
      return `tool error${first(o.text)} (${took})`;
    case 'ok':
      return `a result${first(o.text)} (${took})`;
    default:
      return `${o.status}${first(o.message ?? o.text)} (${took})`;
  }
}
