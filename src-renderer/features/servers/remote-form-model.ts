import type { ClientFeatures } from '../../../src-shared/api/schemas/client-features';
import {
  isHttpUrl,
  type HeaderEntry,
  type OAuthSettings,
  type RemoteServerConfig,
  type RemoteTransport,
  type ServerConfig,
} from '../../../src-shared/api/schemas/server';
import { EMPTY_OAUTH_FIELDS, initialOAuthFields, validateOAuthForm, type OAuthFormErrors, type OAuthFormFields } from './oauth-form-model';

export interface HeaderRow {
  rowId: number;
  key: string;
  value: string;
  secret: boolean;
  /** The name of a secret header the engine already stores (its value never comes back to the UI). */
  storedSecretKey?: string;
}

/** The URL half of the server form. */
export interface RemoteFormFields {
  url: string;
  remoteTransport: RemoteTransport;
  headers: HeaderRow[];
  oauth: OAuthFormFields;
}

export interface RemoteFormErrors {
  name?: string;
  url?: string;
  headers: Record<number, string>;
  oauth?: OAuthFormErrors;
}

export interface RemoteFormResult {
  name: string;
  transport: RemoteTransport;
  url: string;
  headers: HeaderEntry[];
  oauth?: OAuthSettings;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the transport sets itself: a value from the form would break the protocol. */
const RESERVED = new Set([
  'accept',
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
]);

export const EMPTY_REMOTE_FIELDS: RemoteFormFields = { url: '', remoteTransport: 'http', headers: [], oauth: EMPTY_OAUTH_FIELDS };

export function initialRemoteFields(config: RemoteServerConfig, nextRowId: () => number): RemoteFormFields {
  return {
    url: config.url,
    remoteTransport: config.transport,
    headers: config.headers.map((h) => ({
      rowId: nextRowId(),
      key: h.key,
      value: h.value ?? '',
      secret: h.secret,
      ...(h.secret ? { storedSecretKey: h.key } : {}),
    })),
    oauth: initialOAuthFields(config.oauth),
  };
}

/** A transport suggested by the URL's path: /sse is almost always the older transport. */
export function suggestTransport(url: string): RemoteTransport | undefined {
  try {
    const p = new URL(url).pathname;
    if (/\/sse\/?$/.test(p)) return 'sse';
    if (/\/mcp\/?$/.test(p)) return 'http';
  } catch {
    // not a URL yet
  }
  return undefined;
}

/** Validate the URL form; an unchanged secret header goes without its value. */
export function validateRemoteForm(
  name: string,
  f: RemoteFormFields,
): { ok: true; value: RemoteFormResult } | { ok: false; errors: RemoteFormErrors } {
  const errors: RemoteFormErrors = { headers: {} };
  const n = name.trim();
  if (!n) errors.name = 'Give the server a name.';
  else if (n.length > 120) errors.name = 'At most 120 characters.';
  const url = f.url.trim();
  if (!url) errors.url = 'Enter the server’s URL, e.g. http://127.0.0.1:3000/mcp.';
  else if (!isHttpUrl(url)) errors.url = 'The URL must start with http:// or https://.';
  else if (new URL(url).username || new URL(url).password) errors.url = 'Put credentials in a header (marked secret), not in the URL.';

  const headers: HeaderEntry[] = [];
  const seen = new Set<string>();
  for (const r of f.headers) {
    const key = r.key.trim();
    if (!key && !r.value) continue;
    const lower = key.toLowerCase();
    if (!key) errors.headers[r.rowId] = 'Enter a name for this header.';
    else if (!HEADER_NAME.test(key)) errors.headers[r.rowId] = 'A header name is letters, digits and - _ . (no spaces or colons).';
    else if (RESERVED.has(lower)) errors.headers[r.rowId] = `MCP Lab sets ${key} itself.`;
    else if (seen.has(lower)) errors.headers[r.rowId] = `"${key}" is set twice.`;
    else if (/[\r\n]/.test(r.value)) errors.headers[r.rowId] = 'A header value cannot contain line breaks.';
    else if (r.storedSecretKey !== undefined && r.value === '' && (!r.secret || key !== r.storedSecretKey)) {
      errors.headers[r.rowId] = 'Enter the value again: a stored secret is never shown, so it cannot be renamed or made plain.';
    }
    seen.add(lower);
    if (errors.headers[r.rowId]) continue;
    if (r.secret && r.storedSecretKey !== undefined && r.value === '') headers.push({ key, secret: true });
    else headers.push({ key, value: r.value, secret: r.secret });
  }
  const oauth = validateOAuthForm(f.oauth);
  if (!oauth.ok) errors.oauth = oauth.errors;
  if (!oauth.ok || errors.name || errors.url || Object.keys(errors.headers).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: n, transport: f.remoteTransport, url, headers, ...(oauth.value ? { oauth: oauth.value } : {}) } };
}

/** The config to save when editing: the server keeps its id and restart settings (command fields go). */
export function remoteUpdate(existing: ServerConfig, v: RemoteFormResult, clientFeatures: ClientFeatures | undefined): RemoteServerConfig {
  return {
    id: existing.id,
    ...v,
    ...(existing.restart ? { restart: existing.restart } : {}),
    ...(clientFeatures ? { clientFeatures } : {}),
  };
}

/** The form's URL fields out of its state (they are optional there: the form starts as a command). */
export function remoteFieldsOf(f: Partial<RemoteFormFields>): RemoteFormFields {
  return { url: f.url ?? '', remoteTransport: f.remoteTransport ?? 'http', headers: f.headers ?? [], oauth: f.oauth ?? EMPTY_OAUTH_FIELDS };
}
