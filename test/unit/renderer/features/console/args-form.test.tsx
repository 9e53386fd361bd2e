import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../../src-shared/api/schemas/common';
import { ArgsForm } from '../../../../../src-renderer/features/console/args-form';
import { prepareToolSchema } from '../../../../../src-renderer/features/tools/schema/prepare-schema';
import { validateValue } from '../../../../../src-shared/json-schema/validate';

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

function Harness({
  onValue,
  input = schema,
  initial = { express: false, note: null },
}: {
  onValue(v: JsonObject): void;
  input?: object;
  initial?: JsonObject;
}) {
  const prepared = prepareToolSchema(input);
  const [value, setValue] = useState<JsonObject>(initial);
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

  it('a string keeps pasted line breaks in a box that grows; formats with their own input stay inputs', () => {
    let last: JsonObject = {};
    const code = {
      type: 'object',
      properties: { source: { type: 'string' }, body: { type: 'string', maxLength: 5000 }, email: { type: 'string', format: 'email' } },
    };
    const { container } = render(<Harness onValue={(v) => (last = v)} input={code} initial={{}} />);
    const source = container.querySelector<HTMLTextAreaElement>('#t_source')!;
    expect(source.tagName).toBe('TEXTAREA');
    expect(source.rows).toBe(1);
    fireEvent.change(source, { target: { value: 'def f():\n    return 1\n' } });
    expect(last.source).toBe('def f():\n    return 1\n');
    expect(container.querySelector<HTMLTextAreaElement>('#t_source')!.rows).toBe(3);
    // Long text announced by the schema starts taller; an email keeps its input.
    expect(container.querySelector<HTMLTextAreaElement>('#t_body')!.rows).toBe(3);
    expect(container.querySelector('#t_email')!.tagName).toBe('INPUT');
  });

  it('list items are labelled "item 1", "item 2", not "<list>-1"', () => {
    const list = { type: 'object', properties: { categories: { type: 'array', items: { type: 'string' } } } };
    render(<Harness onValue={() => {}} input={list} initial={{ categories: ['a', 'b'] }} />);
    expect((screen.getByLabelText(/^item 1/) as HTMLTextAreaElement).value).toBe('a');
    expect((screen.getByLabelText(/^item 2/) as HTMLTextAreaElement).value).toBe('b');
    expect(screen.queryByText(/categories-1/)).toBeNull();
  });

  it('shows descriptions as help text and marks required fields', () => {
    render(<Harness onValue={() => {}} />);
    expect(screen.getByText('Full name')).toBeTruthy();
    expect(screen.getByText('Ship overnight')).toBeTruthy();
    expect(screen.getAllByText('*').length).toBeGreaterThanOrEqual(2);
  });

  it('a recursive schema gets a finite form: nested levels as fields, the deeper part as JSON', () => {
    // The shape pydantic emits for a tree; before, the form expanded it without end and the window froze.
    const tree = {
      $defs: {
        Node: {
          type: 'object',
          properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/Node' }, default: [] } },
          required: ['value'],
        },
      },
      properties: { root: { $ref: '#/$defs/Node' } },
      required: ['root'],
      type: 'object',
    };
    let last: JsonObject = {};
    const { container } = render(<Harness input={tree} initial={{}} onValue={(v) => (last = v)} />);
    const add = (listId: string) => fireEvent.click(container.querySelector(`#${listId} > .form-add`)!);
    fireEvent.change(container.querySelector('#t_root_value')!, { target: { value: '1' } });
    add('t_root_children');
    fireEvent.change(container.querySelector('#t_root_children_0_value')!, { target: { value: '2' } });
    add('t_root_children_0_children');
    fireEvent.change(container.querySelector('#t_root_children_0_children_0_value')!, { target: { value: '3' } });
    add('t_root_children_0_children_0_children');

    // The fourth level is a JSON field that starts as a valid example.
    const json = container.querySelector<HTMLTextAreaElement>('textarea#t_root_children_0_children_0_children_0')!;
    expect(JSON.parse(json.value)).toEqual({ value: 0 });
    expect(screen.getByText('Deeper levels of this recursive type are edited as JSON.')).toBeTruthy();
    fireEvent.change(json, { target: { value: '{"value": 4, "children": [{"value": 5}' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Not valid JSON yet .*the arguments keep the last valid value\.$/);
    fireEvent.change(json, { target: { value: '{"value": 4, "children": [{"value": 5}]}' } });
    expect(screen.queryByRole('alert')).toBeNull();

    expect(last).toEqual({
      root: { value: 1, children: [{ value: 2, children: [{ value: 3, children: [{ value: 4, children: [{ value: 5 }] }] }] }] },
    });
    expect(validateValue(tree, last)).toEqual([]);
  });

  it('renders the recursive schema from the bug report (no types at all) as a finite form', () => {
    const bare = {
      $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } } } },
      properties: { root: { $ref: '#/$defs/n' } },
    };
    const { container } = render(<Harness input={bare} initial={{}} onValue={() => {}} />);
    expect(container.querySelectorAll('fieldset.form-object')).toHaveLength(3);
    expect(container.querySelector('textarea#t_root_next_next_next')).toBeTruthy();
  });
});
