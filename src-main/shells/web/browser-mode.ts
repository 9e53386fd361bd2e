import { createEngine } from '../../engine/create-engine';
import type { HealthOptions } from '../../engine/servers/health-monitor';
import { exampleServerSeed } from '../common/example-seed';
import { createSwitchableEngine } from '../common/switchable-engine';
import { startWebServer, type WebServer } from './web-server';

export interface BrowserModeOptions {
  workspaceDir: string;
  appDataDir: string;
  /** The default workspace of a first run: seed it with the ready example server. */
  seedExample: boolean;
  /** Folders the UI may open or create projects in (the workspace and `--allow-root` ones). */
  allowedRoots: string[];
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port: number;
  host: string;
  allowNonLoopback: boolean;
  extraOrigins: string[];
  /** The health ping's interval and timeout, when not the engine's defaults. */
  health?: HealthOptions;
  onLog: (line: string) => void;
}

export interface BrowserMode extends Pick<WebServer, 'url' | 'newLink'> {
  /** What the engine found at start that a person should know (leftover processes it stopped). */
  readonly notices: string[];
  /** Stop serving, then stop the servers. */
  close(): Promise<void>;
}

/**
 * The app in a browser (`mcp-lab serve`): the open workspace's engine, switchable to another folder,
 * behind the loopback web server. The CLI launches it and owns the terminal; this owns the engine.
 */
export async function startBrowserMode(o: BrowserModeOptions): Promise<BrowserMode> {
  const switchable = await createSwitchableEngine(o.workspaceDir, (dir, openWorkspace) =>
    createEngine({
      workspaceDir: dir,
      appDataDir: o.appDataDir,
      host: 'web',
      allowedRoots: o.allowedRoots,
      openWorkspace,
      ...(o.health ? { health: o.health } : {}),
      ...(o.seedExample && dir === o.workspaceDir ? { seedServers: exampleServerSeed() } : {}),
    }),
  );
  // What the engine found at start (leftover processes it stopped), as the app shows it.
  const { notices = [] } = await switchable.handlers['app.info'](
    {},
    { signal: AbortSignal.timeout(5000), origin: 'websocket', capabilities: new Set() },
  );
  let web: WebServer;
  try {
    web = await startWebServer({
      handlers: switchable.handlers,
      streams: switchable.streams,
      rendererDir: o.rendererDir,
      port: o.port,
      host: o.host,
      allowNonLoopback: o.allowNonLoopback,
      extraOrigins: o.extraOrigins,
      onLog: o.onLog,
    });
  } catch (e) {
    await switchable.shutdown();
    throw e;
  }
  return {
    url: web.url,
    newLink: () => web.newLink(),
    notices,
    close: async () => {
      await web.close();
      await switchable.shutdown();
    },
  };
}
