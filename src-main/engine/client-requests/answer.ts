import type { ClientRequestKind, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import { ClientRequestResponseSchema } from '../../../src-shared/api/schemas/client-request';
import { ApiError } from '../../../src-shared/api/errors';
import { formatElicitIssues, validateElicitContent } from '../../../src-shared/client-features/elicit-content';
import { RpcError } from './rpc-error';
import type { z } from 'zod';

type Response = z.output<typeof ClientRequestResponseSchema>;

/** What goes back to the server: a result, or a JSON-RPC error. */
export type Answer = { result: Record<string, unknown> } | { error: RpcError };

const ACTIONS: Record<ClientRequestKind, readonly string[]> = {
  sampling: ['reply', 'reject'],
  elicitation: ['accept', 'decline', 'cancel'],
};

/**
 * Turn a person's response into the answer for the server, refusing what the server could not
 * use: the wrong kind of answer, or form values that break the requested schema.
 */
export function answerFor(req: Pick<PendingClientRequest, 'kind' | 'method' | 'params'>, r: Response): Answer {
  if (!ACTIONS[req.kind].includes(r.action)) {
    throw new ApiError('InvalidParams', `a ${req.method} request is answered with ${ACTIONS[req.kind].join(' or ')}, not "${r.action}"`);
  }
  switch (r.action) {
    case 'reply':
      return { result: { role: r.role, content: r.content, model: r.model, ...(r.stopReason ? { stopReason: r.stopReason } : {}) } };
    case 'reject':
      return { error: new RpcError(r.code, r.message) };
    case 'accept': {
      if (req.params.mode === 'url') {
        if (r.content !== undefined)
          throw new ApiError('InvalidParams', 'a URL-mode elicitation is accepted without content (the user completes it in the browser)');
        return { result: { action: 'accept' } };
      }
      const content = r.content ?? {};
      const issues = validateElicitContent(req.params.requestedSchema, content);
      if (issues.length) {
        throw new ApiError('InvalidParams', `the answer does not match the form the server asked for: ${formatElicitIssues(issues)}`, {
          issues,
        });
      }
      return { result: { action: 'accept', content } };
    }
    default:
      return { result: { action: r.action } };
  }
}
