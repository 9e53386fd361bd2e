import { useCallback, useEffect, useState } from 'react';
import type { TreeEntry, TreeListing } from '../../../src-shared/api/schemas/workspace';
import { useActions, useWorkbench } from '../../app-context';
import { isDirty } from '../../store/slices/build-slice';

type Listing = TreeListing | { error: string };

/** The workspace's files, one folder level at a time (lazy), refreshed when files change on disk. */
export function FileTree() {
  const revision = useWorkbench((s) => s.treeRevision);
  const [listings, setListings] = useState<Record<string, Listing>>({});
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['']));
  const { openDialog, listFolder } = useActions();

  const load = useCallback(
    (dir: string) =>
      listFolder(dir).then(
        (l) => setListings((m) => ({ ...m, [dir]: l })),
        (e: unknown) => setListings((m) => ({ ...m, [dir]: { error: e instanceof Error ? e.message : String(e) } })),
      ),
    [listFolder],
  );

  useEffect(() => {
    for (const dir of expanded) void load(dir);
    // Listing again on every change of the workspace keeps the tree honest; only open folders are asked.
  }, [expanded, load, revision]);

  const toggle = (dir: string) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(dir)) n.delete(dir);
      else n.add(dir);
      return n;
    });

  return (
    <section className="file-tree" aria-label="Files">
      <div className="sidebar-header">
        <h2>Files</h2>
        <span className="file-tree-actions">
          <button
            type="button"
            className="button small"
            title="Open another workspace folder"
            onClick={() => openDialog({ kind: 'openWorkspace' })}
          >
            Open…
          </button>
          <button type="button" className="button small" onClick={() => openDialog({ kind: 'newServer' })}>
            + New server
          </button>
        </span>
      </div>
      <div className="file-tree-body">
        <Folder dir="" depth={0} listings={listings} expanded={expanded} toggle={toggle} />
      </div>
    </section>
  );
}

interface FolderProps {
  dir: string;
  depth: number;
  listings: Record<string, Listing>;
  expanded: Set<string>;
  toggle(dir: string): void;
}

function Folder({ dir, depth, listings, expanded, toggle }: FolderProps) {
  const l = listings[dir];
  if (!l)
    return (
      <div className="tree-note" style={{ paddingLeft: 8 + depth * 12 }}>
        Loading…
      </div>
    );
  if ('error' in l)
    return (
      <div className="tree-note tree-error" style={{ paddingLeft: 8 + depth * 12 }}>
        {l.error}
      </div>
    );
  if ('missing' in l && l.missing) {
    return (
      <p className="sidebar-empty">
        This workspace&apos;s folder does not exist yet. Create a server with “+ New server”, or add an example server from the list above:
        the first file written creates the folder.
      </p>
    );
  }
  if (!l.entries.length && depth === 0) {
    return <p className="sidebar-empty">The workspace folder is empty. Create a server from a template with “+ New server”.</p>;
  }
  return (
    <ul className="tree-list" role={depth === 0 ? 'tree' : 'group'}>
      {l.entries.map((e) =>
        e.kind === 'dir' ? (
          <li key={e.path} role="treeitem" aria-expanded={expanded.has(e.path)}>
            <button type="button" className="tree-row" style={{ paddingLeft: 8 + depth * 12 }} onClick={() => toggle(e.path)}>
              <span className="tree-caret" aria-hidden="true">
                {expanded.has(e.path) ? '▾' : '▸'}
              </span>
              {e.name}
            </button>
            {expanded.has(e.path) ? (
              <Folder dir={e.path} depth={depth + 1} listings={listings} expanded={expanded} toggle={toggle} />
            ) : null}
          </li>
        ) : (
          <FileRow key={e.path} entry={e} depth={depth} />
        ),
      )}
      {l.ignored ? (
        <li
          className="tree-note"
          style={{ paddingLeft: 8 + depth * 12 }}
          title="node_modules, .venv, .git, caches and build output are not listed"
        >
          {l.ignored} hidden (dependencies, caches, build output)
        </li>
      ) : null}
    </ul>
  );
}

function FileRow({ entry, depth }: { entry: TreeEntry; depth: number }) {
  const open = useWorkbench((s) => s.activePath === entry.path && s.mainView !== 'server');
  const dirty = useWorkbench((s) => isDirty(s.tabs[entry.path]));
  const { openFile } = useActions();
  return (
    <li role="treeitem">
      <button
        type="button"
        className={`tree-row tree-file ${open ? 'selected' : ''}`}
        style={{ paddingLeft: 20 + depth * 12 }}
        disabled={entry.outside}
        title={entry.outside ? 'A link to a file outside the workspace: not opened' : entry.path}
        onClick={() => void openFile(entry.path)}
      >
        {entry.name}
        {dirty ? (
          <span className="dirty-dot" aria-label="unsaved changes">
            ●
          </span>
        ) : null}
      </button>
    </li>
  );
}
