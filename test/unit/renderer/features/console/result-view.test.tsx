import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ResultView } from '../../../../../src-renderer/features/console/result-view';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { outcome } from '../../helpers/fixtures';

/** A crashed call's card reads the server's state since (restarted or not) from the app's store. */
function inApp(node: ReactNode) {
  const fake = createFakeApi({});
  return (
    <ApiProvider api={fake.api} stores={{ workbench: createWorkbenchStore(fake.api), logs: createLogStore() }}>
      {node}
    </ApiProvider>
  );
}

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('ResultView', () => {
  it('ok: green status, duration and sizes, text pre-wrapped, JSON text pretty-printed', () => {
    const { container } = render(
      <ResultView
        outcome={outcome('ok', {
          result: {
            content: [
              { type: 'text', text: 'Hello\nworld' },
              { type: 'text', text: '{"a":1,"b":[2]}' },
            ],
          },
        })}
      />,
    );
    expect(screen.getByText('OK').className).toContain('outcome-ok');
    expect(screen.getByText('13 ms')).toBeTruthy();
    expect(screen.getByText('↑ 100 B')).toBeTruthy();
    expect(screen.getByText('↓ 200 B')).toBeTruthy();
    expect(container.querySelector('.result-text')?.textContent).toBe('Hello\nworld');
    expect(container.querySelector('.json-view')?.textContent).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
  });

  it('toolError is distinct from ok', () => {
    const { container } = render(
      <ResultView outcome={outcome('toolError', { result: { isError: true, content: [{ type: 'text', text: 'b must not be 0' }] } })} />,
    );
    expect(screen.getByText('Tool error').className).toContain('outcome-toolError');
    expect(container.querySelector('[data-status="toolError"]')).toBeTruthy();
    expect(screen.getByText(/reported a failure/)).toBeTruthy();
    expect(screen.getByText('b must not be 0')).toBeTruthy();
  });

  it('protocolError shows code, message and data', () => {
    render(<ResultView outcome={outcome('protocolError', { data: { field: 'a' } })} />);
    expect(screen.getByText('Protocol error')).toBeTruthy();
    expect(screen.getByText('-32602')).toBeTruthy();
    expect(screen.getByText(/Invalid params/)).toBeTruthy();
    expect(screen.getByLabelText('Error data').textContent).toContain('"field": "a"');
  });

  it('timeout, cancelled and crashed', () => {
    const { unmount } = render(<ResultView outcome={outcome('timeout')} />);
    expect(screen.getByText('Timed out')).toBeTruthy();
    expect(screen.getByText(/No answer within 1m 00s/)).toBeTruthy();
    unmount();
    const c = render(<ResultView outcome={outcome('cancelled')} />);
    expect(screen.getByText('Cancelled')).toBeTruthy();
    c.unmount();
    const { container } = render(inApp(<ResultView outcome={outcome('crashed')} />));
    expect(screen.getByText('Server crashed')).toBeTruthy();
    expect(screen.getByText(/exit code 3/)).toBeTruthy();
    expect(container.querySelector('.stderr-tail')?.textContent).toBe('fatal: boom');
  });

  it('a crash says how the process ended once, whether or not the engine message already says it', () => {
    const said = render(inApp(<ResultView outcome={outcome('crashed', { message: 'the server process exited (exit code 3)' })} />));
    expect(said.container.querySelector('.result-line')?.textContent).toBe('the server process exited (exit code 3)');
    said.unmount();
    const unsaid = render(
      inApp(<ResultView outcome={outcome('crashed', { message: 'the server went away', exitCode: null, signal: 'SIGKILL' })} />),
    );
    expect(unsaid.container.querySelector('.result-line')?.textContent).toBe('the server went away (signal SIGKILL)');
  });

  it('image and audio become data: URLs only for whitelisted types and clean base64', () => {
    const { container } = render(
      <ResultView
        outcome={outcome('ok', {
          result: {
            content: [
              { type: 'image', mimeType: 'image/png', data: PNG_1PX },
              { type: 'image', mimeType: 'image/svg+xml', data: 'PHN2Zz48L3N2Zz4=' },
              { type: 'image', mimeType: 'image/png', data: 'x" onerror="alert(1)' },
              { type: 'audio', mimeType: 'audio/wav', data: 'UklGRg==' },
            ],
          },
        })}
      />,
    );
    const imgs = container.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1PX}`);
    expect(container.querySelector('audio')?.getAttribute('src')).toBe('data:audio/wav;base64,UklGRg==');
    expect(screen.getAllByText(/Not previewed/)).toHaveLength(2);
  });

  it('resource links are text, never anchors; embedded resources show text or blob size', () => {
    const { container } = render(
      <ResultView
        outcome={outcome('ok', {
          result: {
            content: [
              { type: 'resource_link', uri: 'https://evil.example/x', name: 'n1', title: 'Note one', mimeType: 'application/json' },
              { type: 'resource', resource: { uri: 'notes://1', mimeType: 'text/plain', text: 'note body' } },
              { type: 'resource', resource: { uri: 'file:///bin', blob: 'AAAA' } },
            ],
          },
        })}
      />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByText('https://evil.example/x')).toBeTruthy();
    expect(screen.getByText('Note one')).toBeTruthy();
    expect(screen.getByText('note body')).toBeTruthy();
    expect(screen.getByText(/3 B binary/)).toBeTruthy();
  });

  it('structuredContent is shown as JSON and checked against the output schema', () => {
    render(
      <ResultView
        outcome={outcome('ok', { result: { content: [], structuredContent: { quotient: 'two' } } })}
        outputSchema={{ type: 'object', properties: { quotient: { type: 'number' } } }}
      />,
    );
    expect(screen.getByLabelText('Structured content').textContent).toContain('"quotient": "two"');
    expect(screen.getByText(/does not match the tool's output schema/)).toBeTruthy();
  });

  it('a text block that repeats structuredContent (key order aside) is shown once; a different text stays', () => {
    const { container, unmount } = render(
      <ResultView
        outcome={outcome('ok', { result: { content: [{ type: 'text', text: '{"b":[2],"a":1}' }], structuredContent: { a: 1, b: [2] } } })}
      />,
    );
    expect(container.querySelectorAll('.json-view')).toHaveLength(1);
    expect(screen.getByText(/also sent as text/)).toBeTruthy();
    unmount();
    render(
      <ResultView
        outcome={outcome('ok', { result: { content: [{ type: 'text', text: 'Quotient: 2' }], structuredContent: { quotient: 2 } } })}
      />,
    );
    expect(screen.getByText('Quotient: 2')).toBeTruthy();
    expect(screen.getByText('structuredContent')).toBeTruthy();
  });

  it('Raw toggles the raw result JSON', () => {
    render(<ResultView outcome={outcome('ok', { result: { content: [{ type: 'text', text: 'hi' }], _meta: { x: 1 } } })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByLabelText('Raw result JSON').textContent).toContain('"_meta"');
  });

  it('markup in a tool result is text: no script, no img, no handler runs', () => {
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>bold</b>';
    const { container } = render(
      <ResultView
        outcome={outcome('ok', {
          result: {
            content: [{ type: 'text', text: evil }, { type: 'resource_link', uri: 'javascript:alert(1)', name: evil }, { type: evil }],
            structuredContent: { html: evil },
          },
        })}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.result-text')?.textContent).toBe(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
