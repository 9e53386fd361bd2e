import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../../src-shared/api/schemas/common';
import { ArgsForm } from '../../../../../src-renderer/features/console/args-form';
import { prepareToolSchema } from '../../../../../src-renderer/features/tools/schema/prepare-schema';

// A pydantic-style nested schema: $defs, an Optional field, a list with a default.
const schema = {
  type: 'object',
  properties: {
    customer: { $ref: '#/$defs/Customer' },
    quantity: { type: 'integer', minimum: 1, title: 'Quantity' },
    express: { type: 'boolean', default: false, description: 'Ship overnight' },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
  },
  required: ['customer', 'quantity'],
  $defs: {
    Customer: {
      type: 'object',
      properties: { name: { type: 'string', description: 'Full name' }, email: { type: 'string', format: 'email' } },
      required: ['name'],
    },
  },
};

function Harness({ onValue }: { onValue(v: JsonObject): void }) {
  const prepared = prepareToolSchema(schema);
  const [value, setValue] = useState<JsonObject>({ express: false, note: null });
  return (
    <ArgsForm
      idPrefix="t"
      schema={prepared.form}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

describe('ArgsForm', () => {
  it('produces nested arguments from a $defs schema, with a null toggle for Optional fields', () => {
    let last: JsonObject = {};
    const { container } = render(<Harness onValue={(v) => (last = v)} />);
    fireEvent.change(container.querySelector('#t_customer_name')!, { target: { value: 'Ada Lovelace' } });
    fireEvent.change(container.querySelector('#t_customer_email')!, { target: { value: 'ada@example.org' } });
    fireEvent.change(container.querySelector('#t_quantity')!, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /express/i }));
    expect(last).toEqual({ customer: { name: 'Ada Lovelace', email: 'ada@example.org' }, quantity: 3, express: true, note: null });

    // "note" starts as null (its default); switching null off gives an empty string to edit.
    const nullToggle = screen.getByRole('checkbox', { name: 'note is null' }) as HTMLInputElement;
    expect(nullToggle.checked).toBe(true);
    fireEvent.click(nullToggle);
    fireEvent.change(container.querySelector('#t_note')!, { target: { value: 'leave at the door' } });
    expect(last.note).toBe('leave at the door');
    fireEvent.click(screen.getByRole('checkbox', { name: 'note is null' }));
    expect(last.note).toBeNull();
  });

  it('shows descriptions as help text and marks required fields', () => {
    render(<Harness onValue={() => {}} />);
    expect(screen.getByText('Full name')).toBeTruthy();
    expect(screen.getByText('Ship overnight')).toBeTruthy();
    expect(screen.getAllByText('*').length).toBeGreaterThanOrEqual(2);
  });
});
