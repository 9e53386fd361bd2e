import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { Engine } from '../../engine/create-engine';

/** What a shell needs of an engine: the contract's handlers and streams to serve, and the way to stop it. */
export type ShellEngine = Pick<Engine, 'handlers' | 'streams' | 'shutdown'>;

/** Build an engine for a workspace folder; `openWorkspace` is what its workspace.open calls. */
export type EngineFactory = (workspaceDir: string, openWorkspace: (dir: string) => Promise<void>) => Promise<ShellEngine>;

export interface SwitchableEngine {
  readonly current: ShellEngine;
  /** Always the current engine's handlers and streams: connections made after a switch reach the new one. */
  readonly handlers: ApiHandlers;
  readonly streams: ApiStreams;
  shutdown(): Promise<void>;
}

/**
 * The engine of the open workspace, replaced when the UI opens another folder: the new engine is
 * built first (a folder that cannot be opened leaves the current one untouched), then the old one
 * stops its servers. The window reconnects and finds the new workspace.
 */
export async function createSwitchableEngine(initialDir: string, make: EngineFactory): Promise<SwitchableEngine> {
  let current: ShellEngine;
  let stopping: Promise<void> = Promise.resolve();
  const open = async (dir: string): Promise<void> => {
    const next = await make(dir, open);
    const old = current;
    current = next;
    // After the reply to workspace.open has gone out on the old engine's connection.
    stopping = new Promise<void>((resolve) => setTimeout(() => void old.shutdown().finally(resolve), 50));
  };
  current = await make(initialDir, open);
  const proxy = <T extends object>(pick: (e: ShellEngine) => T): T =>
    new Proxy({} as T, {
      get: (_t, key) => (pick(current) as Record<string | symbol, unknown>)[key],
      has: (_t, key) => key in pick(current),
    });
  return {
    get current() {
      return current;
    },
    handlers: proxy((e) => e.handlers),
    streams: proxy((e) => e.streams),
    shutdown: async () => {
      await stopping;
      await current.shutdown();
    },
  };
}
