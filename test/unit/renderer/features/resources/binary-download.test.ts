import { describe, expect, it } from 'vitest';
import { base64ToBytes, safeDownloadName } from '../../../../../src-renderer/features/resources/binary-download';

describe('safeDownloadName', () => {
  it('keeps a readable name from the last URI segment, with an extension from it or the MIME type', () => {
    expect(safeDownloadName('demo://resource/dynamic/blob/2', 'application/octet-stream')).toBe('2.bin');
    expect(safeDownloadName('files://docs/report%20final.PDF')).toBe('report-final.pdf');
    expect(safeDownloadName('img://cats/tabby', 'image/png')).toBe('tabby.png');
    expect(safeDownloadName('data://x?format=zip#frag', 'application/zip')).toBe('x.zip');
  });

  it('never yields a path, a dot file or an empty name, whatever the server puts in the URI', () => {
    expect(safeDownloadName('evil://a/../../etc/passwd')).toBe('passwd.bin');
    expect(safeDownloadName('evil://a/..\\..\\windows\\system.ini')).toBe('system.ini');
    expect(safeDownloadName('evil://x/.bashrc')).toBe('bashrc.bin');
    expect(safeDownloadName('evil://')).toBe('resource.bin');
    expect(safeDownloadName('evil://x/%E0%A4%A')).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(safeDownloadName(`long://${'a'.repeat(500)}.txt`)).toHaveLength(84);
  });
});

describe('base64ToBytes', () => {
  it('decodes base64 (whitespace allowed) and throws on garbage', () => {
    expect([...base64ToBytes('AAEC\n/w==')]).toEqual([0, 1, 2, 255]);
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
