import type { ToolInfo } from '../../../src-shared/api/schemas/tool';

const BADGES = [
  { key: 'readOnlyHint', label: 'read-only', cls: 'badge-readonly', title: 'The tool does not change its environment' },
  { key: 'destructiveHint', label: 'destructive', cls: 'badge-destructive', title: 'The tool may delete or overwrite things' },
  {
    key: 'idempotentHint',
    label: 'idempotent',
    cls: 'badge-idempotent',
    title: 'Calling it again with the same arguments has no further effect',
  },
  {
    key: 'openWorldHint',
    label: 'open-world',
    cls: 'badge-openworld',
    title: 'The tool talks to things outside the server (the web, other services)',
  },
] as const;

/** The annotations a server declared (hints, not guarantees): only the ones set to true. */
export function ToolAnnotations({ tool }: { tool: ToolInfo }) {
  const a = tool.annotations;
  if (!a) return null;
  const shown = BADGES.filter((b) => a[b.key] === true);
  if (shown.length === 0) return null;
  return (
    <span className="badges">
      {shown.map((b) => (
        <span key={b.key} className={`badge ${b.cls}`} title={b.title}>
          {b.label}
        </span>
      ))}
    </span>
  );
}

export function toolTitle(tool: ToolInfo): string {
  return tool.title ?? tool.annotations?.title ?? tool.name;
}
