import Form from '@rjsf/core';
import type { ErrorSchema, UiSchema } from '@rjsf/utils';
import { memo } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { JsonSchema } from '../tools/schema/json-schema';
import { createFormValidator } from '../tools/schema/rjsf-validator';
import { formTemplates } from './form-templates';
import { formWidgets } from './form-widgets';

const validator = createFormValidator();
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
      showErrorList={false}
      noHtml5Validate
      extraErrors={errors}
      onChange={(e) => onChange((e.formData ?? {}) as JsonObject)}
    />
  );
});
