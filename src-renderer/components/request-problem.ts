import { errorCodeMeaning } from '../../src-shared/mcp/error-codes';
import type { RequestOutcome } from '../../src-shared/api/schemas/request';

/**
 * One line for a request outcome that is not ok ("resources/subscribe failed: Method not found
 * (JSON-RPC error -32601)"), undefined for ok. For places too small for the full outcome view.
 */
export function requestProblem(o: RequestOutcome<unknown>): string | undefined {
  switch (o.status) {
    case 'ok':
      return undefined;
    case 'protocolError': {
      // The name only where the message does not already say it ("Method not found").
      const name = errorCodeMeaning(o.code, o.method)?.name;
      const named = name && !o.message.toLowerCase().includes(name.toLowerCase()) ? name : undefined;
      return `${o.method} failed: ${o.message} (JSON-RPC error ${o.code}${named ? ` ${named}` : ''})`;
    }
    case 'timeout':
      return `${o.method} got no answer within ${Math.round(o.timeoutMs / 1000)} s`;
    case 'cancelled':
      return `${o.method} was cancelled`;
    case 'crashed':
      return `${o.method} failed: ${o.message}`;
  }
}
