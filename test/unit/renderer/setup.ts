import { cleanup, configure } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, vi } from 'vitest';

// Monaco cannot render in jsdom: the editor becomes a textarea with the same props.
vi.mock('@monaco-editor/react', () => ({
  default: (props: { value?: string; onChange?: (v: string | undefined) => void; options?: { ariaLabel?: string } }) =>
    createElement('textarea', {
      'aria-label': props.options?.ariaLabel ?? 'editor',
      'data-testid': 'monaco-mock',
      value: props.value ?? '',
      onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
    }),
  loader: { config: () => {} },
}));
vi.mock('monaco-editor', () => ({ json: { jsonDefaults: { setDiagnosticsOptions: () => {} } } }));
vi.mock('monaco-editor/editor/editor.worker?worker', () => ({ default: class {} }));
vi.mock('monaco-editor/languages/features/json/json.worker?worker', () => ({ default: class {} }));

// jsdom gaps that the virtual list and the dialog touch.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
if (typeof Element !== 'undefined' && !Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {};

// waitFor/findBy wait for a condition; on a busy 2-core machine (CI runs lanes side by side) the condition
// can take longer than the library's 1 s default to come true. Passing tests do not wait any longer for it.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
