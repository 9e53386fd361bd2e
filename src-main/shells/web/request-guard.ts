import type { IncomingMessage } from 'node:http';
export const SESSION_COOKIE = 'mcp_lab_session';

/**
 * The checks every browser-mode request passes. MCP Lab's local server can spawn processes,
 * exactly what made CVE-2025-49596 in the MCP Inspector exploitable from any web page, so:
 * the Host header must name our loopback address (DNS rebinding), a present Origin must be ours,
 * and anything that changes state or opens the socket must carry an Origin at all.
 */
export class RequestGuard {
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(
    readonly port: number,
    extraOrigins: string[] = [],
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
    this.origins = new Set([...[...this.hosts].map((h) => `http://${h}`), ...extraOrigins]);
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return typeof host === 'string' && this.hosts.has(host.toLowerCase());
  }

  /** A missing Origin passes only where `requireOrigin` is false (plain navigations and asset loads). */
  originAllowed(req: IncomingMessage, requireOrigin: boolean): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return !requireOrigin;
    return this.origins.has(origin);
  }

  /** Cookies are shared by every port of a host: the name carries ours, so two instances never collide. */
  get cookieName(): string {
    return `${SESSION_COOKIE}_${this.port}`;
  }

  sessionCookie(req: IncomingMessage): string | undefined {
    return readCookie(req.headers.cookie, this.cookieName);
  }

  bearer(req: IncomingMessage): string | undefined {
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? auth.match(/^Bearer (.+)$/) : null;
    return m?.[1];
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
