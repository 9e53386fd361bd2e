import { SecretPairsEditor, type SecretPairRow, type SecretPairsProps } from './secret-pairs-editor';

export type EnvRow = SecretPairRow;

const WORDING = {
  legend: 'Environment',
  noun: 'Variable',
  empty: 'No extra variables. The server gets a minimal base environment (PATH from your login shell).',
  namePlaceholder: 'NAME',
  valuePlaceholder: 'value',
  addLabel: '+ Add variable',
  note: 'Secret values are write-only: they are stored outside the workspace file and never shown again.',
  newRow: (rowId: number): EnvRow => ({ rowId, key: '', value: '', secret: false }),
};

/** Environment variables of a process server. */
export function EnvEditor(props: SecretPairsProps<EnvRow>) {
  return <SecretPairsEditor {...props} w={WORDING} />;
}
