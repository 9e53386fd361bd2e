import { createHash } from 'node:crypto';

/**
 * Secrets out of recorded HTTP traffic: tokens, client secrets, authorization codes, PKCE
 * verifiers, assertions, credential headers. A masked value keeps its length and a short
 * fingerprint (the first 6 hex digits of its SHA-256), so a person can see that the code a
 * callback carried is the code sent to the token endpoint, without seeing either.
 */

/** Form, query and JSON fields whose values are credentials. */
const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'code',
  'code_verifier',
  'assertion',
  'client_assertion',
  'subject_token',
  'actor_token',
  'registration_access_token',
  'password',
  'device_code',
]);

/** Headers whose whole value is a credential (Authorization is handled on its own: its scheme stays readable). */
const SECRET_HEADERS = /^(cookie|set-cookie|proxy-authorization|x-api-key|api-key)$|token|secret/i;

export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 6);
}

export function maskValue(value: string): string {
  return `‹masked · ${value.length} chars · #${fingerprint(value)}›`;
}

export class HttpMasker {
  /** Values that are secret wherever they appear (header secrets, configured credentials, tokens). */
  private readonly known = new Set<string>();

  addSecrets(values: Iterable<string | undefined>): void {
    for (const v of values) if (v && v.length >= 6) this.known.add(v);
  }

  header(name: string, value: string): string {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') return this.authorization(value);
    if (SECRET_HEADERS.test(lower)) return maskValue(value);
    return this.text(value);
  }

  /** `Bearer ‹masked…›`; `Basic` shows the client id (useful when debugging client authentication) and masks the secret. */
  private authorization(value: string): string {
    const m = /^\s*(\S+)\s+(.+)$/.exec(value);
    if (!m) return maskValue(value);
    const [, scheme, rest] = m as unknown as [string, string, string];
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(rest.trim(), 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) return `${scheme} (client id "${safeDecode(decoded.slice(0, i))}", secret ${maskValue(safeDecode(decoded.slice(i + 1)))})`;
    }
    return `${scheme} ${maskValue(rest.trim())}`;
  }

  /** A URL for display: query values decoded (readable), secret ones masked. Not for opening. */
  url(raw: string): string {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return this.text(raw);
    }
    const params = [...u.searchParams];
    if (!params.some(([k, v]) => SECRET_FIELDS.has(k) || this.known.has(v))) return raw;
    const query = params.map(([k, v]) => `${k}=${SECRET_FIELDS.has(k) || this.known.has(v) ? maskValue(v) : v}`).join('&');
    return `${u.origin}${u.pathname}?${query}${u.hash}`;
  }

  /** A request or response body, by its content type. */
  body(text: string, contentType: string): string {
    if (/application\/x-www-form-urlencoded/i.test(contentType)) return this.form(text);
    if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
      try {
        return JSON.stringify(this.json(JSON.parse(text)), null, 2);
      } catch {
        // not JSON after all
      }
    }
    return this.text(text);
  }

  private form(text: string): string {
    const params = new URLSearchParams(text);
    const parts: string[] = [];
    for (const [k, v] of params) parts.push(`${k}=${SECRET_FIELDS.has(k) || this.known.has(v) ? maskValue(v) : v}`);
    return parts.join('\n');
  }

  private json(v: unknown, key?: string): unknown {
    if (typeof v === 'string') return key !== undefined && SECRET_FIELDS.has(key) ? maskValue(v) : this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.json(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.json(x, k)]));
    return v;
  }

  /** Known secret values blanked wherever they appear in free text. */
  text(s: string): string {
    let out = s;
    for (const v of this.known) if (out.includes(v)) out = out.split(v).join(maskValue(v));
    return out;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
