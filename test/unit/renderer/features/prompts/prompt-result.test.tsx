import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PromptGetOutcome } from '../../../../../src-shared/api/schemas/prompt';
import { PromptResult } from '../../../../../src-renderer/features/prompts/prompt-result';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const base = { serverId: 's', method: 'prompts/get', startedAt: 1_700_000_000_000, durationMs: 4.2, requestBytes: 90 };

describe('PromptResult', () => {
  it('shows every message by role, with text, image, audio, resource links and embedded resources', () => {
    const outcome = {
      ...base,
      status: 'ok',
      responseBytes: 600,
      result: {
        description: 'Weather in Paris',
        messages: [
          { role: 'user', content: { type: 'text', text: 'What is the weather?\nIn Paris.' } },
          { role: 'assistant', content: { type: 'image', mimeType: 'image/png', data: PNG_1PX } },
          { role: 'user', content: { type: 'audio', mimeType: 'audio/wav', data: 'UklGRg==' } },
          { role: 'assistant', content: { type: 'resource_link', uri: 'demo://resource/dynamic/text/1', name: 'Text Resource 1' } },
          {
            role: 'user',
            content: { type: 'resource', resource: { uri: 'demo://resource/dynamic/text/3', mimeType: 'text/plain', text: 'Resource 3' } },
          },
        ],
      },
    } as PromptGetOutcome;
    const { container } = render(<PromptResult outcome={outcome} />);
    expect(screen.getByText('OK')).toBeTruthy();
    expect(screen.getByText('4 ms')).toBeTruthy();
    expect(screen.getByText('Weather in Paris')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'Message 1: user',
      'Message 2: assistant',
      'Message 3: user',
      'Message 4: assistant',
      'Message 5: user',
    ]);
    expect(container.querySelector('.result-text')?.textContent).toBe('What is the weather?\nIn Paris.');
    expect(container.querySelector('img')?.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1PX}`);
    expect(container.querySelector('audio')).toBeTruthy();
    expect(screen.getByText('demo://resource/dynamic/text/1')).toBeTruthy();
    expect(screen.getByText('Resource 3')).toBeTruthy();
    // Outside a server view there is nowhere to open a link: no Open button.
    expect(screen.queryByRole('button', { name: /Open/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByLabelText('Raw result JSON').textContent).toContain('"role": "assistant"');
  });

  it('renders a <script> in prompt text as text', () => {
    const evil = '<script>window.pwned = 1</script>';
    const { container } = render(
      <PromptResult
        outcome={
          {
            ...base,
            status: 'ok',
            responseBytes: 10,
            result: { messages: [{ role: 'user', content: { type: 'text', text: evil } }] },
          } as PromptGetOutcome
        }
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText(evil)).toBeTruthy();
  });

  it('a FastMCP "code 0" error shows the code, the message and what code 0 means', () => {
    render(<PromptResult outcome={{ ...base, status: 'protocolError', code: 0, message: "Error rendering prompt 'summarize': boom" }} />);
    expect(screen.getByText('Protocol error')).toBeTruthy();
    expect(screen.getByText('0')).toBeTruthy();
    expect(screen.getByText(/Error rendering prompt 'summarize': boom/)).toBeTruthy();
    expect(screen.getByText(/FastMCP answers with it/)).toBeTruthy();
  });
});
