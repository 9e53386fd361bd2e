import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';

/** Servers whose tools live in a file MCP Lab can read: made from a template, or run as `… x.py` / `… x.ts`. */
export function hasToolSource(server: ServerSummary): boolean {
  const c = server.config;
  return c.transport === 'stdio' && (!!c.source || c.args.some((a) => /\.(py|ts|mts)$/.test(a)));
}

/** "Add tool" and "Edit in builder" for a server whose source the builder can edit. */
export function BuilderBar({ server, selected }: { server: ServerSummary; selected: string | null }) {
  const { openDialog } = useActions();
  const serverId = server.config.id;
  return (
    <div className="builder-bar">
      <button type="button" className="button small" onClick={() => openDialog({ kind: 'toolBuilder', serverId })}>
        + Add tool
      </button>
      {selected ? (
        <button type="button" className="button small" onClick={() => openDialog({ kind: 'toolBuilder', serverId, toolName: selected })}>
          Edit {selected} in builder
        </button>
      ) : null}
    </div>
  );
}
