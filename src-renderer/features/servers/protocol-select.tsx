import { INITIALIZE_PROTOCOL_VERSIONS, STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';

/** Which protocol revision MCP Lab speaks with a server: auto-detected, or pinned. */
export function ProtocolSelect({ value, onChange }: { value: ProtocolPin; onChange(v: ProtocolPin): void }) {
  return (
    <label className="field">
      <span className="field-label">Protocol</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value as ProtocolPin)} aria-describedby="protocol-help">
        <option value="auto">auto (server/discover, then initialize)</option>
        <option value={STATELESS_PROTOCOL_VERSION}>{STATELESS_PROTOCOL_VERSION} (stateless)</option>
        {INITIALIZE_PROTOCOL_VERSIONS.map((v) => (
          <option key={v} value={v}>
            {v} (initialize)
          </option>
        ))}
      </select>
      <span className="field-help" id="protocol-help">
        Auto asks <code>server/discover</code> first and falls back to <code>initialize</code> on the same process (for a remote server, the
        same connection). A pinned initialize-era version is what <code>initialize</code> asks for; pinned {STATELESS_PROTOCOL_VERSION}{' '}
        never falls back. Applies at the next start.
      </span>
    </label>
  );
}
