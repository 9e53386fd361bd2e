import { describe, expect, it } from 'vitest';
import type { PromptInfo } from '../../../../../src-shared/api/schemas/prompt';
import { parsePromptArgsText, promptArgsSchema, promptArgsText } from '../../../../../src-renderer/features/prompts/prompt-json';

const prompt: PromptInfo = {
  name: 'summarize',
  arguments: [{ name: 'topic', required: true, description: 'What about' }, { name: 'style' }],
};

describe('prompt arguments as JSON', () => {
  it('shows every declared argument, typed values kept, extra ones too', () => {
    expect(JSON.parse(promptArgsText(prompt, { topic: 'a\nb', extra: 'x' }))).toEqual({ topic: 'a\nb', style: '', extra: 'x' });
  });

  it('reads an object of strings, line breaks included', () => {
    expect(parsePromptArgsText('{ "topic": "line 1\\nline 2" }')).toEqual({ ok: true, values: { topic: 'line 1\nline 2' } });
  });

  it('refuses a value that is not a string, and says how to fix it', () => {
    const p = parsePromptArgsText('{ "topic": 7 }');
    expect(p).toEqual({ ok: false, error: expect.stringContaining('"topic" is a number') });
    expect(p.ok ? '' : p.error).toContain('"topic": "7"');
  });

  it('explains malformed JSON and a non-object like the tools do', () => {
    expect(parsePromptArgsText('{ "topic": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed JSON/) });
    expect(parsePromptArgsText('[]')).toMatchObject({ ok: false, error: expect.stringContaining('not an array') });
  });

  it('checks against a schema of strings with the required ones', () => {
    expect(promptArgsSchema(prompt)).toEqual({
      type: 'object',
      properties: { topic: { type: 'string', description: 'What about' }, style: { type: 'string' } },
      required: ['topic'],
      additionalProperties: { type: 'string' },
    });
  });
});
