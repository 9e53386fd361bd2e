import {
  type CustomValidator,
  type ErrorSchema,
  ErrorSchemaBuilder,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { type SchemaIssue, type SchemaValidator, createValidator } from '../../../../src-shared/json-schema/validate';

/**
 * The form library's validator interface over MCP Lab's one validator (which interprets schemas,
 * so it runs under the UI's no-eval CSP). The form uses it to pick anyOf/oneOf branches and to
 * fill defaults; the console shows argument problems itself, checked against the tool's own schema.
 * The form's schema has no references left (prepare-schema inlines them), so each piece it asks
 * about stands alone.
 */
export function issuesToErrorSchema(issues: SchemaIssue[]): ErrorSchema {
  const b = new ErrorSchemaBuilder();
  for (const i of issues) b.addErrors(i.message, i.path.length ? i.path : undefined);
  return b.ErrorSchema;
}

export function createFormValidator(): ValidatorType {
  // The form asks about the same schema objects again and again while it renders.
  const cache = new WeakMap<object, SchemaValidator>();
  const validatorFor = (schema: RJSFSchema): SchemaValidator => {
    let v = cache.get(schema as object);
    if (!v) cache.set(schema as object, (v = createValidator(schema)));
    return v;
  };

  return {
    validateFormData(
      formData: unknown,
      schema: RJSFSchema,
      customValidate?: CustomValidator,
      transformErrors?: ErrorTransformer,
      uiSchema?: UiSchema,
    ): ValidationData<unknown> {
      const issues = validatorFor(schema)(formData);
      const errorSchema = issuesToErrorSchema(issues);
      let errors: RJSFValidationError[] = issues.map((i) => ({
        property: i.path.length ? `.${i.path.join('.')}` : '.',
        message: i.message,
        stack: i.path.length ? `${i.path.join('.')} ${i.message}` : i.message,
      }));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      // `customValidate` is never passed by MCP Lab's forms.
      void customValidate;
      return { errors, errorSchema };
    },
    isValid(schema: RJSFSchema, formData: unknown): boolean {
      return validatorFor(schema)(formData).length === 0;
    },
    rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
      return { errors: validatorFor(schema)(formData) as Result[] };
    },
  };
}
