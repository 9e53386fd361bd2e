import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { safeName, ServerName } from '../../../../src-renderer/components/server-name';

describe('ServerName', () => {
  it('shows a right-to-left override and other controls visibly, in an isolated run of text', () => {
    const { container } = render(
      <p>
        Server <ServerName text={'invoice\u202Etxt.exe'} /> is ready
      </p>,
    );
    const bdi = container.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.textContent).toBe('invoice⟨U+202E⟩txt.exe');
    expect(container.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('neutralises every bidi control and C0/C1 control, and leaves ordinary text (right-to-left scripts included) alone', () => {
    expect(safeName('a\u2066b\u2069c\u200fd\u061ce')).toBe('a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d⟨U+061C⟩e');
    expect(safeName('bell\u0007 esc\u001b[31m nl\nc1\u0085')).toBe('bell⟨U+0007⟩ esc⟨U+001B⟩[31m nl⟨U+000A⟩c1⟨U+0085⟩');
    expect(safeName('שרת weather ☀️')).toBe('שרת weather ☀️');
  });
});
