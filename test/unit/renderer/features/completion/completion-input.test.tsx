import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompletionFetch } from '../../../../../src-renderer/features/completion/completion-controller';
import { CompletionInput } from '../../../../../src-renderer/features/completion/completion-input';

function Harness({ fetch, onEnter }: { fetch: CompletionFetch | null; onEnter?: () => void }) {
  const [value, setValue] = useState('');
  return <CompletionInput id="dept" value={value} onChange={setValue} fetch={fetch} {...(onEnter ? { onEnter } : {})} />;
}

const flush = () => act(() => vi.advanceTimersByTimeAsync(250));

describe('CompletionInput', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('suggests after typing stops, and ↓ ↓ Enter picks the second suggestion', async () => {
    const fetch = vi.fn<CompletionFetch>(async (v) => ({ values: ['Engineering', 'Sales', 'Support'].filter((d) => d.startsWith(v)) }));
    render(<Harness fetch={fetch} />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'S' } });
    await flush();
    expect(fetch).toHaveBeenLastCalledWith('S');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Sales', 'Support']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((input as HTMLInputElement).value).toBe('Support');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('Escape closes the list without leaving the field; Enter with nothing highlighted submits', async () => {
    const onEnter = vi.fn();
    render(<Harness fetch={async () => ({ values: ['a1', 'a2'] })} onEnter={onEnter} />);
    const input = screen.getByRole('combobox');
    fireEvent.focus(input);
    await flush();
    expect(screen.getByRole('listbox')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onEnter).toHaveBeenCalledTimes(1);
  });

  it('a click on a suggestion picks it', async () => {
    render(<Harness fetch={async () => ({ values: ['n1', 'n2'] })} />);
    fireEvent.focus(screen.getByRole('combobox'));
    await flush();
    fireEvent.mouseDown(screen.getByRole('option', { name: 'n2' }));
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('n2');
  });

  it('renders suggestions from the server as text, never as HTML', async () => {
    render(<Harness fetch={async () => ({ values: ['<img src=x onerror="alert(1)">', '<script>alert(1)</script>'] })} />);
    fireEvent.focus(screen.getByRole('combobox'));
    await flush();
    const list = screen.getByRole('listbox');
    expect(list.querySelector('img, script')).toBeNull();
    expect(screen.getAllByRole('option')[1]!.textContent).toBe('<script>alert(1)</script>');
  });

  it('says why there are no suggestions, and is a plain input when the server offers none', async () => {
    const { unmount } = render(<Harness fetch={async () => ({ error: 'completion/complete failed: boom (JSON-RPC error -32603)' })} />);
    fireEvent.focus(screen.getByRole('combobox'));
    await flush();
    expect(screen.getByText(/No suggestions: completion\/complete failed: boom/)).toBeTruthy();
    unmount();
    render(<Harness fetch={null} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByRole('textbox')).toBeTruthy();
  });
});
