import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract } from '../../../../src-shared/api/contract';

const streams = Object.entries(apiContract.streams) as Array<[string, { params: z.ZodType; event: z.ZodType }]>;
const takesServerId = streams.filter(([, s]) => s.params instanceof z.ZodObject && 'serverId' in s.params.shape);

describe('streams and serverId: one rule', () => {
  it('every stream that takes a serverId takes it as an optional filter (without it: every server)', () => {
    expect(takesServerId.length).toBeGreaterThan(10);
    const required = takesServerId.filter(([, s]) => !s.params.safeParse({}).success).map(([name]) => name);
    expect(required).toEqual([]);
  });
});
