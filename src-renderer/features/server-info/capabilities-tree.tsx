/** What each capability (and its flags) means, in the words a server author knows from the spec. */
const CAPABILITIES: Record<string, { label: string; flags?: Record<string, string> }> = {
  tools: { label: 'Tools', flags: { listChanged: 'notifications when its tool list changes' } },
  resources: {
    label: 'Resources',
    flags: {
      subscribe: 'subscriptions to changes of a resource (resources/subscribe; subscriptions/listen in 2026-07-28)',
      listChanged: 'notifications when its resource list changes',
    },
  },
  prompts: { label: 'Prompts', flags: { listChanged: 'notifications when its prompt list changes' } },
  logging: { label: 'Logging', flags: {} },
  completions: { label: 'Completions', flags: {} },
  tasks: { label: 'Tasks' },
  experimental: { label: 'Experimental' },
};
const ORDER = ['tools', 'resources', 'prompts', 'logging', 'completions', 'tasks'];
const SUMMARY: Record<string, string> = {
  tools: 'answers tools/list and tools/call',
  resources: 'answers resources/list and resources/read',
  prompts: 'answers prompts/list and prompts/get',
  logging: 'sends log messages; logging/setLevel picks the minimum level',
  completions: 'suggests values for prompt arguments and template variables (completion/complete)',
  tasks: 'runs requests as tasks that can be polled and cancelled',
};

/** The server's capabilities as a tree: each one offered or not, its flags with what they mean, anything unknown as it came. */
export function CapabilitiesTree({ capabilities }: { capabilities: Record<string, unknown> }) {
  const names = [
    ...ORDER,
    ...Object.keys(capabilities)
      .filter((k) => !ORDER.includes(k))
      .sort(),
  ];
  return (
    <ul className="cap-tree" aria-label="Capabilities">
      {names.map((name) => {
        const offered = name in capabilities;
        const value = capabilities[name];
        return (
          <li key={name} className={`cap ${offered ? 'cap-on' : 'cap-off'}`}>
            <span className="cap-head">
              <span className="cap-mark" aria-hidden="true">
                {offered ? '✓' : '–'}
              </span>
              <span className="cap-name">{CAPABILITIES[name]?.label ?? name}</span>
              <code className="cap-key">{name}</code>
              <span className="muted small">{offered ? (SUMMARY[name] ?? '') : 'not offered'}</span>
            </span>
            {offered ? <CapabilityValue name={name} value={value} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CapabilityValue({ name, value }: { name: string; value: unknown }) {
  if (typeof value !== 'object' || value === null) {
    return value === true || value === undefined ? null : <code className="cap-raw">{JSON.stringify(value)}</code>;
  }
  const flags = CAPABILITIES[name]?.flags ?? {};
  const entries = Object.entries(value as Record<string, unknown>);
  const known = Object.keys(flags).filter((f) => !(f in (value as Record<string, unknown>)));
  if (entries.length === 0 && known.length === 0) return null;
  return (
    <ul className="cap-flags">
      {entries.map(([k, v]) => (
        <li key={k}>
          <code>{k}</code>
          {typeof v === 'boolean' ? (
            <span className={v ? 'flag-on' : 'flag-off'}>{v ? ' yes' : ' no'}</span>
          ) : typeof v === 'object' && v !== null ? (
            <NestedValue value={v as Record<string, unknown>} />
          ) : (
            <code> {JSON.stringify(v)}</code>
          )}
          {flags[k] ? <span className="muted small"> — {flags[k]}</span> : null}
        </li>
      ))}
      {known.map((k) => (
        <li key={k} className="cap-off">
          <code>{k}</code>
          <span className="flag-off"> not declared</span>
          <span className="muted small"> — {flags[k]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Nested capability objects (tasks.requests.tools.call, experimental.*): shown as a tree of keys. */
function NestedValue({ value }: { value: Record<string, unknown> }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted small"> {'{}'}</span>;
  return (
    <ul className="cap-flags">
      {entries.map(([k, v]) => (
        <li key={k}>
          <code>{k}</code>
          {typeof v === 'object' && v !== null ? <NestedValue value={v as Record<string, unknown>} /> : <code> {JSON.stringify(v)}</code>}
        </li>
      ))}
    </ul>
  );
}
