import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { STATELESS_PROTOCOL_VERSION } from '../../../src-shared/api/schemas/protocol';
import type { RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import type { RawFinding } from './list-rules';

const PROBE_TIMEOUT_MS = 5_000;
/** A name no DNS resolves to this server: what a rebinding page's requests carry. */
const FOREIGN_HOST = 'rebinding-probe.mcp-lab.invalid';
const FOREIGN_ORIGIN = `http://${FOREIGN_HOST}`;

type Answer = { status: number } | { error: string };

/**
 * DNS rebinding: a web page on an attacker's name re-points that name at 127.0.0.1 (or a LAN
 * address), and the browser then sends the page's requests to the MCP server with the attacker's
 * Host and Origin. A server that answers them lets any website call its tools. The MCP transport
 * specification (Streamable HTTP, "Security Warning") requires servers to validate Origin, and
 * local servers to bind to localhost only.
 *
 * Three requests the server would accept from MCP Lab: as MCP Lab sends it (the control), with a
 * foreign Host, and with a foreign Origin. A control that is not accepted (401, a proxy in front)
 * says nothing about the guard: no finding.
 */
export async function probeDnsRebinding(cfg: RemoteServerConfig, era: 'initialize' | 'stateless' | undefined): Promise<RawFinding[]> {
  const url = new URL(cfg.url);
  const own = Object.fromEntries(cfg.headers.filter((h) => !h.secret && h.value !== undefined).map((h) => [h.key, h.value!]));
  const send = (headers: Record<string, string>) => probeRequest(url, cfg.transport, era, { ...own, ...headers });
  const control = await send({});
  if (!('status' in control) || control.status < 200 || control.status >= 300) return [];
  const host = await send({ host: FOREIGN_HOST });
  const origin = await send({ origin: FOREIGN_ORIGIN });
  const accepted = [
    ...('status' in host && host.status < 300 ? [`Host: ${FOREIGN_HOST} (answered ${host.status})`] : []),
    ...('status' in origin && origin.status < 300 ? [`Origin: ${FOREIGN_ORIGIN} (answered ${origin.status})`] : []),
  ];
  if (!accepted.length) return [];
  return [
    {
      ruleId: 'dns-rebinding-unprotected',
      message: `${cfg.url} accepted a request with ${accepted.join(' and with ')}. Any web page a user opens can reach this server through DNS rebinding and call its tools. Fix: refuse requests whose Host or Origin is not yours — FastMCP 3: mcp.run(transport="http", host_origin_protection=True, allowed_hosts=[…], allowed_origins=[…]); the MCP Python SDK (and FastMCP 2): transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=[…], allowed_origins=[…]); the TypeScript SDK: createMcpExpressApp() or the hostHeaderValidation([…]) middleware (or enableDnsRebindingProtection with allowedHosts/allowedOrigins on the transport). A local server should also listen on 127.0.0.1 only.`,
      target: { kind: 'server', name: cfg.name },
    },
  ];
}

/** The first request a client makes on this transport (initialize, server/discover, or the SSE stream); the answer's status only. */
function probeRequest(
  url: URL,
  transport: RemoteServerConfig['transport'],
  era: 'initialize' | 'stateless' | undefined,
  headers: Record<string, string>,
): Promise<Answer> {
  const stateless = era === 'stateless';
  const body =
    transport === 'sse'
      ? undefined
      : JSON.stringify(
          stateless
            ? {
                jsonrpc: '2.0',
                id: 'mcp-lab-rebinding-probe',
                method: 'server/discover',
                params: {
                  _meta: {
                    'io.modelcontextprotocol/protocolVersion': STATELESS_PROTOCOL_VERSION,
                    'io.modelcontextprotocol/clientInfo': { name: 'mcp-lab-lint', version: '1' },
                    'io.modelcontextprotocol/clientCapabilities': {},
                  },
                },
              }
            : {
                jsonrpc: '2.0',
                id: 'mcp-lab-rebinding-probe',
                method: 'initialize',
                params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-lab-lint', version: '1' } },
              },
        );
  const base: Record<string, string> = body
    ? {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(stateless ? { 'mcp-protocol-version': STATELESS_PROTOCOL_VERSION, 'mcp-method': 'server/discover' } : {}),
      }
    : { accept: 'text/event-stream' };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve) => {
    const req = request(
      url,
      {
        method: body ? 'POST' : 'GET',
        headers: { ...base, ...headers },
        timeout: PROBE_TIMEOUT_MS,
        ...(url.protocol === 'https:' ? { servername: url.hostname } : {}),
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0 });
        // Only the status matters; an SSE stream would never end by itself.
        res.destroy();
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(body);
  });
}
