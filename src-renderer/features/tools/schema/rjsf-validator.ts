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
import type { JsonSchema } from './json-schema';
import { type ArgIssue, type ArgsValidator, createArgsValidator } from './validate-args';

/**
 * The form library's validator interface over the same interpreting validator the console uses
 * (see validate-args.ts for why it is not Ajv). The form uses it to pick anyOf/oneOf branches and
 * to evaluate conditionals; the console shows argument problems itself.
 */
export function issuesToErrorSchema(issues: ArgIssue[]): ErrorSchema {
  const b = new ErrorSchemaBuilder();
  for (const i of issues) b.addErrors(i.message, i.path.length ? i.path : undefined);
  return b.ErrorSchema;
}

export function createFormValidator(): ValidatorType {
  const cache = new WeakMap<object, WeakMap<object, ArgsValidator>>();
  const validatorFor = (schema: RJSFSchema, root?: RJSFSchema): ArgsValidator => {
    const rootKey = (root ?? schema) as object;
    let byRoot = cache.get(schema as object);
    if (!byRoot) cache.set(schema as object, (byRoot = new WeakMap()));
    let v = byRoot.get(rootKey);
    if (!v) {
      const r = root as JsonSchema | undefined;
      const withDefs: JsonSchema = { ...(schema as JsonSchema) };
      if (r?.$defs && !withDefs.$defs) withDefs.$defs = r.$defs;
      if (r?.definitions && !withDefs.definitions) withDefs.definitions = r.definitions;
      if (r?.$schema && !withDefs.$schema) withDefs.$schema = r.$schema;
      v = createArgsValidator(withDefs);
      byRoot.set(rootKey, v);
    }
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
    isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
      return validatorFor(schema, rootSchema)(formData).length === 0;
    },
    rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
      return { errors: validatorFor(schema)(formData) as Result[] };
    },
  };
}
