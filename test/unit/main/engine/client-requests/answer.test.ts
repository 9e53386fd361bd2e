import { describe, expect, it } from 'vitest';
import { ClientRequestResponseSchema } from '../../../../../src-shared/api/schemas/client-request';
import { answerFor } from '../../../../../src-main/engine/client-requests/answer';

const sampling = { kind: 'sampling' as const, method: 'sampling/createMessage', params: { messages: [], maxTokens: 10 } };
const form = {
  kind: 'elicitation' as const,
  method: 'elicitation/create',
  params: { message: 'Who?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
};
const url = {
  kind: 'elicitation' as const,
  method: 'elicitation/create',
  params: { mode: 'url', message: 'Go', url: 'https://x.test', elicitationId: 'e' },
};
const r = (v: unknown) => ClientRequestResponseSchema.parse(v);

describe('answerFor', () => {
  it('builds the sampling result, or the JSON-RPC error of a rejection', () => {
    expect(answerFor(sampling, r({ action: 'reply', content: { type: 'text', text: 'hi' }, model: 'm' }))).toEqual({
      result: { role: 'assistant', content: { type: 'text', text: 'hi' }, model: 'm' },
    });
    const rejected = answerFor(sampling, r({ action: 'reject' }));
    expect('error' in rejected && { code: rejected.error.code, message: rejected.error.message }).toEqual({
      code: -1,
      message: 'User rejected sampling request',
    });
  });

  it('refuses an answer of the wrong kind', () => {
    expect(() => answerFor(sampling, r({ action: 'accept' }))).toThrow(
      'a sampling/createMessage request is answered with reply or reject, not "accept"',
    );
    expect(() => answerFor(form, r({ action: 'reject' }))).toThrow(/answered with accept or decline or cancel/);
  });

  it('checks form values against the requested schema; URL mode takes no content', () => {
    expect(() => answerFor(form, r({ action: 'accept', content: {} }))).toThrow(
      'the answer does not match the form the server asked for: name: is required',
    );
    expect(answerFor(form, r({ action: 'accept', content: { name: 'Ada' } }))).toEqual({
      result: { action: 'accept', content: { name: 'Ada' } },
    });
    expect(answerFor(form, r({ action: 'decline' }))).toEqual({ result: { action: 'decline' } });
    expect(answerFor(url, r({ action: 'accept' }))).toEqual({ result: { action: 'accept' } });
    expect(() => answerFor(url, r({ action: 'accept', content: { a: 1 } }))).toThrow(/URL-mode elicitation is accepted without content/);
  });

  it('refuses image data that is not plain base64 at the contract', () => {
    expect(
      ClientRequestResponseSchema.safeParse({
        action: 'reply',
        content: { type: 'image', data: 'data:image/png;base64,AA==', mimeType: 'image/png' },
        model: 'm',
      }).success,
    ).toBe(false);
  });
});
