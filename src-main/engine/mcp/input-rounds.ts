import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import { RpcError } from '../client-requests/rpc-error';
import type { InputMethod, RequestAnswerer } from './client-requests';
import type { FailureDetail } from './request-outcome';
import { MISSING_REQUIRED_CLIENT_CAPABILITY, type InputRequiredResult } from './stateless-wire';

/** Rounds one request may take before MCP Lab stops re-sending it (the SDK's own default cap). */
export const MAX_INPUT_ROUNDS = 10;
/** Pause before re-sending a round that asked nothing (requestState only), as the SDK client does. */
export const STATE_ONLY_PACING_MS = 250;

const FEATURE_OF: Record<InputMethod, ClientFeatureName> = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
  'roots/list': 'roots',
};

export interface RoundContext {
  /** The request that got `input_required` (for the log and the dialog). */
  method: string;
  /** JSON-RPC id of the response that carried the asks. */
  responseId: string | number | undefined;
  round: number;
  /** Features this request declared in its `_meta` envelope. */
  declared: readonly ClientFeatureName[];
  answerer: RequestAnswerer;
  /** Aborts when the call is cancelled. */
  signal: AbortSignal | undefined;
  /** Aborts when the connection closes. */
  closed: AbortSignal;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  /** How to turn a feature on, in this shell's words. */
  enableFeature(feature: ClientFeatureName): string;
}

/**
 * Answer every ask of one `input_required` result, the way the server would have been answered
 * in the initialize era (rules, config, a person), and return the `inputResponses` to send back.
 * 2026-07-28 has no error answer for an embedded request: a refusal, a timeout or an ask for a
 * feature this request did not declare stops the exchange here, as a failure the caller sees.
 */
export async function answerRound(
  ir: InputRequiredResult,
  c: RoundContext,
): Promise<{ responses: Record<string, unknown> } | { failure: FailureDetail }> {
  const entries = Object.entries(ir.inputRequests ?? {});
  const names = entries.map(([k, r]) => `${r.method} "${k}"`).join(', ');
  c.log(
    'info',
    `${c.method} #${String(c.responseId)} answered input_required (round ${c.round}): ${names || 'no asks, requestState only'}`,
  );
  for (const [key, r] of entries) {
    const feature = FEATURE_OF[r.method as InputMethod] as ClientFeatureName | undefined;
    if (!feature) {
      return {
        failure: {
          status: 'protocolError',
          code: ErrorCode.InvalidParams,
          message: `input request "${key}" asks for ${r.method}, which is not an input request 2026-07-28 defines (elicitation/create, sampling/createMessage, roots/list)`,
          data: { inputRequests: ir.inputRequests },
        },
      };
    }
    if (!c.declared.includes(feature)) {
      const message = `the server asked for ${r.method} (input request "${key}") through input_required, but ${feature} is turned off for this server, so this request did not declare it; MCP Lab did not answer or send ${c.method} again. ${c.enableFeature(feature)} (2026-07-28 servers see it on the next request, no restart).`;
      c.log('warning', message);
      return {
        failure: { status: 'protocolError', code: MISSING_REQUIRED_CLIENT_CAPABILITY, message, data: { inputRequests: ir.inputRequests } },
      };
    }
  }
  // One abort for the round: the first failure (or the caller) ends the asks still waiting.
  const round = new AbortController();
  const signal = AbortSignal.any([round.signal, c.closed, ...(c.signal ? [c.signal] : [])]);
  try {
    const answers = await Promise.all(
      entries.map(async ([key, r]) => {
        try {
          const result = await c.answerer.answer(r.method as InputMethod, r.params ?? {}, {
            signal,
            requestId: `${String(c.responseId)}/${key}`,
            connectionClosed: () => c.closed.aborted,
            inputRequired: { method: c.method, key, round: c.round },
          });
          return [key, result] as const;
        } catch (e) {
          round.abort(e);
          throw e;
        }
      }),
    );
    return { responses: Object.fromEntries(answers) };
  } catch (e) {
    if (c.signal?.aborted) return { failure: { status: 'cancelled' } };
    const err = e instanceof RpcError ? e : new RpcError(ErrorCode.InternalError, e instanceof Error ? e.message : String(e));
    const message = `${err.message} — 2026-07-28 has no error answer for an input request, so MCP Lab did not send ${c.method} again`;
    c.log('warning', `${c.method}: ${message}`);
    return { failure: { status: 'protocolError', code: err.code, message, ...(err.data === undefined ? {} : { data: err.data }) } };
  }
}

/** The request sent again: the original params, this round's answers and the server's state echoed byte for byte. */
export function retryParams(
  original: Record<string, unknown> | undefined,
  responses: Record<string, unknown>,
  requestState: string | undefined,
): Record<string, unknown> {
  return {
    ...(original ?? {}),
    ...(Object.keys(responses).length ? { inputResponses: responses } : {}),
    ...(requestState !== undefined ? { requestState } : {}),
  };
}

export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
