import { describe, expect, it } from 'vitest';
import { isAbsolutePath, rootUriToPath, toRootUri } from '../../../../src-shared/client-features/root-uri';

describe('root URIs', () => {
  it('turns absolute paths into file:// URIs (spaces escaped, Windows drives kept) and back', () => {
    expect(toRootUri('/home/me/my project')).toBe('file:///home/me/my%20project');
    expect(toRootUri('C:\\work\\repo')).toBe('file:///C:/work/repo');
    expect(toRootUri('\\\\server\\share\\dir')).toBe('file://server/share/dir');
    expect(toRootUri('file:///already/a/uri')).toBe('file:///already/a/uri');
    expect(rootUriToPath('file:///home/me/my%20project')).toBe('/home/me/my project');
    expect(rootUriToPath('file:///C:/work/repo')).toBe('C:/work/repo');
    expect(rootUriToPath('https://example.com')).toBeUndefined();
  });

  it('knows an absolute path from a relative one', () => {
    expect(isAbsolutePath('/x')).toBe(true);
    expect(isAbsolutePath('D:/x')).toBe(true);
    expect(isAbsolutePath('src')).toBe(false);
    expect(isAbsolutePath('./src')).toBe(false);
  });
});
