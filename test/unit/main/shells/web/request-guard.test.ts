import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readCookie, RequestGuard } from '../../../../../src-main/shells/web/request-guard';

const PORT = 43123;
const TOKEN = 'tok-0123456789';
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const guard = () => new RequestGuard(PORT, ['http://localhost:5173']);

describe('Host check (DNS rebinding)', () => {
  it('accepts only our loopback names on our port', () => {
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LOCALHOST:${PORT}`]) {
      expect(guard().hostAllowed(req({ host })), host).toBe(true);
    }
  });

  it('refuses a foreign name, another port, no port, and a missing Host', () => {
    for (const host of [
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${PORT}`,
      `0.0.0.0:${PORT}`,
    ]) {
      expect(guard().hostAllowed(req({ host })), host).toBe(false);
    }
    expect(guard().hostAllowed(req({}))).toBe(false);
  });
});

describe('Origin check', () => {
  it('accepts our own origins and the configured extra one', () => {
    for (const origin of [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`, `http://[::1]:${PORT}`, 'http://localhost:5173']) {
      expect(guard().originAllowed(req({ origin }), true), origin).toBe(true);
    }
  });

  it('refuses a foreign origin, another scheme or port, and the opaque "null" origin', () => {
    for (const origin of [
      'http://evil.example',
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
      'null',
      `http://127.0.0.1:${PORT}.evil.example`,
    ]) {
      expect(guard().originAllowed(req({ origin }), false), origin).toBe(false);
    }
  });

  it('lets a missing Origin through only where none is required (plain navigations)', () => {
    expect(guard().originAllowed(req({}), false)).toBe(true);
    expect(guard().originAllowed(req({}), true)).toBe(false);
  });
});

describe('credentials', () => {
  it('reads the session cookie of this port only (another instance on another port has its own)', () => {
    const g = guard();
    expect(g.cookieName).toBe(`mcp_lab_session_${PORT}`);
    expect(g.sessionCookie(req({ cookie: `a=b; ${g.cookieName}=${TOKEN}` }))).toBe(TOKEN);
    expect(g.sessionCookie(req({ cookie: `mcp_lab_session_${PORT + 1}=${TOKEN}` }))).toBeUndefined();
    expect(g.sessionCookie(req({}))).toBeUndefined();
  });

  it('reads a Bearer token only from a well-formed Authorization header', () => {
    const g = guard();
    expect(g.bearer(req({ authorization: `Bearer ${TOKEN}` }))).toBe(TOKEN);
    expect(g.bearer(req({ authorization: TOKEN }))).toBeUndefined();
    expect(g.bearer(req({ authorization: `Basic ${TOKEN}` }))).toBeUndefined();
    expect(g.bearer(req({}))).toBeUndefined();
  });

  it('readCookie keeps "=" inside a value and ignores similar names', () => {
    expect(readCookie('x_1=a; x=b==; y=c', 'x')).toBe('b==');
    expect(readCookie(undefined, 'x')).toBeUndefined();
    expect(readCookie('xx=1', 'x')).toBeUndefined();
  });
});
