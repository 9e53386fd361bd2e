import path from 'node:path';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { lexicallyInside } from '../workspace/safe-path';
import type { WorkspaceService } from '../workspace/workspace-service';

export type WorkspaceMethods =
  | 'workspace.info'
  | 'workspace.tree'
  | 'workspace.read'
  | 'workspace.save'
  | 'workspace.journal'
  | 'workspace.recovery'
  | 'workspace.discardRecovery'
  | 'workspace.recent'
  | 'workspace.open';
export type WorkspaceStreams = 'workspace.fileChanged';

/** The editor's view of the workspace folder: every path is resolved inside it. */
export function createWorkspaceHandlers(
  ws: WorkspaceService,
  openWorkspace?: (dir: string) => Promise<void>,
): Pick<ApiHandlers, WorkspaceMethods> {
  return {
    'workspace.info': async () => ws.info(),
    'workspace.tree': async ({ dir, showIgnored }) => ws.files.tree(dir, showIgnored),
    'workspace.read': async ({ path }) => ws.files.read(path),
    'workspace.save': async ({ path, content, baseVersion, force }) => {
      const outcome = await ws.files.save(path, content, baseVersion, force);
      // Saved: the buffer is clean, the journal forgets it. Otherwise it stays journaled.
      if (outcome.status === 'saved') ws.journal.update(path, null, null);
      return outcome;
    },
    'workspace.journal': async ({ path, content, baseVersion }) => {
      lexicallyInside(ws.dir, path);
      ws.journal.update(path, content, baseVersion);
      return { journaled: content !== null };
    },
    'workspace.recovery': async () => ws.journal.recovery((p) => ws.files.current(p)),
    'workspace.discardRecovery': async ({ paths }) => {
      ws.journal.discard(paths);
      return { discarded: true };
    },
    'workspace.recent': async () => ws.recent.list(),
    'workspace.open': async ({ dir }) => {
      if (!openWorkspace)
        throw new ApiError('Conflict', 'this MCP Lab cannot switch workspaces while it runs: start it again with --workspace <dir>');
      const abs = await ws.checkOpenable(dir);
      await openWorkspace(abs);
      return { dir: abs, name: path.basename(abs), allowedRoots: ws.info().allowedRoots };
    },
  };
}

export function createWorkspaceStreams(ws: WorkspaceService): Pick<ApiStreams, WorkspaceStreams> {
  return {
    // Live only: the editor reads what it opens; this says when to look again.
    'workspace.fileChanged': (_p, emit) => {
      emit({ changes: [] });
      return ws.watch((changes) => emit({ changes }));
    },
  };
}
