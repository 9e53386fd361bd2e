import { describe, expect, it } from 'vitest';
import { sdkSchemaValidator } from '../../../../../src-main/engine/mcp/sdk-schema-validator';

describe('sdkSchemaValidator', () => {
  it("answers in the SDK's shape with MCP Lab's own rules and words", () => {
    const v = sdkSchemaValidator.getValidator<{ n: number }>({
      type: 'object',
      properties: { n: { type: 'integer', minimum: 1 } },
      required: ['n'],
    });
    expect(v({ n: 2 })).toEqual({ valid: true, data: { n: 2 }, errorMessage: undefined });
    expect(v({ n: 0 })).toEqual({ valid: false, data: undefined, errorMessage: 'n: must be at least 1' });
    expect(v({})).toEqual({ valid: false, data: undefined, errorMessage: 'n: is required' });
  });
});
