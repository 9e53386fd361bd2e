import { randomUUID } from 'node:crypto';
import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthFlow, OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { OAuthSettings } from '../../../src-shared/api/schemas/server';
import { PROBE_ID } from '../mcp/era-negotiation';
import { describeTrace } from './oauth-steps';
import type { ShellWording } from '../base/shell-wording';

/** Where the scope a sign-in asks for came from (shown next to it: the most common question). */
export type ScopeSource = 'settings' | 'challenge' | 'stepUp' | 'metadata';

/** What happened during one sign-in, as it happened; `describeTrace` turns it into steps with explanations. */
export interface TraceRaw {
  id: string;
  serverId: string;
  serverUrl: string;
  flow: OAuthFlow;
  trigger: OAuthTrace['trigger'];
  startedAt: number;
  endedAt?: number;
  settings: OAuthSettings | undefined;
  /** The MCP server's 401/403 that asked for the sign-in. */
  challenge?: HttpExchange;
  scope?: { value: string; source: ScopeSource };
  /** Scopes of the token the server refused for lack of scope (a step-up). */
  grantedBefore?: string[];
  /** Every request of the sign-in, in order. */
  exchanges: HttpExchange[];
  /** The link a person was given (masked), and how it came back. */
  authorization?: { url: string; at: number; timeoutMs: number; callback?: { at: number; ok: boolean; detail?: string } };
  /** The MCP request again with the new token. */
  retry?: { exchange: HttpExchange };
  result?: { ok: true } | { ok: false; message: string; reason: FailureReason };
}

/** How a sign-in ended without tokens: the step it points at is found from this. */
export type FailureReason =
  | 'resourceMismatch'
  | 'noRegistration'
  | 'pkceUnsupported'
  | 'unsafeMetadata'
  | 'denied'
  | 'timeout'
  | 'cancelled'
  | 'idp'
  | 'token'
  | 'registration'
  | 'noOAuth'
  | 'other';

/**
 * Collects one sign-in as it runs (the HTTP requests, the link handed to the person, the
 * callback, the retry) and publishes a described snapshot after each change.
 */
export class OAuthTraceBuilder {
  readonly raw: TraceRaw;

  constructor(
    init: Omit<TraceRaw, 'id' | 'exchanges'>,
    private readonly publish: (t: OAuthTrace) => void,
    private readonly now: () => number,
    /** How the fixes name a setting in this shell. */
    private readonly wording: ShellWording,
  ) {
    this.raw = { id: randomUUID(), exchanges: [], ...init };
    this.changed();
  }

  exchange(x: HttpExchange): void {
    // The retry is the first request to the MCP endpoint after the tokens came: it says whether they work.
    if (this.raw.result?.ok && !this.raw.retry && carriesBearer(x)) {
      // An initialize-era server refusing the era probe says nothing about the token: initialize follows.
      if (refusedEraProbe(x)) return;
      this.raw.retry = { exchange: x };
    } else if (!this.raw.result) this.raw.exchanges.push(x);
    else return;
    this.changed();
  }

  scope(value: string | undefined, source: ScopeSource): void {
    if (value) this.raw.scope = { value, source };
    this.changed();
  }

  authorizationUrl(url: string, timeoutMs: number): void {
    this.raw.authorization = { url, at: this.now(), timeoutMs };
    // No scope of our choosing: the SDK took the resource metadata's scopes_supported.
    const asked = new URL(url).searchParams.get('scope');
    if (!this.raw.scope && asked) this.raw.scope = { value: asked, source: 'metadata' };
    this.changed();
  }

  callback(ok: boolean, detail?: string): void {
    if (this.raw.authorization) this.raw.authorization.callback = { at: this.now(), ok, ...(detail ? { detail } : {}) };
    this.changed();
  }

  succeeded(): void {
    this.raw.result = { ok: true };
    this.raw.endedAt = this.now();
    this.changed();
  }

  failed(message: string, reason: FailureReason): void {
    this.raw.result = { ok: false, message, reason };
    this.raw.endedAt = this.now();
    this.changed();
  }

  /** Done watching: no retry will come (the run ended, or the caller gave up). */
  get waitingForRetry(): boolean {
    return !!this.raw.result?.ok && !this.raw.retry;
  }

  snapshot(): OAuthTrace {
    return describeTrace(this.raw, this.now(), this.wording);
  }

  private changed(): void {
    this.publish(this.snapshot());
  }
}

/** A request to the MCP server with an access token (OAuth's own requests never carry one). */
/** `server/discover` answered with an HTTP error other than a refusal of the credentials (see remote/remote-era.ts). */
function refusedEraProbe(x: HttpExchange): boolean {
  if (x.status === undefined || x.status < 400 || x.status === 401 || x.status === 403) return false;
  try {
    return (JSON.parse(x.requestBody?.text ?? '') as { id?: unknown }).id === PROBE_ID;
  } catch {
    return false;
  }
}

export function carriesBearer(x: HttpExchange): boolean {
  return x.requestHeaders.some(([k, v]) => k === 'authorization' && /^bearer\s/i.test(v));
}

export function isEndpoint(x: { url: string }, serverUrl: string): boolean {
  try {
    const a = new URL(x.url);
    const b = new URL(serverUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
