import type { HeaderRow } from './remote-form-model';
import { SecretPairsEditor, type SecretPairsProps } from './secret-pairs-editor';

const WORDING = {
  legend: 'Headers',
  noun: 'Header',
  empty: 'No headers. A server that wants a token usually takes it as Authorization: Bearer <token> (mark it secret).',
  namePlaceholder: 'Authorization',
  valuePlaceholder: 'Bearer …',
  addLabel: '+ Add header',
  note: 'Secret values are stored outside the workspace file, never shown again, and blanked out of the log.',
  // The first header is nearly always a token: offer it, already secret.
  newRow: (rowId: number, rows: HeaderRow[]): HeaderRow => ({
    rowId,
    key: rows.length === 0 ? 'Authorization' : '',
    value: '',
    secret: rows.length === 0,
  }),
};

/** HTTP headers sent with every request to a remote server; secret values are write-only, as for env. */
export function HeadersEditor(props: SecretPairsProps<HeaderRow>) {
  return <SecretPairsEditor {...props} w={WORDING} />;
}
