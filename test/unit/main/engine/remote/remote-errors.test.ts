import { describe, expect, it } from 'vitest';
import { describeHttpAnswer, describeNetworkError } from '../../../../../src-main/engine/remote/remote-errors';
import { unsafeOAuthUrl } from '../../../../../src-main/engine/remote/oauth-guard';
import { APP_WORDING, CLI_WORDING } from '../../../../../src-main/engine/base/shell-wording';

describe('describeNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable', /nothing answers at h:8080 \(connection refused\)/, /port 8080/],
    ['ENOTFOUND', 'unreachable', /host name "h" could not be found/, /typo/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tlsError', /self-signed/, /NODE_EXTRA_CA_CERTS/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tlsError', /authority this machine does not trust/, /NODE_EXTRA_CA_CERTS/],
    ['CERT_HAS_EXPIRED', 'tlsError', /has expired/, /renew/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tlsError', /is for another host name: Host: h/, /host name the certificate was issued for/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tlsError', /does not speak TLS/, /http:\/\//],
  ])('%s', (code, kind, message, hint) => {
    const f = describeNetworkError(code, 'h:8080', 'Host: h. is not in the cert');
    expect(f.kind).toBe(kind);
    expect(f.message).toMatch(message);
    expect(f.hint).toMatch(hint);
  });
});

describe('describeHttpAnswer', () => {
  const http = (status: number, path = '/mcp') => ({
    url: `http://h${path}`,
    method: 'POST',
    status,
    contentType: 'text/plain',
    bodyStart: '',
    wwwAuthenticate: undefined,
  });
  it('tells 401 with and without a configured Authorization header apart', () => {
    expect(describeHttpAnswer(http(401), { transport: 'http', hasAuthHeader: false, wording: APP_WORDING }).hint).toMatch(
      /Add an Authorization header/,
    );
    expect(describeHttpAnswer(http(401), { transport: 'http', hasAuthHeader: true, wording: APP_WORDING }).message).toMatch(
      /refused the credentials/,
    );
  });
  it('suggests the other transport for a 405 and the usual path for a 404', () => {
    expect(describeHttpAnswer(http(405), { transport: 'http', hasAuthHeader: false, wording: APP_WORDING }).hint).toMatch(/SSE/);
    expect(describeHttpAnswer(http(404, '/sse'), { transport: 'sse', hasAuthHeader: false, wording: APP_WORDING }).hint).toMatch(
      /Is the path \/sse\?/,
    );
  });
  it('names the flags in the CLI and the settings in the app', () => {
    const cli = { transport: 'http', hasAuthHeader: false, wording: CLI_WORDING } as const;
    const hints = [405, 404, 401, 403].map((s) => describeHttpAnswer(http(s), cli).hint ?? '');
    expect(hints[0]).toContain('--transport sse');
    expect(hints[1]).toContain('--transport sse');
    expect(hints[2]).toContain('-H "Authorization: Bearer <token>"');
    expect(hints[3]).toContain('-H "Authorization: Bearer <token>"');
    for (const h of hints) expect(h).not.toMatch(/choose|server settings|Edit →/);
    expect(describeHttpAnswer(http(405), { ...cli, wording: APP_WORDING }).hint).toContain('choose the SSE transport');
  });
});

describe('unsafeOAuthUrl', () => {
  it('accepts http(s) documents and names the first field that is not', () => {
    expect(
      unsafeOAuthUrl({ issuer: 'https://a', authorization_endpoint: 'https://a/authorize', token_endpoint: 'http://127.0.0.1/token' }),
    ).toBeUndefined();
    expect(unsafeOAuthUrl({ authorization_endpoint: 'javascript:alert(1)' })).toEqual({
      field: 'authorization_endpoint',
      value: 'javascript:alert(1)',
    });
    expect(unsafeOAuthUrl({ registration_endpoint: 'file:///etc/passwd' })?.field).toBe('registration_endpoint');
    expect(unsafeOAuthUrl({ authorization_servers: ['https://ok', 'data:text/html,x'] })?.value).toBe('data:text/html,x');
    expect(unsafeOAuthUrl({ token_endpoint: 'not a url' })?.field).toBe('token_endpoint');
  });
});
