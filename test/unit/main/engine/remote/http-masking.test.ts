import { describe, expect, it } from 'vitest';
import { HttpMasker, fingerprint, maskValue } from '../../../../../src-main/engine/remote/http-masking';

describe('masking recorded HTTP traffic', () => {
  it('masks credential fields of forms and JSON, keeping the rest readable', () => {
    const m = new HttpMasker();
    const form = m.body(
      'grant_type=authorization_code&code=abc123&code_verifier=v3rifier-value&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback',
      'application/x-www-form-urlencoded',
    );
    expect(form).toBe(
      `grant_type=authorization_code\ncode=${maskValue('abc123')}\ncode_verifier=${maskValue('v3rifier-value')}\nredirect_uri=http://127.0.0.1:5/callback`,
    );
    const json = JSON.parse(
      m.body('{"access_token":"at-1","token_type":"Bearer","nested":{"refresh_token":"rt-2"},"scope":"a b"}', 'application/json'),
    ) as Record<string, unknown>;
    expect(json).toEqual({
      access_token: maskValue('at-1'),
      token_type: 'Bearer',
      nested: { refresh_token: maskValue('rt-2') },
      scope: 'a b',
    });
  });

  it('keeps the scheme of Authorization, and the client id of Basic credentials', () => {
    const m = new HttpMasker();
    expect(m.header('Authorization', 'Bearer tok-123')).toBe(`Bearer ${maskValue('tok-123')}`);
    const basic = Buffer.from('my%20client:s3cret').toString('base64');
    expect(m.header('authorization', `Basic ${basic}`)).toBe(`Basic (client id "my client", secret ${maskValue('s3cret')})`);
    expect(m.header('cookie', 'session=xyz')).toBe(maskValue('session=xyz'));
    expect(m.header('content-type', 'application/json')).toBe('application/json');
  });

  it('masks a code in a URL and a known secret wherever it shows up; the same value has the same fingerprint', () => {
    const m = new HttpMasker();
    m.addSecrets(['the-client-secret', 'short']);
    expect(m.url('http://127.0.0.1:9/callback?code=c0de&state=s')).toBe(`http://127.0.0.1:9/callback?code=${maskValue('c0de')}&state=s`);
    expect(m.text('error: the-client-secret is wrong')).toBe(`error: ${maskValue('the-client-secret')} is wrong`);
    expect(m.text('short stays')).toBe('short stays'); // too short to blank everywhere: it would hit ordinary words
    expect(fingerprint('c0de')).toBe(fingerprint('c0de'));
    expect(maskValue('c0de')).toMatch(/^‹masked · 4 chars · #[0-9a-f]{6}›$/);
  });
});

describe('the HTTP recorder', () => {
  it('does not hold a sign-in up on a response body that never ends', async () => {
    const { HttpRecorder } = await import('../../../../../src-main/engine/remote/http-recorder');
    const rec = new HttpRecorder(() => Date.now());
    const endless = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"error":')) });
    rec
      .begin('http://127.0.0.1:9/mcp', { method: 'POST' })
      .answered(new Response(endless, { status: 401, headers: { 'content-type': 'application/json' } }));
    await rec.settled(200); // resolves: without the bound it would wait for ever
    expect(rec.recent()).toEqual([]); // the unfinished body is not recorded yet
    rec.dispose();
  });
});
