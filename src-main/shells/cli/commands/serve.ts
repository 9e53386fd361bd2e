import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { appDataDir, appRoot, defaultWorkspaceDir } from '../../common/app-paths';
import { startBrowserMode, type BrowserMode } from '../../web/browser-mode';
import { CliError, EXIT } from '../exit-codes';
import { keepServingThroughUnexpectedErrors } from '../keep-serving';

export interface ServeOptions {
  port: number;
  host: string;
  forceHost: boolean;
  workspace: string | undefined;
  allowOrigin: string[];
  /** Folders besides the workspace the browser UI may create projects in (default: none). */
  allowRoot?: string[];
  /** How often each running server gets a health ping (default: the engine's). */
  healthIntervalMs?: number;
}

export async function serveCommand(o: ServeOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const rendererDir = path.join(appRoot(), 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new CliError(`the UI is not built (no ${rendererDir}/index.html): run \`npm run build\` first`, EXIT.usage);
  }
  keepServingThroughUnexpectedErrors(err);
  const appData = appDataDir();
  const isDefault = o.workspace === undefined;
  const workspaceDir = path.resolve(o.workspace ?? defaultWorkspaceDir(appData));
  // Browser mode is a web page driving the file system: only the workspace and the folders given
  // with --allow-root, never the whole disk.
  const allowedRoots = [workspaceDir, ...(o.allowRoot ?? []).map((d) => path.resolve(d))];
  let web: BrowserMode;
  try {
    web = await startBrowserMode({
      workspaceDir,
      appDataDir: appData,
      seedExample: isDefault,
      allowedRoots,
      rendererDir,
      port: o.port,
      host: o.host,
      allowNonLoopback: o.forceHost,
      extraOrigins: o.allowOrigin,
      ...(o.healthIntervalMs !== undefined ? { health: { intervalMs: o.healthIntervalMs } } : {}),
      onLog: (line) => err.write(`mcp-lab: ${line}\n`),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CliError(`port ${o.port} is already in use: pick another with --port, or 0 for any free port`, EXIT.usage);
    throw new CliError((e as Error).message, EXIT.usage);
  }
  for (const notice of web.notices) err.write(`mcp-lab: ${notice}\n`);
  out.write(
    `MCP Lab is running in browser mode.\n\n  Open:       ${web.url}\n  Workspace:  ${workspaceDir}\n\n` +
      `The link opens one browser session, once; keep it private. Type n and press Enter for a new link. Press Ctrl+C to stop.\n`,
  );
  const lines = offerNewLinks(web, out);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        err.write('mcp-lab: stopping immediately\n');
        process.exit(EXIT.cancelled);
      }
      stopping = true;
      lines?.close();
      err.write(`\nmcp-lab: ${signal} received, stopping servers (Ctrl+C again to force)…\n`);
      void web.close().finally(resolve);
    };
    // `on`, not `once`: signal-exit (loaded by write-file-atomic) re-raises a signal when it finds itself the only
    // listener, and a spent `once` listener is gone by then, so serve would die by SIGTERM before its servers stop.
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return EXIT.ok;
}

/**
 * A link works once, so the terminal hands out the next one: `n` + Enter prints a fresh link (and
 * retires an unused older one). Without a readable stdin (a service, `< /dev/null`) there is nothing to
 * listen to and restarting serve is the way to a new link.
 */
function offerNewLinks(web: BrowserMode, out: NodeJS.WritableStream): Interface | undefined {
  if (process.stdin.destroyed) return undefined;
  const rl = createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => {
    if (line.trim().toLowerCase() !== 'n') return;
    out.write(`\n  Open:       ${web.newLink()}\n\nThis new link opens one browser session; older unused links no longer work.\n`);
  });
  return rl;
}
