/** What a JSON-RPC error code means in MCP: its name, and a note where the code alone misleads. */
export interface ErrorCodeMeaning {
  name: string;
  note?: string;
}

// JSON-RPC 2.0's own codes, the MCP SDKs' transport codes, and the codes MCP revisions added. The
// 2026-07-28 ones are from that revision's error code table (HeaderMismatch from its Streamable
// HTTP "standard headers" section); -32002 is the resource-not-found code of the revisions before.
const NAMES: Readonly<Record<number, ErrorCodeMeaning>> = {
  [-32700]: { name: 'Parse error' },
  [-32600]: { name: 'Invalid request' },
  [-32601]: { name: 'Method not found' },
  [-32602]: { name: 'Invalid params' },
  [-32603]: { name: 'Internal error' },
  [-32000]: { name: 'Connection closed' },
  [-32001]: { name: 'Request timeout' },
  [-32002]: {
    name: 'Resource not found',
    note: 'The code revisions before 2026-07-28 use for a resource that does not exist; 2026-07-28 answers it with -32602 (Invalid params).',
  },
  [-32042]: { name: 'URL elicitation required' },
  [-32020]: {
    name: 'HeaderMismatch',
    note: 'An HTTP header (Mcp-Method, Mcp-Name, MCP-Protocol-Version) does not match the request body, or a required one is missing (2026-07-28).',
  },
  [-32021]: {
    name: 'MissingRequiredClientCapability',
    note: 'The server needs a client feature this request did not declare (2026-07-28): turn it on under Edit → Client features.',
  },
  [-32022]: {
    name: 'UnsupportedProtocolVersion',
    note: 'The server does not speak the protocol revision of this request; its error data lists the ones it supports (2026-07-28).',
  },
};

/** The code's name; for `resources/read`, -32602 is how a 2026-07-28 server says the resource does not exist. */
export function errorCodeMeaning(code: number, method?: string): ErrorCodeMeaning | undefined {
  if (code === -32602 && method === 'resources/read') {
    return {
      name: 'Invalid params',
      note: 'For resources/read this is how a 2026-07-28 server says the resource does not exist (earlier revisions: -32002); check the URI.',
    };
  }
  return NAMES[code];
}
