import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where MCP Lab keeps app-level state. Matches Electron's `userData` for an app named "MCP Lab",
 * so the desktop app, browser mode and the CLI share one folder. `MCP_LAB_HOME` overrides it
 * (tests, portable setups).
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MCP_LAB_HOME) return path.resolve(env.MCP_LAB_HOME);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'MCP Lab');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'MCP Lab');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'MCP Lab');
  }
}

export function defaultWorkspaceDir(appData: string): string {
  return path.join(appData, 'workspaces', 'default');
}

/**
 * The folder holding the built Node entries (out/main), found from this file whether it runs
 * bundled (out/main/*.js) or from source under tsx (src-main/shells/common).
 */
export function appRoot(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}
