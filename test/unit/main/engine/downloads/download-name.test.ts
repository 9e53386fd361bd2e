import { describe, expect, it } from 'vitest';
import { downloadFileName, planInline, type InlineLimits } from '../../../../../src-main/engine/downloads/download-name';

describe('downloadFileName', () => {
  const name = (uri: string, kind: 'text' | 'blob' = 'blob', mime?: string, index = 0) => downloadFileName(uri, index, kind, mime);

  it('keeps a readable stem and the extension of the last path segment, plus a short hash', () => {
    expect(name('file:///home/ada/report.pdf')).toMatch(/^report-[0-9a-f]{10}\.pdf$/);
    expect(name('demo://resource/static/document/how-it-works.md', 'text')).toMatch(/^how-it-works-[0-9a-f]{10}\.md$/);
  });

  it('takes the extension from the MIME type when the URI has none, else .txt or .bin', () => {
    expect(name('notes://n1', 'text', 'application/json')).toMatch(/^n1-[0-9a-f]{10}\.json$/);
    expect(name('img://logo', 'blob', 'image/png; charset=binary')).toMatch(/\.png$/);
    expect(name('x://a', 'text')).toMatch(/\.txt$/);
    expect(name('x://a', 'blob', 'application/x-unknown')).toMatch(/\.bin$/);
  });

  it('never yields a path: separators, dot-dot, leading dots and odd characters are gone', () => {
    for (const uri of [
      'file:///../../etc/passwd',
      'evil://x/..%2F..%2Fetc%2Fpasswd',
      'evil://x/..\\..\\windows\\system32',
      'evil://x/.bashrc',
      'evil://x/%2e%2e',
      'evil://x/a b<c>:d|e?.exe',
      'evil://',
      '',
      'evil://x/%E0%A4%A',
      'evil://x/' + 'a'.repeat(500),
      'evil://x/naïve café.txt',
    ]) {
      const n = name(uri);
      expect(n, uri).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(n, uri).not.toContain('..');
      expect(n.length, uri).toBeLessThanOrEqual(60 + 1 + 10 + 9);
    }
    expect(name('evil://x/..%2F..%2Fetc%2Fpasswd')).toMatch(/^etc-passwd-/);
    expect(name('evil://')).toMatch(/^resource-[0-9a-f]{10}\.bin$/);
    expect(name('evil://x/naïve café.txt')).toMatch(/^na-ve-caf-[0-9a-f]{10}\.txt$/);
  });

  it('is stable for a URI and differs between URIs and between parts of one resource', () => {
    expect(name('a://x/1')).toBe(name('a://x/1'));
    expect(name('a://x/1')).not.toBe(name('b://x/1'));
    expect(name('a://x/1', 'blob', undefined, 0)).not.toBe(name('a://x/1', 'blob', undefined, 1));
    // The query is not part of the stem, but it is part of the hash.
    expect(name('s://notes?q=a')).not.toBe(name('s://notes?q=b'));
    expect(name('s://notes?q=a')).toMatch(/^notes-/);
  });
});

describe('planInline', () => {
  const limits: InlineLimits = { textBytes: 100, blobChars: 200, totalChars: 250 };

  it('inlines contents within their own limit, saves the rest', () => {
    expect(
      planInline(
        [
          { kind: 'text', bytes: 100, chars: 100 },
          { kind: 'text', bytes: 101, chars: 50 },
          { kind: 'blob', chars: 201 },
        ],
        limits,
      ),
    ).toEqual([true, false, false]);
  });

  it('measures text in UTF-8 bytes: 60 characters of é are 120 bytes', () => {
    expect(planInline([{ kind: 'text', bytes: 120, chars: 60 }], limits)).toEqual([false]);
  });

  it('keeps the whole reply under the total, in order', () => {
    expect(
      planInline(
        [
          { kind: 'blob', chars: 200 },
          { kind: 'text', bytes: 60, chars: 60 },
          { kind: 'text', bytes: 50, chars: 50 },
        ],
        limits,
      ),
    ).toEqual([true, false, true]);
  });
});
