import { describe, expect, it } from 'vitest';
import { trimResult } from '../../../../../src-main/engine/downloads/result-trimmer';

describe('trimResult', () => {
  it('cuts long text, replaces large images and structured content, and leaves small blocks alone', () => {
    const big = 'x'.repeat(1_000_000);
    const out = trimResult(
      {
        content: [
          { type: 'text', text: big },
          { type: 'text', text: 'short' },
          { type: 'image', data: 'A'.repeat(2_000_000), mimeType: 'image/png' },
        ],
        structuredContent: { rows: Array.from({ length: 50_000 }, (_, i) => i) },
      },
      128 * 1024,
    );
    const [text, short, image] = out.content!;
    expect(text!.type === 'text' && text!.text.length).toBeLessThan(40_000);
    expect(text!.type === 'text' && text!.text).toMatch(/more in the full result\]$/);
    expect(short).toEqual({ type: 'text', text: 'short' });
    expect(image).toEqual({ type: 'text', text: '[image image/png, 1.4 MiB: not shown here; it is in the full result]' });
    expect(out.structuredContent).toEqual({ 'mcp-lab': expect.stringContaining('not shown here') });
    expect(JSON.stringify(out).length).toBeLessThan(128 * 1024);
  });

  it('keeps isError and small results as they are', () => {
    const r = { content: [{ type: 'text' as const, text: 'failed' }], isError: true };
    expect(trimResult(r, 64 * 1024)).toEqual(r);
  });
});
