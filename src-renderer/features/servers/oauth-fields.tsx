import { useId } from 'react';
import type { OAuthFlow } from '../../../src-shared/api/schemas/oauth-trace';
import type { OAuthFormErrors, OAuthFormFields, SecretField } from './oauth-form-model';

const FLOWS: { id: OAuthFlow; label: string; help: string }[] = [
  {
    id: 'authorizationCode',
    label: 'Browser sign-in',
    help: 'You sign in in your browser (authorization code with PKCE). The usual choice.',
  },
  {
    id: 'clientCredentials',
    label: 'Client credentials',
    help: 'A machine client: MCP Lab gets a token with its own client id and secret (or key). Nobody signs in.',
  },
  {
    id: 'crossApp',
    label: 'Cross-app access',
    help: 'Your company’s identity provider trades your ID token for access (Enterprise-Managed Authorization).',
  },
];

interface Props {
  fields: OAuthFormFields;
  errors: OAuthFormErrors;
  onChange(patch: Partial<OAuthFormFields>): void;
}

/**
 * How MCP Lab signs in to an OAuth-protected server. Empty = register itself and let you sign in
 * in the browser; a pre-registered client id (and secret), the URL of your client metadata
 * document, or a flow without a browser otherwise. Secrets go to the secret store, never back.
 */
export function OAuthFields({ fields: f, errors, onChange }: Props) {
  const configured = f.flow !== 'authorizationCode' || !!(f.clientId || f.clientMetadataUrl || f.scope);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <details className="client-features oauth-fields" open={hasErrors || configured || undefined}>
      <summary>
        Sign-in (OAuth) <span className="muted small">— {summary(f)}</span>
      </summary>
      <div className="client-features-body">
        <div className="field">
          <span className="field-label" id="oauth-flow-label">
            How to sign in
          </span>
          <span className="segmented small" role="radiogroup" aria-labelledby="oauth-flow-label">
            {FLOWS.map((x) => (
              <button key={x.id} type="button" role="radio" aria-checked={f.flow === x.id} onClick={() => onChange({ flow: x.id })}>
                {x.label}
              </button>
            ))}
          </span>
          <span className="field-help">{FLOWS.find((x) => x.id === f.flow)!.help}</span>
        </div>
        <Text
          label="Client ID"
          value={f.clientId}
          error={errors.clientId}
          onChange={(clientId) => onChange({ clientId })}
          placeholder={f.flow === 'authorizationCode' ? '(none: MCP Lab registers itself)' : 'registered with the authorization server'}
          help={
            f.flow === 'authorizationCode'
              ? 'A client registered beforehand, for servers without dynamic registration. Its redirect URI: http://127.0.0.1/callback (any port).'
              : undefined
          }
        />
        <Secret
          label="Client secret"
          field={f.clientSecret}
          error={errors.clientSecret}
          onChange={(clientSecret) => onChange({ clientSecret })}
        />
        {f.flow === 'clientCredentials' ? (
          <Secret
            label="Private key (PEM)"
            multiline
            field={f.clientKey}
            error={errors.clientKey}
            onChange={(clientKey) => onChange({ clientKey })}
            help="Instead of a secret: MCP Lab signs a JWT with it (private_key_jwt, EC or RSA)."
          />
        ) : null}
        {f.flow === 'authorizationCode' ? (
          <Text
            label="Client metadata document"
            value={f.clientMetadataUrl}
            error={errors.clientMetadataUrl}
            onChange={(clientMetadataUrl) => onChange({ clientMetadataUrl })}
            placeholder="https://example.com/mcp-lab-client.json"
            help="If you publish a Client ID Metadata Document, its URL is the client id where the server supports it (else MCP Lab registers)."
          />
        ) : null}
        {f.flow === 'crossApp' ? (
          <>
            <Text
              label="Identity provider token endpoint"
              value={f.idpTokenEndpoint}
              error={errors.idpTokenEndpoint}
              onChange={(idpTokenEndpoint) => onChange({ idpTokenEndpoint })}
              placeholder="https://idp.example.com/oauth2/token"
            />
            <Text
              label="Client ID at the identity provider"
              value={f.idpClientId}
              error={errors.idpClientId}
              onChange={(idpClientId) => onChange({ idpClientId })}
            />
            <Secret
              label="Client secret at the identity provider"
              field={f.idpClientSecret}
              error={errors.idpClientSecret}
              onChange={(idpClientSecret) => onChange({ idpClientSecret })}
            />
            <Secret
              label="ID token"
              multiline
              field={f.idpIdToken}
              error={errors.idpIdToken}
              onChange={(idpIdToken) => onChange({ idpIdToken })}
              help="From your sign-in at the identity provider (it expires: paste a fresh one when the exchange is refused)."
            />
          </>
        ) : null}
        <Text
          label="Scope"
          value={f.scope}
          error={errors.scope}
          onChange={(scope) => onChange({ scope })}
          placeholder="(what the server asks for)"
          help="Leave empty to ask for what the server names in its challenge or metadata."
        />
      </div>
    </details>
  );
}

function summary(f: OAuthFormFields): string {
  if (f.flow === 'clientCredentials') return `client credentials${f.clientId ? ` as ${f.clientId}` : ''}`;
  if (f.flow === 'crossApp') return 'cross-app access';
  if (f.clientId) return `pre-registered client ${f.clientId}`;
  if (f.clientMetadataUrl) return 'client metadata document';
  return 'when the server asks; MCP Lab registers itself';
}

function Text({
  label,
  value,
  error,
  onChange,
  placeholder,
  help,
}: {
  label: string;
  value: string;
  error?: string | undefined;
  onChange(v: string): void;
  placeholder?: string | undefined;
  help?: string | undefined;
}) {
  const id = useId();
  // The help is a description, not part of the field's name: "URL" must keep naming one field of the dialog.
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input mono"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={`${id}-help`}
        spellCheck={false}
      />
      <span id={`${id}-help`} className={error ? 'field-error' : 'field-help'}>
        {error ?? help}
      </span>
    </div>
  );
}

/** Write-only: a stored value is never shown; typing replaces it, "Forget" drops it. */
function Secret({
  label,
  field,
  error,
  onChange,
  multiline,
  help,
}: {
  label: string;
  field: SecretField;
  error?: string | undefined;
  onChange(v: SecretField): void;
  multiline?: boolean;
  help?: string | undefined;
}) {
  const placeholder = field.stored ? 'stored — type to replace' : '';
  const id = useId();
  return (
    <div className="field">
      <span className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {field.stored ? (
          <button type="button" className="link-button small" onClick={() => onChange({ value: '', stored: false })}>
            Forget the stored one
          </button>
        ) : null}
      </span>
      {multiline ? (
        <textarea
          id={id}
          aria-describedby={`${id}-help`}
          className="input mono"
          rows={3}
          value={field.value}
          placeholder={placeholder}
          onChange={(e) => onChange({ ...field, value: e.target.value })}
          aria-invalid={!!error}
          spellCheck={false}
        />
      ) : (
        <input
          id={id}
          aria-describedby={`${id}-help`}
          className="input mono"
          type="password"
          autoComplete="off"
          value={field.value}
          placeholder={placeholder}
          onChange={(e) => onChange({ ...field, value: e.target.value })}
          aria-invalid={!!error}
        />
      )}
      <span id={`${id}-help`} className={error ? 'field-error' : 'field-help'}>
        {error ?? help ?? 'Kept in the secret store, never in the workspace file.'}
      </span>
    </div>
  );
}
