import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportSource } from '../../../src-shared/api/schemas/server-import';

/**
 * Where other MCP clients keep their server lists on this machine. Only whether each file exists is
 * looked at here; a file is read when a person asks to import it.
 */
export function importSources(workspaceDir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): ImportSource[] {
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) ?? os.homedir();
  const appData = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  const config = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  const appDir = (name: string) =>
    platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support', name)
      : platform === 'win32'
        ? path.join(appData, name)
        : path.join(config, name);
  const sources: Array<Omit<ImportSource, 'exists'>> = [
    { id: 'claude', label: 'Claude Desktop', format: 'claude', path: path.join(appDir('Claude'), 'claude_desktop_config.json') },
    { id: 'vscode-workspace', label: 'VS Code (this workspace)', format: 'vscode', path: path.join(workspaceDir, '.vscode', 'mcp.json') },
    { id: 'vscode-user', label: 'VS Code (user)', format: 'vscode', path: path.join(appDir('Code'), 'User', 'mcp.json') },
    { id: 'cursor-workspace', label: 'Cursor (this workspace)', format: 'cursor', path: path.join(workspaceDir, '.cursor', 'mcp.json') },
    { id: 'cursor-user', label: 'Cursor (user)', format: 'cursor', path: path.join(home, '.cursor', 'mcp.json') },
  ];
  return sources.map((s) => ({ ...s, exists: existsSync(s.path) }));
}
