import { describe, expect, it } from 'vitest';
import { ElicitationRuleSchema, SamplingRuleSchema } from '../../../../../src-shared/api/schemas/client-features';
import { findElicitationRule, findSamplingRule, lastUserText } from '../../../../../src-main/engine/client-requests/auto-reply';

const sampling = (...rules: object[]) => rules.map((r) => SamplingRuleSchema.parse(r));
const params = (text: string) => ({
  messages: [
    { role: 'user', content: { type: 'text', text: 'first question' } },
    { role: 'assistant', content: { type: 'text', text: 'WEATHER is nice' } },
    {
      role: 'user',
      content: [
        { type: 'text', text: text },
        { type: 'image', data: 'AA==', mimeType: 'image/png' },
      ],
    },
  ],
});

describe('auto-reply rules', () => {
  it('reads the text blocks of the last user message only', () => {
    expect(lastUserText(params('Tell me the weather'))).toBe('Tell me the weather');
    expect(lastUserText({ messages: [] })).toBe('');
    expect(lastUserText({})).toBe('');
  });

  it('takes the first rule that matches: a case-insensitive substring, a regex as written, or empty for everything', () => {
    const rules = sampling({ match: 'weather', text: 'sunny' }, { match: '^Sum \\d+', regex: true, text: '42' }, { text: 'fallback' });
    expect(findSamplingRule(rules, params('WEATHER today?'))?.rule.text).toBe('sunny');
    expect(findSamplingRule(rules, params('Sum 12'))?.index).toBe(1);
    expect(findSamplingRule(rules, params('sum 12'))?.rule.text).toBe('fallback'); // the regex is case-sensitive
    expect(findSamplingRule(rules.slice(0, 2), params('nothing'))).toBeUndefined();
    // The assistant's earlier "WEATHER" does not count: only the last user message is matched.
    expect(findSamplingRule(rules.slice(0, 1), params('hello'))).toBeUndefined();
  });

  it('matches elicitation rules against the request message', () => {
    const rules = [
      ElicitationRuleSchema.parse({ match: 'newsletter', action: 'decline' }),
      ElicitationRuleSchema.parse({ action: 'accept', content: { a: 1 } }),
    ];
    expect(findElicitationRule(rules, { message: 'Join our Newsletter?' })?.rule.action).toBe('decline');
    expect(findElicitationRule(rules, { message: 'Who are you?' })?.rule).toMatchObject({ action: 'accept', content: { a: 1 } });
  });

  it('refuses a regex that does not compile when the config is saved', () => {
    expect(SamplingRuleSchema.safeParse({ match: '(', regex: true, text: 'x' }).success).toBe(false);
    expect(SamplingRuleSchema.safeParse({ match: '(', regex: false, text: 'x' }).success).toBe(true);
  });
});
