import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { createValidator, formatIssues } from '../../../src-shared/json-schema/validate';

/**
 * The SDK client's schema validator slot, filled with MCP Lab's own validator: whatever the SDK
 * checks (it caches output-schema validators on tools/list) is judged by the same rules as the
 * console and saved tests, and no second validator (the SDK's default Ajv) is built per connection.
 */
export const sdkSchemaValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    const validate = createValidator(schema);
    return (input) => {
      const issues = validate(input);
      return issues.length
        ? { valid: false, data: undefined, errorMessage: formatIssues(issues) }
        : { valid: true, data: input as T, errorMessage: undefined };
    };
  },
};
