import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { SetupJob } from '../../../src-shared/api/schemas/project';
import type { ReloadEvent } from '../../../src-shared/api/schemas/reload';
import type { FileChange, FileVersion, RecoveryEntry } from '../../../src-shared/api/schemas/workspace';
import type { WorkbenchState } from '../workbench-store';

/** One open file. `savedContent` is what the disk held at `baseVersion`; dirty = content differs. */
export interface EditorTab {
  path: string;
  language: string;
  content: string;
  savedContent: string;
  /** null: a file that does not exist on disk yet (recovered, never saved). */
  baseVersion: FileVersion | null;
  /** The disk moved under a dirty buffer (or the file was deleted): saving will raise a conflict. */
  diskChanged: boolean;
  saving: boolean;
  saveError?: string | undefined;
  /** Set when a save found the disk changed: the conflict dialog shows the diff. */
  conflict?: { disk: { content: string; version: FileVersion } | null } | undefined;
}

/** split: the editor beside the server view, so a save, the reload and a re-run show in one view. */
export type MainView = 'server' | 'editor' | 'split';
/** Opening a file shows the editor; side by side stays side by side. */
const withEditor = (v: MainView): MainView => (v === 'split' ? 'split' : 'editor');

/** Building servers in the app: the editor's buffers, setup jobs, hot-reload results. */
export interface BuildSlice {
  mainView: MainView;
  tabs: Record<string, EditorTab>;
  tabOrder: string[];
  activePath: string | null;
  /** Bumped on every file change: expanded tree folders list themselves again. */
  treeRevision: number;
  /** A line to scroll to and mark (a traceback's), per path. */
  reveal: { path: string; line: number; nonce: number } | null;
  /** Last hot reload of each server. Mirrored from `servers.reloaded`. */
  reloads: Record<ServerId, ReloadEvent>;
  /** Mirrored from `projects.setupProgressed`. */
  setupJobs: Record<string, SetupJob>;
  /** Journaled buffers of an earlier window, offered for recovery. */
  recovery: RecoveryEntry[];

  setMainView(v: MainView): void;
  openFile(path: string, line?: number): Promise<void>;
  /**
   * The files a reloaded window had open: each read again and added unless a tab holds it already
   * (a recovered buffer wins); files gone since are left out without a word. `showEditor` shows the
   * editor when at least one came back.
   */
  reopenFiles(paths: string[], activePath: string | null, showEditor: boolean): Promise<void>;
  focusEditorTab(path: string): void;
  closeTab(path: string): void;
  editBuffer(path: string, content: string): void;
  saveFile(path: string, force?: boolean): Promise<'saved' | 'conflict' | 'failed'>;
  saveAll(): Promise<void>;
  resolveConflict(path: string, choice: 'mine' | 'theirs'): Promise<void>;
  restoreRecovery(entries: RecoveryEntry[]): void;
  discardRecovery(paths?: string[]): Promise<void>;
  loadRecovery(): Promise<void>;
  /** sync/ only. */
  _applyFileChanges(changes: FileChange[]): void;
  /** sync/ only. */
  _applyReloads(events: ReloadEvent[]): void;
  /** sync/ only. */
  _applySetupJobs(jobs: SetupJob[]): void;
}

export function languageOf(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return (
    (
      {
        py: 'python',
        ts: 'typescript',
        tsx: 'typescript',
        mts: 'typescript',
        cts: 'typescript',
        js: 'javascript',
        mjs: 'javascript',
        cjs: 'javascript',
        json: 'json',
        md: 'markdown',
        toml: 'ini',
        yml: 'yaml',
        yaml: 'yaml',
        html: 'html',
        css: 'css',
        sh: 'shell',
      } as Record<string, string>
    )[ext] ?? 'plaintext'
  );
}

export const isDirty = (t: EditorTab | undefined) => !!t && t.content !== t.savedContent;

let revealNonce = 0;

export const createBuildSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], BuildSlice> =>
  (set, get) => {
    const patchTab = (path: string, patch: Partial<EditorTab>) =>
      set((s) => (s.tabs[path] ? { tabs: { ...s.tabs, [path]: { ...s.tabs[path], ...patch } } } : {}));
    // The engine journals dirty buffers (debounced there too); this only thins out keystrokes.
    const journalTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const journal = (path: string) => {
      clearTimeout(journalTimers.get(path));
      journalTimers.set(
        path,
        setTimeout(() => {
          journalTimers.delete(path);
          const t = get().tabs[path];
          const content = t && isDirty(t) ? t.content : null;
          api.call('workspace.journal', { path, content, baseVersion: t?.baseVersion ?? null }).catch(() => undefined);
        }, 250),
      );
    };
    const report = (e: unknown) => get().pushNotice('error', e instanceof Error ? e.message : String(e));
    const saving = new Map<string, Promise<'saved' | 'conflict' | 'failed'>>();
    const doSave = async (path: string, force: boolean): Promise<'saved' | 'conflict' | 'failed'> => {
      const t = get().tabs[path];
      if (!t) return 'failed';
      patchTab(path, { saving: true });
      try {
        const content = t.content;
        const o = await api.call('workspace.save', { path, content, baseVersion: t.baseVersion, force });
        if (o.status === 'saved') {
          patchTab(path, {
            saving: false,
            savedContent: content,
            baseVersion: o.version,
            diskChanged: false,
            conflict: undefined,
            saveError: undefined,
          });
          clearTimeout(journalTimers.get(path));
          return 'saved';
        }
        if (o.status === 'conflict') {
          patchTab(path, { saving: false, conflict: { disk: o.disk }, diskChanged: true });
          get().openDialog({ kind: 'fileConflict', path });
          return 'conflict';
        }
        patchTab(path, { saving: false, saveError: o.message });
        get().pushNotice('error', o.message);
        return 'failed';
      } catch (e) {
        patchTab(path, { saving: false, saveError: e instanceof Error ? e.message : String(e) });
        report(e);
        return 'failed';
      }
    };

    return {
      mainView: 'server',
      tabs: {},
      tabOrder: [],
      activePath: null,
      treeRevision: 0,
      reveal: null,
      reloads: {},
      setupJobs: {},
      recovery: [],

      setMainView: (mainView) => set({ mainView }),

      openFile: async (path, line) => {
        const reveal = line ? { path, line, nonce: ++revealNonce } : get().reveal;
        if (get().tabs[path]) {
          set((s) => ({ activePath: path, mainView: withEditor(s.mainView), reveal }));
          return;
        }
        try {
          const f = await api.call('workspace.read', { path });
          set((s) => ({
            tabs: {
              ...s.tabs,
              [path]: {
                path,
                language: languageOf(path),
                content: f.content,
                savedContent: f.content,
                baseVersion: f.version,
                diskChanged: false,
                saving: false,
              },
            },
            tabOrder: s.tabOrder.includes(path) ? s.tabOrder : [...s.tabOrder, path],
            activePath: path,
            mainView: withEditor(s.mainView),
            reveal,
          }));
        } catch (e) {
          report(e);
        }
      },

      reopenFiles: async (paths, activePath, showEditor) => {
        const read = await Promise.all(paths.map((path) => api.call('workspace.read', { path }).catch(() => null)));
        const opened = read.filter((f) => f !== null);
        if (!opened.length) return;
        set((s) => {
          const tabs = { ...s.tabs };
          for (const f of opened)
            tabs[f.path] ??= {
              path: f.path,
              language: languageOf(f.path),
              content: f.content,
              savedContent: f.content,
              baseVersion: f.version,
              diskChanged: false,
              saving: false,
            };
          const tabOrder = [...opened.map((f) => f.path).filter((p) => !s.tabOrder.includes(p)), ...s.tabOrder];
          const active = s.activePath ?? (activePath && tabs[activePath] ? activePath : tabOrder[0]!);
          return { tabs, tabOrder, activePath: active, ...(showEditor ? { mainView: withEditor(s.mainView) } : {}) };
        });
      },

      focusEditorTab: (path) => set((s) => ({ activePath: path, mainView: withEditor(s.mainView) })),

      closeTab: (path) => {
        set((s) => {
          const tabs = { ...s.tabs };
          delete tabs[path];
          const tabOrder = s.tabOrder.filter((p) => p !== path);
          const i = s.tabOrder.indexOf(path);
          const activePath = s.activePath === path ? (tabOrder[Math.min(i, tabOrder.length - 1)] ?? null) : s.activePath;
          return { tabs, tabOrder, activePath, mainView: tabOrder.length || s.mainView === 'split' ? s.mainView : 'server' };
        });
        // Closing throws the buffer away (the UI asked first): the journal forgets it.
        api.call('workspace.journal', { path, content: null }).catch(() => undefined);
      },

      editBuffer: (path, content) => {
        if (!get().tabs[path] || get().tabs[path]!.content === content) return;
        patchTab(path, { content, saveError: undefined });
        journal(path);
      },

      saveFile: (path, force = false) => {
        // Ctrl+S reaches both the editor and the window: one save per path at a time.
        const running = saving.get(path);
        if (running) return running;
        const p = doSave(path, force).finally(() => saving.delete(path));
        saving.set(path, p);
        return p;
      },

      saveAll: async () => {
        for (const path of get().tabOrder) {
          if (!isDirty(get().tabs[path])) continue;
          // One conflict at a time: the dialog needs the person.
          if ((await get().saveFile(path)) === 'conflict') return;
        }
      },

      resolveConflict: async (path, choice) => {
        const t = get().tabs[path];
        if (!t?.conflict) return;
        if (choice === 'mine') {
          await get().saveFile(path, true);
          return;
        }
        const disk = t.conflict.disk;
        if (!disk) {
          get().closeTab(path);
          return;
        }
        patchTab(path, {
          content: disk.content,
          savedContent: disk.content,
          baseVersion: disk.version,
          diskChanged: false,
          conflict: undefined,
          saveError: undefined,
        });
        journal(path);
      },

      loadRecovery: async () => {
        try {
          const recovery = await api.call('workspace.recovery', {});
          set({ recovery });
          if (recovery.length && !get().dialog) get().openDialog({ kind: 'recovery' });
        } catch {
          // No recovery offered is no loss: the journal stays on disk for the next try.
        }
      },

      restoreRecovery: (entries) => {
        for (const e of entries) {
          void (async () => {
            const disk = await api.call('workspace.read', { path: e.path }).catch(() => null);
            set((s) => ({
              tabs: {
                ...s.tabs,
                [e.path]: {
                  path: e.path,
                  language: languageOf(e.path),
                  content: e.content,
                  savedContent: e.diskChanged ? (disk?.content ?? '') : (disk?.content ?? ''),
                  // Based on what the journal was based on: a disk that moved since raises a conflict on save.
                  baseVersion: e.baseVersion,
                  diskChanged: e.diskChanged,
                  saving: false,
                },
              },
              tabOrder: s.tabOrder.includes(e.path) ? s.tabOrder : [...s.tabOrder, e.path],
              activePath: e.path,
              mainView: withEditor(s.mainView),
            }));
          })();
        }
        set((s) => ({ recovery: s.recovery.filter((r) => !entries.some((e) => e.path === r.path)) }));
      },

      discardRecovery: async (paths) => {
        await api.call('workspace.discardRecovery', paths ? { paths } : {}).catch(report);
        set((s) => ({ recovery: paths ? s.recovery.filter((r) => !paths.includes(r.path)) : [] }));
      },

      _applyFileChanges: (changes) => {
        set((s) => ({ treeRevision: s.treeRevision + 1 }));
        for (const c of changes) {
          const t = get().tabs[c.path];
          if (!t || t.saving) continue;
          if (c.kind === 'removed') {
            patchTab(c.path, { diskChanged: true });
            continue;
          }
          if (c.kind !== 'changed' && c.kind !== 'added') continue;
          void api.call('workspace.read', { path: c.path }).then(
            (f) => {
              const cur = get().tabs[c.path];
              if (!cur || cur.saving || f.version.hash === cur.baseVersion?.hash) return;
              // A clean buffer follows the disk; a dirty one keeps the person's edits and is flagged.
              if (!isDirty(cur))
                patchTab(c.path, { content: f.content, savedContent: f.content, baseVersion: f.version, diskChanged: false });
              else patchTab(c.path, { diskChanged: true });
            },
            () => undefined,
          );
        }
      },

      _applyReloads: (events) => set((s) => ({ reloads: { ...s.reloads, ...Object.fromEntries(events.map((e) => [e.serverId, e])) } })),

      _applySetupJobs: (jobs) => set((s) => ({ setupJobs: { ...s.setupJobs, ...Object.fromEntries(jobs.map((j) => [j.jobId, j])) } })),
    };
  };

export const buildSelectors = {
  dirtyPaths: (s: WorkbenchState) => s.tabOrder.filter((p) => isDirty(s.tabs[p])),
  activeTab: (s: WorkbenchState) => (s.activePath ? s.tabs[s.activePath] : undefined),
};
