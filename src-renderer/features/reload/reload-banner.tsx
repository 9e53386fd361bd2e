import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { ToolChange } from '../../../src-shared/api/schemas/reload';
import { useActions, useWorkbench } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { uiSelectors } from '../../store/slices/ui-slice';
import { DiffView } from '../editor/code-editor';
import { safeName } from '../../components/server-name';

const MARK = { added: '+', removed: '−', changed: '~' } as const;

/**
 * The editor alone: the banners of the servers a save restarted, so the user sees the reload where they
 * are (a failed one shows in the editor's error panel). Re-run there opens the server beside the code.
 */
export function EditorReloadBanners() {
  const servers = useWorkbench(
    useShallow((s) =>
      Object.values(s.reloads)
        .filter((e) => e.state !== 'failed' && s.serversById[e.serverId])
        .map((e) => s.serversById[e.serverId]!),
    ),
  );
  return (
    <>
      {servers.map((server) => (
        <ReloadBanner key={server.config.id} server={server} inEditor />
      ))}
    </>
  );
}

/** After a hot reload: what changed in the server's tools and lists, with a diff and "re-run". */
export function ReloadBanner({ server, inEditor = false }: { server: ServerSummary; inEditor?: boolean }) {
  const id = server.config.id;
  const event = useWorkbench((s) => s.reloads[id]);
  const selectedTool = useWorkbench(uiSelectors.selectedTool(id));
  const { callTool, openFile, selectServer, setMainView } = useActions();
  const rerun = (tool: string) => {
    if (inEditor) {
      selectServer(id);
      setMainView('split');
    }
    void callTool(id, tool);
  };
  const who = inEditor ? `${safeName(server.config.name)}: ` : '';
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [diffOf, setDiffOf] = useState<ToolChange | null>(null);
  if (!event || dismissed === event.at) return null;
  const files = event.trigger.join(', ');
  if (event.state === 'restarting') {
    return (
      <div className="reload-banner" role="status">
        {who}Restarting after {files} changed…
      </div>
    );
  }
  if (event.state === 'failed') {
    const loc = event.error?.location;
    return (
      <div className="reload-banner reload-failed" role="alert">
        <span>
          Saving {files} broke the server: {event.error?.message}
        </span>
        {loc?.workspacePath ? (
          <button type="button" className="button small" onClick={() => void openFile(loc.workspacePath!, loc.line)}>
            Open {loc.file.split('/').pop()} at line {loc.line}
          </button>
        ) : null}
      </div>
    );
  }
  const changes = [
    ...event.tools.map((t) => ({ key: `tool:${t.name}`, text: `${MARK[t.change]} ${t.name}`, tool: t })),
    ...event.others.map((o) => ({ key: `${o.kind}:${o.name}`, text: `${MARK[o.change]} ${o.kind} ${o.name}`, tool: undefined })),
  ];
  return (
    <div className="reload-banner reload-ok" role="status" aria-label="Hot reload">
      <span>
        {who}Reloaded after {files} changed{changes.length ? ':' : ' — no change in tools, resources or prompts.'}
      </span>
      {changes.map((c) =>
        c.tool && c.tool.change === 'changed' ? (
          <button
            key={c.key}
            type="button"
            className="change-chip chip-changed"
            title="Show what changed"
            onClick={() => setDiffOf(c.tool!)}
          >
            {c.text} (diff)
          </button>
        ) : (
          <span key={c.key} className={`change-chip chip-${c.tool?.change ?? 'other'}`}>
            {c.text}
          </span>
        ),
      )}
      <span className="topbar-spacer" />
      {selectedTool && server.status.state === 'ready' ? (
        <button type="button" className="button small" onClick={() => rerun(selectedTool)}>
          Re-run {selectedTool}
        </button>
      ) : null}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(event.at)}>
        ✕
      </button>
      {diffOf ? (
        <ModalDialog title={`What changed in ${diffOf.name}`} onClose={() => setDiffOf(null)} className="modal-wide">
          <DiffView
            original={JSON.stringify(diffOf.before ?? {}, null, 2)}
            modified={JSON.stringify(diffOf.after ?? {}, null, 2)}
            language="json"
            originalLabel="Before the save"
            modifiedLabel="After"
          />
        </ModalDialog>
      ) : null}
    </div>
  );
}
