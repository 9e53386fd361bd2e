import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RemoteServerConfig, ServerConfig, StdioServerConfig } from '../../../src-shared/api/schemas/server';
import type { ExportResult, ServerListFormat } from '../../../src-shared/api/schemas/server-import';
import { idFromName } from '../servers/server-manager';
import { secretPlaceholder } from './references';

const FILE_NAMES: Record<ServerListFormat, string> = {
  claude: 'claude_desktop_config.json',
  vscode: 'mcp.json',
  cursor: 'mcp.json',
  'mcp-lab': 'mcp-lab.json',
};
const CLIENTS: Record<ServerListFormat, string> = { claude: 'Claude Desktop', vscode: 'VS Code', cursor: 'Cursor', 'mcp-lab': 'MCP Lab' };

type Input = { type: 'promptString'; id: string; description: string; password: true };

/**
 * The workspace's servers in another client's format. Secret values are never written (the
 * configs do not even hold them): VS Code gets `${input:…}` with `password: true` inputs, Cursor
 * `${env:…}`, Claude Desktop (which has no references) a placeholder the person replaces. Clients
 * without a working-directory setting get absolute paths where the files exist.
 */
export function writeServerList(format: ServerListFormat, configs: ServerConfig[], workspaceDir: string): ExportResult {
  const warnings: string[] = [];
  if (format === 'mcp-lab') {
    const servers = configs.map((c) =>
      c.transport === 'stdio'
        ? { ...c, env: c.env.map((e) => (e.secret ? { key: e.key, secret: true } : e)) }
        : { ...c, headers: c.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)) },
    );
    return done(format, JSON.stringify({ version: 1, servers }, null, 2) + '\n', configs.length, warnings);
  }

  const servers: Record<string, Record<string, unknown>> = {};
  const inputs: Input[] = [];
  // A secret value as the format can refer to it, never the value itself.
  const secretRef = (c: ServerConfig, key: string, envName: string): string => {
    if (format === 'vscode') {
      const id = `${idFromName(c.name)}-${key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      inputs.push({ type: 'promptString', id, description: `${key} for ${c.name}`, password: true });
      return `\${input:${id}}`;
    }
    if (format === 'cursor') {
      warnings.push(`${key} of "${c.name}" is secret: written as \${env:${envName}}; set ${envName} in the environment Cursor starts with`);
      return `\${env:${envName}}`;
    }
    warnings.push(`${key} of "${c.name}" is secret and was not exported: replace its placeholder in the file`);
    return secretPlaceholder(key);
  };
  for (const c of configs) {
    servers[uniqueKey(servers, c.name)] =
      c.transport === 'stdio' ? stdioEntry(format, c, workspaceDir, warnings, secretRef) : remoteEntry(format, c, warnings, secretRef);
  }
  const doc = format === 'vscode' ? { ...(inputs.length ? { inputs } : {}), servers } : { mcpServers: servers };
  return done(format, JSON.stringify(doc, null, 2) + '\n', configs.length, warnings);
}

function stdioEntry(
  format: ServerListFormat,
  c: StdioServerConfig,
  workspaceDir: string,
  warnings: string[],
  secretRef: (c: ServerConfig, key: string, envName: string) => string,
): Record<string, unknown> {
  const cwd = path.resolve(workspaceDir, c.cwd ?? '.');
  const entry: Record<string, unknown> = format === 'vscode' ? { type: 'stdio' } : {};
  entry.command = /[\\/]/.test(c.command) && !path.isAbsolute(c.command) ? path.resolve(cwd, c.command) : c.command;
  if (format === 'vscode') {
    entry.args = c.args;
    entry.cwd = cwd;
  } else {
    // Claude Desktop and Cursor start servers in a folder of their own choosing.
    const made: string[] = [];
    entry.args = c.args.map((a) => {
      if (a === '' || a.startsWith('-') || path.isAbsolute(a) || !existsSync(path.resolve(cwd, a))) return a;
      made.push(a);
      return path.resolve(cwd, a);
    });
    warnings.push(
      `"${c.name}" runs in ${cwd} in MCP Lab; ${CLIENTS[format]} has no working-directory setting${made.length ? `, so ${made.join(', ')} ${made.length === 1 ? 'was' : 'were'} made absolute` : ''}: check that it starts from elsewhere`,
    );
  }
  const env: Record<string, string> = {};
  for (const e of c.env) env[e.key] = e.secret ? secretRef(c, e.key, e.key) : (e.value ?? '');
  if (Object.keys(env).length) entry.env = env;
  return entry;
}

function remoteEntry(
  format: ServerListFormat,
  c: RemoteServerConfig,
  warnings: string[],
  secretRef: (c: ServerConfig, key: string, envName: string) => string,
): Record<string, unknown> {
  if (format === 'claude')
    warnings.push(
      `"${c.name}" is a remote server: Claude Desktop adds those as connectors in its settings, not from this file (Claude Code's .mcp.json reads it as written)`,
    );
  const entry: Record<string, unknown> = format === 'cursor' ? { url: c.url } : { type: c.transport, url: c.url };
  const headers: Record<string, string> = {};
  for (const h of c.headers) {
    const envName = `${idFromName(c.name)}_${h.key}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    headers[h.key] = h.secret ? secretRef(c, h.key, envName) : (h.value ?? '');
  }
  if (Object.keys(headers).length) entry.headers = headers;
  if (c.oauth) warnings.push(`"${c.name}" signs in with OAuth: ${CLIENTS[format]} does its own sign-in, MCP Lab's tokens are not exported`);
  return entry;
}

function done(format: ServerListFormat, text: string, exported: number, warnings: string[]): ExportResult {
  return { format, fileName: FILE_NAMES[format], text, exported, warnings };
}

function uniqueKey(taken: Record<string, unknown>, name: string): string {
  let key = name;
  for (let i = 2; key in taken; i++) key = `${name} (${i})`;
  return key;
}
