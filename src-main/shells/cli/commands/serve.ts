import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../../engine/create-engine';
import { createSwitchableEngine } from '../../common/switchable-engine';
import { describeStaleProcesses } from '../../../engine/servers/process-ledger';
import { appDataDir, appRoot, defaultWorkspaceDir } from '../../common/app-paths';
import { exampleServerSeed } from '../../common/example-seed';
import { startWebServer } from '../../web/web-server';
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
  const switchable = await createSwitchableEngine(workspaceDir, (dir, openWorkspace) =>
    createEngine({
      workspaceDir: dir,
      appDataDir: appData,
      host: 'web',
      allowedRoots,
      openWorkspace,
      ...(isDefault && dir === workspaceDir ? { seedServers: exampleServerSeed() } : {}),
    }),
  );
  const engine = switchable.current;
  if (engine.staleProcesses.length) err.write(`mcp-lab: ${describeStaleProcesses(engine.staleProcesses)}\n`);
  let web;
  try {
    web = await startWebServer({
      handlers: switchable.handlers,
      streams: switchable.streams,
      rendererDir,
      port: o.port,
      host: o.host,
      allowNonLoopback: o.forceHost,
      extraOrigins: o.allowOrigin,
      onLog: (line) => err.write(`mcp-lab: ${line}\n`),
    });
  } catch (e) {
    await switchable.shutdown();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${o.port} is already in use: pick another with --port, or 0 for any free port`, EXIT.usage);
    throw new CliError((e as Error).message, EXIT.usage);
  }
  out.write(`MCP Lab is running in browser mode.\n\n  Open:       ${web.url}\n  Workspace:  ${workspaceDir}\n\nThe link carries a one-time access token; keep it private. Press Ctrl+C to stop.\n`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        err.write('mcp-lab: stopping immediately\n');
        process.exit(EXIT.cancelled);
      }
      stopping = true;
      err.write(`\nmcp-lab: ${signal} received, stopping servers (Ctrl+C again to force)…\n`);
      void web
        .close()
        .then(() => switchable.shutdown())
        .finally(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return EXIT.ok;
}
