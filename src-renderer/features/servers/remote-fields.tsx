import type { RemoteTransport } from '../../../src-shared/api/schemas/server';
import { HeadersEditor } from './headers-editor';
import { OAuthFields } from './oauth-fields';
import { suggestTransport, type RemoteFormErrors, type RemoteFormFields } from './remote-form-model';

interface Props {
  fields: RemoteFormFields;
  errors: RemoteFormErrors;
  onChange(patch: Partial<RemoteFormFields>): void;
  nextRowId(): number;
}

const TRANSPORTS: { id: RemoteTransport; label: string; help: string }[] = [
  { id: 'http', label: 'Streamable HTTP', help: 'The current transport (2025-03-26 on), usually at /mcp.' },
  { id: 'sse', label: 'SSE (older)', help: 'The HTTP+SSE transport of 2024-11-05, usually at /sse.' },
];

/** The URL half of the server dialog: where the server is, which transport, which headers. */
export function RemoteFields({ fields, errors, onChange, nextRowId }: Props) {
  const suggested = suggestTransport(fields.url);
  return (
    <>
      <label className="field">
        <span className="field-label">
          URL{' '}
          <span className="required" aria-hidden="true">
            *
          </span>
        </span>
        <input
          className="input mono"
          placeholder="http://127.0.0.1:3000/mcp"
          value={fields.url}
          inputMode="url"
          onChange={(e) => {
            const url = e.target.value;
            const t = suggestTransport(url);
            onChange({ url, ...(t ? { remoteTransport: t } : {}) });
          }}
          aria-invalid={!!errors.url}
        />
        {errors.url ? <span className="field-error">{errors.url}</span> : null}
      </label>
      <div className="field">
        <span className="field-label" id="transport-label">
          Transport
        </span>
        <span className="segmented small" role="radiogroup" aria-labelledby="transport-label">
          {TRANSPORTS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="radio"
              aria-checked={fields.remoteTransport === t.id}
              onClick={() => onChange({ remoteTransport: t.id })}
            >
              {t.label}
            </button>
          ))}
        </span>
        <span className="field-help">
          {TRANSPORTS.find((t) => t.id === fields.remoteTransport)!.help}
          {suggested && suggested !== fields.remoteTransport ? ' The URL’s path suggests the other one.' : ''}
        </span>
      </div>
      <HeadersEditor rows={fields.headers} errors={errors.headers} onChange={(headers) => onChange({ headers })} nextRowId={nextRowId} />
      <OAuthFields
        fields={fields.oauth}
        errors={errors.oauth ?? {}}
        onChange={(patch) => onChange({ oauth: { ...fields.oauth, ...patch } })}
      />
    </>
  );
}
