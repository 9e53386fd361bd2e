import { describe, expect, it } from 'vitest';
import { createRedactor, createScrubber, REDACTED } from '../../../../../src-main/engine/logs/redaction';
import type { LogEntry } from '../../../../../src-shared/api/schemas/log';

const TOKEN = 'sk-live-0123456789abcdef';

function entry(text: string, data?: unknown): LogEntry {
  return { serverId: 's1', seq: 1, ts: 0, level: 'info', source: 'stderr', text, data } as unknown as LogEntry;
}

describe('createScrubber', () => {
  it('blanks every occurrence of a secret in a line, wherever it sits', () => {
    const s = createScrubber([TOKEN])!;
    expect(s.text(`TOKEN=${TOKEN} and again:${TOKEN}!`)).toBe(`TOKEN=${REDACTED} and again:${REDACTED}!`);
  });

  it('blanks the longer secret whole when one secret contains another', () => {
    const s = createScrubber(['abcd', 'abcdefgh'])!;
    const out = s.text('key abcdefgh');
    expect(out).toBe(`key ${REDACTED}`);
    expect(out).not.toContain('efgh');
  });

  it('leaves values too short to be secrets alone, so ordinary words survive', () => {
    expect(createScrubber(['abc', ''])).toBeUndefined();
    expect(createScrubber(['abc', 'long-secret'])!.text('abc long-secret')).toBe(`abc ${REDACTED}`);
  });

  it('finds secrets deep inside structured payloads: nested objects, arrays and keys stay, values go', () => {
    const s = createScrubber([TOKEN])!;
    const payload = { headers: { authorization: `Bearer ${TOKEN}` }, list: ['x', TOKEN, 3], n: 1, ok: true, none: null };
    const out = s.value(payload);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(out).toEqual({ headers: { authorization: `Bearer ${REDACTED}` }, list: ['x', REDACTED, 3], n: 1, ok: true, none: null });
    // The caller's object is not changed behind its back.
    expect(payload.headers.authorization).toContain(TOKEN);
  });

  it('finds a secret that needs JSON escaping (quotes, backslashes) in a payload', () => {
    const secret = 'pa"ss\\word';
    const out = createScrubber([secret])!.value({ env: `PASSWORD=${secret}` });
    expect(out.env).toBe(`PASSWORD=${REDACTED}`);
  });

  it('returns a payload with no secret in it unchanged (the same object)', () => {
    const payload = { a: [1, 2, { b: 'plain' }] };
    expect(createScrubber([TOKEN])!.value(payload)).toBe(payload);
  });
});

describe('createRedactor', () => {
  it('is absent when there is nothing to hide', () => {
    expect(createRedactor([])).toBeUndefined();
  });

  it('blanks secrets in a log entry text and data before anyone sees it', () => {
    const redact = createRedactor([TOKEN, 'hunter22'])!;
    const e = entry(`env: API_KEY=${TOKEN} PASS=hunter22`, { result: { content: [{ type: 'text', text: `echo ${TOKEN}` }] } });
    redact(e);
    expect(JSON.stringify(e)).not.toContain(TOKEN);
    expect(JSON.stringify(e)).not.toContain('hunter22');
    expect(e.text).toBe(`env: API_KEY=${REDACTED} PASS=${REDACTED}`);
  });
});
