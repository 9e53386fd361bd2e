import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackReceiver, SignInError } from '../../../../../src-main/engine/remote/loopback-receiver';

let r: LoopbackReceiver | undefined;
afterEach(() => r?.close());

describe('LoopbackReceiver', () => {
  it('listens on 127.0.0.1 on a free port and hands over the code of a state-checked callback, once', async () => {
    r = await LoopbackReceiver.start(10_000);
    expect(r.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const code = r.waitForCode();
    const ok = await fetch(`${r.redirectUrl}?code=abc&state=${r.state}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await code).toBe('abc');
  });

  it('refuses other paths, other methods and a wrong state, and keeps waiting for the right one', async () => {
    r = await LoopbackReceiver.start(10_000);
    const base = r.redirectUrl.replace('/callback', '');
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/callback/../admin`)).status).toBe(404);
    expect((await fetch(`${r.redirectUrl}?code=x&state=${r.state}`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${r.redirectUrl}?code=evil&state=not-ours`)).status).toBe(400);
    expect((await fetch(`${r.redirectUrl}?state=${r.state}`)).status).toBe(400); // no code
    const code = r.waitForCode();
    await fetch(`${r.redirectUrl}?code=good&state=${r.state}`);
    expect(await code).toBe('good');
  });

  it('reports a refusal by the authorization server', async () => {
    r = await LoopbackReceiver.start(10_000);
    const code = r.waitForCode();
    const page = await fetch(
      `${r.redirectUrl}?error=access_denied&error_description=${encodeURIComponent('<b>nope</b>')}&state=${r.state}`,
    );
    expect(await page.text()).not.toContain('<b>nope</b>'); // nothing from the request is echoed back
    await expect(code).rejects.toMatchObject({ reason: 'denied', message: expect.stringContaining('access_denied (<b>nope</b>)') });
  });

  it('times out, and stops listening', async () => {
    r = await LoopbackReceiver.start(50);
    await expect(r.waitForCode()).rejects.toBeInstanceOf(SignInError);
    await expect(r.waitForCode()).rejects.toMatchObject({ reason: 'timeout' });
    const url = r.redirectUrl;
    await expect
      .poll(() =>
        fetch(url).then(
          () => 'listening',
          () => 'closed',
        ),
      )
      .toBe('closed');
  });
});
