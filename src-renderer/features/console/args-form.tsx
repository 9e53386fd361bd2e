// The Form module itself: @rjsf/core's index also exports a test registry that pulls in an Ajv validator.
import Form from '@rjsf/core/lib/components/Form.js';
import type { ErrorSchema, RegistryFieldsType, UiSchema } from '@rjsf/utils';
import { memo } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { JsonSchema } from '../../../src-shared/json-schema/schema-node';
import { createFormValidator } from '../tools/schema/rjsf-validator';
import { formTemplates } from './form-templates';
import { formWidgets } from './form-widgets';
import { JsonValueField } from './json-value-field';

const validator = createFormValidator();
// A schema the form cannot show as fields (no type; the deeper part of a recursive type) is JSON text.
const fields: RegistryFieldsType = { FallbackField: JsonValueField };
const uiSchema: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  'ui:globalOptions': { copyable: false },
};

interface Props {
  idPrefix: string;
  schema: JsonSchema;
  value: JsonObject;
  onChange(value: JsonObject): void;
  errors?: ErrorSchema;
}

export { validator as formValidator };

/** The generated argument form: our templates, our validator, no submit (the console's Call button sends). */
export const ArgsForm = memo(function ArgsForm({ idPrefix, schema, value, onChange, errors }: Props) {
  return (
    <Form
      tagName="div"
      className="args-form"
      idPrefix={idPrefix}
      schema={schema}
      uiSchema={uiSchema}
      formData={value}
      validator={validator}
      templates={formTemplates}
      widgets={formWidgets}
      fields={fields}
      showErrorList={false}
      noHtml5Validate
      extraErrors={errors}
      onChange={(e) => onChange((e.formData ?? {}) as JsonObject)}
    />
  );
});
