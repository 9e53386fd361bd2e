import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResourceContents } from '../../../../../src-shared/api/schemas/resource';
import { ResourceContentsView } from '../../../../../src-renderer/features/resources/resource-contents';
import { TEXT_PREVIEW_CHARS, prettyJsonText } from '../../../../../src-renderer/features/resources/text-contents';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const view = (contents: ResourceContents[], uri = contents[0]?.uri ?? 'x://y') =>
  render(<ResourceContentsView contents={contents} requestedUri={uri} />);

afterEach(() => vi.restoreAllMocks());

describe('ResourceContentsView', () => {
  it('shows text from the server as text: a <script> stays characters on the page', () => {
    const evil = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';
    const { container } = view([{ uri: 'x://evil', mimeType: 'text/html', text: evil }]);
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.getByLabelText('Resource text').textContent).toBe(evil);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('pretty-prints JSON (by MIME type or by shape) and keeps other text as it is', () => {
    view([{ uri: 'notes://n1', mimeType: 'application/json', text: '{"id":"n1","tags":["a"]}' }]);
    expect(screen.getByLabelText('Resource text').textContent).toBe('{\n  "id": "n1",\n  "tags": [\n    "a"\n  ]\n}');
    expect(screen.getByText(/pretty-printed/)).toBeTruthy();
    expect(prettyJsonText('[1,2]')).toBe('[\n  1,\n  2\n]');
    expect(prettyJsonText('{not json', 'application/json')).toBeNull();
    expect(prettyJsonText('line 1\n  line 2', 'text/plain')).toBeNull();
  });

  it('cuts a long text and shows all of it on request', () => {
    const long = 'x'.repeat(TEXT_PREVIEW_CHARS + 500);
    view([{ uri: 'big://t', mimeType: 'text/plain', text: long }]);
    expect(screen.getByLabelText('Resource text').textContent).toHaveLength(TEXT_PREVIEW_CHARS);
    expect(screen.getByText(/Showing the first 100,000 of 100,500 characters/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getByLabelText('Resource text').textContent).toHaveLength(TEXT_PREVIEW_CHARS + 500);
  });

  it('previews whitelisted images from base64 only; other binaries get a size and Download', () => {
    const { container } = view([
      { uri: 'img://dot.png', mimeType: 'image/png', blob: PNG_1PX },
      { uri: 'img://evil.svg', mimeType: 'image/svg+xml', blob: btoa('<svg onload="alert(1)"/>') },
    ]);
    const imgs = container.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1PX}`);
    expect(screen.getByText(/binary · image\/svg\+xml · 24 B/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Download' })).toHaveLength(2);
    expect(screen.getByText('Part 2 of 2 ·')).toBeTruthy();
  });

  it('Download saves the decoded bytes as a Blob under a safe file name', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:mcp-lab/1'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let downloaded: { name: string; href: string } | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = { name: this.download, href: this.href };
    });
    view([{ uri: 'demo://resource/../../etc/blob/7', mimeType: 'application/octet-stream', blob: 'AAEC/w==' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(downloaded).toEqual({ name: '7.bin', href: 'blob:mcp-lab/1' });
    expect(created[0]!.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await created[0]!.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('says so when the base64 is invalid, instead of downloading garbage', () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    view([{ uri: 'x://bad', mimeType: 'application/octet-stream', blob: '!!!' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(screen.getByRole('alert').textContent).toMatch(/base64 data is invalid/);
  });

  it('shows a binary decoded as UTF-8 text on request', () => {
    view([{ uri: 'demo://resource/dynamic/blob/2', mimeType: 'application/octet-stream', blob: btoa('Resource 2: <b>blob</b>') }]);
    fireEvent.click(screen.getByRole('button', { name: 'Show as text' }));
    expect(screen.getByLabelText('Resource text').textContent).toBe('Resource 2: <b>blob</b>');
  });

  it('contents saved to disk: the path, the size and the preview, no data', () => {
    view([
      {
        uri: 'big://text/2000000',
        mimeType: 'text/plain',
        kind: 'text',
        savedTo: '/home/u/.mcp-lab/downloads/2000000-ab12.txt',
        bytes: 2_000_000,
        preview: 'abcdefghij',
      },
    ]);
    expect(screen.getByText('/home/u/.mcp-lab/downloads/2000000-ab12.txt')).toBeTruthy();
    expect(screen.getByText(/1\.9 MiB · saved to disk/)).toBeTruthy();
    expect(screen.getByLabelText('Preview of the saved text').textContent).toBe('abcdefghij');
    expect(screen.getByRole('button', { name: 'Copy file path' })).toBeTruthy();
  });

  it('says when the server returned nothing', () => {
    view([], 'x://empty');
    expect(screen.getByText(/returned no contents/)).toBeTruthy();
  });
});
