import { describe, expect, it } from 'vitest';
import type { RemoteServerConfig } from '../../../../../src-shared/api/schemas/server';
import { consentFingerprint, consentWarnings } from '../../../../../src-main/engine/servers/consent';

const cfg = (over: Partial<RemoteServerConfig> = {}): RemoteServerConfig => ({
  id: 'r',
  name: 'r',
  transport: 'http',
  url: 'https://mcp.example.com/mcp',
  headers: [],
  ...over,
});

describe('consent for a remote server', () => {
  it('covers the URL, the transport and the headers (not secret values, not the name)', () => {
    const base = consentFingerprint(cfg());
    expect(consentFingerprint(cfg({ name: 'renamed' }))).toBe(base);
    expect(consentFingerprint(cfg({ url: 'https://evil.example.net/mcp' }))).not.toBe(base);
    expect(consentFingerprint(cfg({ transport: 'sse' }))).not.toBe(base);
    expect(consentFingerprint(cfg({ headers: [{ key: 'X-Forwarded-Host', value: 'a', secret: false }] }))).not.toBe(base);
    const secret = (value?: string) =>
      consentFingerprint(cfg({ headers: [{ key: 'Authorization', secret: true, ...(value ? { value } : {}) }] }));
    expect(secret('Bearer one')).toBe(secret('Bearer two'));
    expect(secret()).toBe(secret('Bearer two'));
  });

  it('covers where OAuth credentials go (client id, identity provider), not the scope or the secrets themselves', () => {
    const base = consentFingerprint(cfg());
    expect(consentFingerprint(cfg({ oauth: { scope: 'mcp:read' } }))).toBe(base);
    const idp = (tokenEndpoint: string, idToken?: string) =>
      consentFingerprint(
        cfg({
          oauth: { flow: 'crossApp', clientId: 'c', idp: { tokenEndpoint, clientId: 'lab', idToken: idToken ? { value: idToken } : {} } },
        }),
      );
    expect(idp('https://idp.example.com/token')).not.toBe(base);
    expect(idp('https://idp.example.com/token', 'one')).toBe(idp('https://idp.example.com/token', 'two'));
    expect(idp('https://evil.example.net/token')).not.toBe(idp('https://idp.example.com/token'));
    expect(consentFingerprint(cfg({ oauth: { clientId: 'a' } }))).not.toBe(consentFingerprint(cfg({ oauth: { clientId: 'b' } })));
  });

  it('flags plain http to another machine, credentials in the URL or in plain headers, and routing headers', () => {
    const w = consentWarnings(
      cfg({
        url: 'http://user:pw@mcp.example.com/mcp',
        headers: [
          { key: 'Authorization', value: 'Bearer x', secret: false },
          { key: 'Host', value: 'internal', secret: false },
        ],
      }),
    );
    expect(w.map((x) => [x.where, x.why])).toEqual([
      ['url', 'carries a user name or password in the URL'],
      ['url', 'sends every request unencrypted (http, not https) to another machine'],
      ['headers', 'sends a credential kept in plain text in the workspace file (mark it secret)'],
      ['headers', 'sends the request to a different virtual host than the URL names'],
    ]);
    expect(consentWarnings(cfg({ url: 'http://127.0.0.1:3000/mcp', headers: [{ key: 'Authorization', secret: true }] }))).toEqual([]);
  });
});
