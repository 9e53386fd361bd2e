import type { Node, ParseError } from 'jsonc-parser';
import { lazyRequire } from '../base/lazy-require';
import { ServerConfigSchema, type ServerConfig } from '../../../src-shared/api/schemas/server';
import type { ImportProblem, ServerListFormat } from '../../../src-shared/api/schemas/server-import';
import { describeParseError, position } from '../testing/suite-file';

const jsonc = lazyRequire<typeof import('jsonc-parser')>('jsonc-parser');

/** One server as another client's file describes it, checked field by field but not yet planned. */
export interface RawServerEntry {
  key: string;
  line?: number;
  /** stdio | http | sse (what the file says, or what its fields imply). */
  transport: string;
  command?: string;
  args: string[];
  cwd?: string;
  env: Array<{ key: string; value?: string; secret?: boolean }>;
  url?: string;
  headers: Array<{ key: string; value?: string; secret?: boolean }>;
  /** Why the entry cannot be imported at all. */
  invalid: string[];
  /** What the import leaves out or changes (shown with the entry). */
  notes: string[];
  /** An entry of an mcp-lab.json: the whole config as written (id, restart, watch… kept). */
  labConfig?: ServerConfig;
}

export interface ServerListRead {
  format: ServerListFormat;
  entries: RawServerEntry[];
  problems: ImportProblem[];
  /** VS Code `inputs`, by id. */
  inputs: Map<string, { description?: string; password?: boolean }>;
}

const STDIO_FIELDS = new Set([
  'type',
  'transport',
  'command',
  'args',
  'env',
  'cwd',
  'url',
  'headers',
  'disabled',
  'envFile',
  'description',
  'timeout',
  'alwaysAllow',
  'autoApprove',
]);

/**
 * Read a server list in any of the formats we know (JSON with comments and trailing commas, as
 * VS Code allows). Syntax errors name the line and column; a broken entry is reported with its
 * name and line, and the other entries are still read.
 */
export function readServerList(text: string, hint: { fileName?: string; format?: ServerListFormat } = {}): ServerListRead {
  const errors: ParseError[] = [];
  const tree = jsonc().parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number) => position(text, offset);
  const fail = (format: ServerListFormat, message: string, offset?: number): ServerListRead => ({
    format,
    entries: [],
    problems: [{ message, ...(offset !== undefined ? at(offset) : {}) }],
    inputs: new Map(),
  });
  const guess = hint.format ?? 'claude';
  if (text.trim() === '') return fail(guess, 'the file is empty: a server list is a JSON object such as {"mcpServers": {…}}');
  if (errors.length) {
    const e = errors[0]!;
    const p = at(e.offset);
    return fail(guess, `not valid JSON: ${describeParseError(e)} at line ${p.line}, column ${p.column}`, e.offset);
  }
  if (!tree) return fail(guess, 'the file is empty: a server list is a JSON object such as {"mcpServers": {…}}');
  if (tree.type !== 'object')
    return fail(
      guess,
      'a server list is a JSON object such as {"mcpServers": {…}} (Claude Desktop, Cursor) or {"servers": {…}} (VS Code)',
      tree.offset,
    );

  const format = hint.format ?? detectFormat(tree, hint.fileName);
  if (!format) {
    return fail(
      guess,
      'this is not a server list MCP Lab knows: expected "mcpServers" (Claude Desktop, Cursor), "servers" (VS Code .vscode/mcp.json) or an mcp-lab.json',
      tree.offset,
    );
  }
  if (format === 'mcp-lab') return readLabFile(tree, at);

  const rootPath =
    format === 'vscode' ? (jsonc().findNodeAtLocation(tree, ['servers']) ? ['servers'] : ['mcp', 'servers']) : ['mcpServers'];
  const root = jsonc().findNodeAtLocation(tree, rootPath);
  const rootName = rootPath.join('.');
  if (!root)
    return fail(
      format,
      `"${rootName}" is missing: this ${format === 'vscode' ? 'VS Code' : format === 'cursor' ? 'Cursor' : 'Claude Desktop'} file lists no servers`,
      tree.offset,
    );
  if (root.type !== 'object')
    return fail(format, `"${rootName}" must be an object mapping each server's name to its settings`, root.offset);

  const problems: ImportProblem[] = [];
  const inputs = format === 'vscode' ? readInputs(tree, problems, at) : new Map<string, { description?: string; password?: boolean }>();
  const entries: RawServerEntry[] = [];
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    entries.push(readEntry(String(keyNode.value), valueNode, at(prop.offset).line, format));
  }
  if (entries.length === 0) problems.push({ message: `"${rootName}" is empty: there is nothing to import`, ...at(root.offset) });
  return { format, entries, problems, inputs };
}

/** Tell the format from the file's shape, then its name. */
export function detectFormat(tree: Node, fileName?: string): ServerListFormat | undefined {
  const value = jsonc().getNodeValue(tree) as Record<string, unknown>;
  if (value.version === 1 && Array.isArray(value.servers)) return 'mcp-lab';
  if (value.servers && typeof value.servers === 'object' && !Array.isArray(value.servers)) return 'vscode';
  const mcp = value.mcp as Record<string, unknown> | undefined;
  if (mcp && typeof mcp === 'object' && mcp.servers && typeof mcp.servers === 'object') return 'vscode';
  if (value.mcpServers !== undefined) return fileName && /(^|[\\/])\.cursor[\\/]/.test(fileName) ? 'cursor' : 'claude';
  return undefined;
}

function readEntry(key: string, node: Node, line: number, format: ServerListFormat): RawServerEntry {
  const e: RawServerEntry = { key, line, transport: 'stdio', args: [], env: [], headers: [], invalid: [], notes: [] };
  if (node.type !== 'object') {
    e.invalid.push('its settings must be an object such as {"command": "npx", "args": ["-y", "some-server"]}');
    return e;
  }
  const v = jsonc().getNodeValue(node) as Record<string, unknown>;
  const type = typeof v.type === 'string' ? v.type : typeof v.transport === 'string' ? v.transport : undefined;
  const remote = v.url !== undefined && v.command === undefined;
  e.transport = type === 'streamable-http' || type === 'streamableHttp' ? 'http' : (type ?? (remote ? 'http' : 'stdio'));
  if (remote && type === undefined && typeof v.url === 'string' && /\/sse\/?(\?.*)?$/.test(v.url)) {
    e.transport = 'sse';
    e.notes.push('taken to be the older HTTP+SSE transport: the file names no type and the URL ends with /sse');
  }
  if (e.transport !== 'stdio' && e.transport !== 'http' && e.transport !== 'sse')
    e.invalid.push(`"type" is "${e.transport}": MCP Lab knows stdio, http and sse`);
  if (v.url !== undefined) {
    if (typeof v.url === 'string') e.url = v.url;
    else e.invalid.push('"url" must be a string');
  }
  if (e.transport !== 'stdio' && e.url === undefined && e.invalid.length === 0)
    e.invalid.push(`"url" is missing: a remote (${e.transport}) server needs its address`);
  if (v.disabled === true)
    e.notes.push(`it is disabled in the ${format === 'cursor' ? 'Cursor' : format === 'vscode' ? 'VS Code' : 'Claude Desktop'} file`);
  if (v.envFile !== undefined)
    e.notes.push(`"envFile" (${String(v.envFile)}) is not read: add those variables to the server's environment in MCP Lab`);
  for (const k of Object.keys(v)) if (!STDIO_FIELDS.has(k)) e.notes.push(`the field "${k}" is not used by MCP Lab`);

  if (e.transport === 'stdio') {
    if (typeof v.command !== 'string' || v.command.trim() === '')
      e.invalid.push('"command" is missing: a local server needs the program to run');
    else e.command = v.command;
  }
  if (v.args !== undefined) {
    if (!Array.isArray(v.args)) e.invalid.push('"args" must be a list of strings');
    else
      v.args.forEach((a, i) => {
        if (typeof a === 'string') e.args.push(a);
        else if (typeof a === 'number' || typeof a === 'boolean') {
          e.args.push(String(a));
          e.notes.push(`argument ${i + 1} (${String(a)}) was not a string: passed as "${String(a)}"`);
        } else e.invalid.push(`argument ${i + 1} of "args" is not a string`);
      });
  }
  if (v.cwd !== undefined) {
    if (typeof v.cwd === 'string') e.cwd = v.cwd;
    else e.invalid.push('"cwd" must be a string');
  }
  readStringMap(v.env, 'env', e, (k, value) => e.env.push({ key: k, value }));
  readStringMap(v.headers, 'headers', e, (k, value) => e.headers.push({ key: k, value }));
  return e;
}

function readStringMap(raw: unknown, field: string, e: RawServerEntry, put: (key: string, value: string) => void): void {
  if (raw === undefined) return;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    e.invalid.push(`"${field}" must be an object of names and values`);
    return;
  }
  for (const [k, value] of Object.entries(raw as Record<string, unknown>)) {
    if (field === 'env' && (k === '' || k.includes('=') || k.includes('\0')))
      e.invalid.push(`the environment name "${k}" is not valid (no "=" or empty names)`);
    else if (typeof value === 'string') put(k, value);
    else if (typeof value === 'number' || typeof value === 'boolean') put(k, String(value));
    else if (value === null) e.notes.push(`${field} "${k}" is null (unset): left out`);
    else e.invalid.push(`${field} "${k}" must be a string`);
  }
}

function readInputs(tree: Node, problems: ImportProblem[], at: (o: number) => { line: number; column: number }) {
  const inputs = new Map<string, { description?: string; password?: boolean }>();
  const node = jsonc().findNodeAtLocation(tree, ['inputs']);
  if (!node) return inputs;
  if (node.type !== 'array') {
    problems.push({ message: '"inputs" must be a list: its descriptions are not used', ...at(node.offset) });
    return inputs;
  }
  for (const item of node.children ?? []) {
    const v = jsonc().getNodeValue(item) as { id?: unknown; description?: unknown; password?: unknown } | null;
    if (!v || typeof v !== 'object' || typeof v.id !== 'string') continue;
    inputs.set(v.id, {
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
      ...(typeof v.password === 'boolean' ? { password: v.password } : {}),
    });
  }
  return inputs;
}

function readLabFile(tree: Node, at: (o: number) => { line: number; column: number }): ServerListRead {
  const list = jsonc().findNodeAtLocation(tree, ['servers'])!;
  const entries: RawServerEntry[] = [];
  (list.children ?? []).forEach((item, i) => {
    const v = jsonc().getNodeValue(item) as Record<string, unknown> | null;
    const name = v && typeof v === 'object' && typeof v.name === 'string' ? v.name : `servers[${i}]`;
    const key = v && typeof v === 'object' && typeof v.id === 'string' ? v.id : name;
    const e: RawServerEntry = {
      key,
      line: at(item.offset).line,
      transport: 'stdio',
      args: [],
      env: [],
      headers: [],
      invalid: [],
      notes: [],
    };
    const parsed = ServerConfigSchema.safeParse(v);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      e.invalid.push(`${issue?.path.join('.') || 'the entry'}: ${issue?.message}`);
    } else {
      const c = parsed.data;
      if (c.transport === 'stdio')
        Object.assign(e, {
          command: c.command,
          args: c.args,
          ...(c.cwd !== undefined ? { cwd: c.cwd } : {}),
          env: c.env.map((x) => ({ ...x })),
        });
      else Object.assign(e, { url: c.url, headers: c.headers.map((h) => ({ ...h })) });
      Object.assign(e, { transport: c.transport, labConfig: c });
    }
    entries.push(e);
  });
  const problems: ImportProblem[] = entries.length
    ? []
    : [{ message: 'the file lists no servers: there is nothing to import', ...at(list.offset) }];
  return { format: 'mcp-lab', entries, problems, inputs: new Map() };
}
