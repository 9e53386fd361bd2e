import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BreakpointSpec, FileBreakpoints } from '../../../../../src-shared/api/schemas/debug';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { BreakpointPopover } from '../../../../../src-renderer/features/debug/breakpoint-popover';
import { breakpointGlyph } from '../../../../../src-renderer/features/debug/breakpoint-glyph';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';

function renderPopover(spec: BreakpointSpec | undefined, others: BreakpointSpec[] = []) {
  const fake = createFakeApi({ 'debug.setBreakpoints': async (p) => p as FileBreakpoints });
  const workbench = createWorkbenchStore(fake.api);
  workbench.getState()._applyBreakpoints([{ path: 'server.py', breakpoints: [...others, ...(spec ? [spec] : [])] }]);
  let closed = 0;
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <BreakpointPopover at={{ path: 'server.py', line: 12, x: 10, y: 10 }} spec={spec} onClose={() => closed++} />
    </ApiProvider>,
  );
  return { fake, closed: () => closed };
}

describe('the gutter breakpoint popover', () => {
  it('gives a new line a condition: the engine gets a conditional breakpoint, the others kept', async () => {
    const { fake, closed } = renderPopover(undefined, [{ line: 3 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Condition…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Condition' }), { target: { value: 'n > 10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('debug.setBreakpoints', {
        path: 'server.py',
        breakpoints: [{ line: 3 }, { line: 12, condition: 'n > 10' }],
      }),
    );
    expect(closed()).toBe(1);
  });

  it('turns a breakpoint into a log point, keeping its condition', async () => {
    const { fake } = renderPopover({ line: 12, condition: 'n > 1' });
    expect(screen.getByRole('dialog', { name: 'Breakpoint at line 12' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log message…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Log message' }), { target: { value: 'n is {n}' } });
    fireEvent.submit(screen.getByRole('textbox', { name: 'Log message' }));
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('debug.setBreakpoints', {
        path: 'server.py',
        breakpoints: [{ line: 12, condition: 'n > 1', logMessage: 'n is {n}' }],
      }),
    );
  });

  it('edits the condition it has, and an emptied condition leaves a plain breakpoint', async () => {
    const { fake } = renderPopover({ line: 12, condition: 'n > 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit condition…' }));
    const field = screen.getByRole('textbox', { name: 'Condition' }) as HTMLInputElement;
    expect(field.value).toBe('n > 1');
    fireEvent.change(field, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('debug.setBreakpoints', { path: 'server.py', breakpoints: [{ line: 12 }] }));
  });

  it('removes a log point', async () => {
    const removing = renderPopover({ line: 12, logMessage: 'hi' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove log point' }));
    await waitFor(() => expect(removing.fake.call).toHaveBeenCalledWith('debug.setBreakpoints', { path: 'server.py', breakpoints: [] }));
  });

  it('closes on Escape without a change', () => {
    const { fake, closed } = renderPopover({ line: 12 });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Condition…' }), { key: 'Escape' });
    expect(closed()).toBe(1);
    expect(fake.call).not.toHaveBeenCalled();
  });
});

describe('breakpoint glyphs', () => {
  it('each kind has its own glyph and says what it does on hover', () => {
    expect(breakpointGlyph({ line: 1 })).toMatchObject({
      className: 'editor-breakpoint-glyph',
      hover: expect.stringContaining('Breakpoint at line 1'),
    });
    expect(breakpointGlyph({ line: 2, condition: 'x' })).toMatchObject({
      className: 'editor-breakpoint-glyph conditional',
      hover: expect.stringContaining('only when `x`'),
    });
    expect(breakpointGlyph({ line: 3, condition: 'x', logMessage: 'v={v}' })).toMatchObject({
      className: 'editor-logpoint-glyph',
      hover: expect.stringContaining('logs `v={v}` when `x` and goes on'),
    });
  });
});
