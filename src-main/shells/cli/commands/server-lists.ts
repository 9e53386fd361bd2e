import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { ApiClient } from '../../../../src-shared/api/api-client';
import {
  ServerListFormatSchema,
  type ImportEntry,
  type ImportPreview,
  type ServerListFormat,
} from '../../../../src-shared/api/schemas/server-import';
import { WORKSPACE_FILE } from '../../../../src-shared/api/schemas/workspace';
import { appDataDir } from '../../common/app-paths';
import { CliError, EXIT } from '../exit-codes';
import { snapshotOf } from '../follow-stream';
import type { CommandIo } from './request-command';
import { countOf } from '../../../../src-shared/base/count-of';

export interface ServerListIo extends CommandIo {
  in: NodeJS.ReadableStream;
}

const collect = (v: string, prev: string[]) => [...prev, v];
const parseFormat = (v: string): ServerListFormat => {
  const r = ServerListFormatSchema.safeParse(v);
  if (!r.success) throw new CliError(`--format must be one of claude, vscode, cursor, mcp-lab (got "${v}")`, EXIT.usage);
  return r.data;
};

/** `mcp-lab import` and `mcp-lab export`: server lists to and from other MCP clients. */
export function registerServerListCommands(program: Command, io: ServerListIo): void {
  const run = (p: Promise<number>) => p.then((code) => void (process.exitCode = code));
  program
    .command('import')
    .description(
      "add the servers of another client's list (Claude Desktop, VS Code, Cursor, mcp-lab.json) to a workspace; nothing is started: mcp-lab import <file> [--yes]",
    )
    .argument('<file>', 'claude_desktop_config.json, .vscode/mcp.json, .cursor/mcp.json or an mcp-lab.json')
    .option('-w, --workspace <dir>', 'the workspace to add them to (default: the current folder)')
    .option('-f, --format <format>', 'claude, vscode, cursor or mcp-lab (default: told from the file)', parseFormat)
    .option('-y, --yes', 'do not ask for confirmation', false)
    .option('--json', 'print the preview and what was added as JSON', false)
    .action((file: string, opts) => run(importCommand({ ...opts, file }, io)));

  program
    .command('export')
    .description(
      "write a workspace's servers for another client (secret values are never written): mcp-lab export --format claude|vscode|cursor|mcp-lab",
    )
    .requiredOption('-f, --format <format>', 'claude, vscode, cursor or mcp-lab', parseFormat)
    .option('-w, --workspace <dir>', 'the workspace whose servers to export (default: the current folder)')
    .option('-s, --server <id>', 'export only this server (repeatable)', collect, [])
    .option('-o, --out <file>', 'write to this file instead of printing (it is overwritten)')
    .option('--json', 'print the exported text, count and warnings in the JSON envelope every verb shares', false)
    .action((opts) => run(exportCommand(opts, io)));
}

interface WorkspaceApi {
  api: ApiClient;
  workspaceDir: string;
  dispose(): Promise<void>;
}

/** The workspace's engine behind the contract, like the app's; no server is started. */
async function openWorkspace(dir: string | undefined, mustExist: boolean): Promise<WorkspaceApi> {
  const workspaceDir = path.resolve(dir ?? process.cwd());
  // Loaded here, not at the top: registering the verbs must not load the engine.
  const { connectInProcess } = await import('../../common/connect-in-process');
  const { api, dispose } = await connectInProcess({ workspaceDir, appDataDir: appDataDir(), host: 'cli' }, { clone: false });
  try {
    const problem =
      (await snapshotOf(api, 'workspace.configChanged', {})).problem ??
      (mustExist && (await api.call('servers.list', {})).length === 0
        ? `${path.join(workspaceDir, WORKSPACE_FILE)} lists no servers: nothing to export`
        : undefined);
    if (problem) throw new CliError(problem, EXIT.usage);
    return { api, workspaceDir, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

export async function importCommand(
  o: { file: string; workspace?: string; format?: ServerListFormat; yes: boolean; json: boolean },
  io: ServerListIo,
): Promise<number> {
  const file = path.resolve(o.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}`,
      EXIT.usage,
    );
  }
  const ws = await openWorkspace(o.workspace, false);
  try {
    const preview = await ws.api.call('servers.importPreview', { text, fileName: file, ...(o.format ? { format: o.format } : {}) });
    if (preview.entries.length === 0) {
      const lines = preview.problems.map((p) => `${file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`);
      for (const l of lines) io.err.write(`mcp-lab: ${l}\n`);
      if (o.json) io.report.set(EXIT.usage, { preview }, lines.join('\n') || `no servers in ${file}`);
      return EXIT.usage;
    }
    const importable = preview.entries.filter((e) => e.action === 'add' || e.action === 'rename');
    const broken = preview.entries.filter((e) => e.action === 'invalid');
    if (!o.json) printPreview(preview, file, ws.workspaceDir, io.out);
    if (importable.length === 0) {
      io.err.write(`mcp-lab: nothing to import from ${file}\n`);
      const code = broken.length ? EXIT.toolError : EXIT.ok;
      if (o.json) io.report.set(code, { preview, added: [], skipped: [] }, `nothing to import from ${file}`);
      return code;
    }
    if (!o.yes) {
      const question = `Add ${countOf(importable.length, 'server')} to ${path.join(ws.workspaceDir, WORKSPACE_FILE)}? Nothing runs until you review each command in MCP Lab. [y/N] `;
      if (!(await confirm(question, io))) {
        io.err.write('mcp-lab: nothing was imported\n');
        if (o.json) io.report.set(EXIT.toolError, { preview, added: [], skipped: [] }, 'declined: nothing was imported');
        return EXIT.toolError;
      }
    }
    const result = await ws.api.call('servers.import', { previewId: preview.previewId, entries: importable.map((e) => ({ key: e.key })) });
    const code = broken.length || result.skipped.length ? EXIT.toolError : EXIT.ok;
    if (o.json)
      io.report.set(
        code,
        { preview, ...result },
        code ? `${broken.length + result.skipped.length} entries could not be imported` : undefined,
      );
    else {
      for (const a of result.added) io.out.write(`added "${a.name}" (${a.id}): review it in MCP Lab before its first start\n`);
      for (const s of result.skipped) io.err.write(`mcp-lab: "${s.key}" was not imported: ${s.reason}\n`);
    }
    return code;
  } finally {
    await ws.dispose();
  }
}

function printPreview(preview: ImportPreview, file: string, workspaceDir: string, out: NodeJS.WritableStream): void {
  out.write(`${file} (${preview.format}) → ${workspaceDir}\n`);
  for (const e of preview.entries) out.write(describeEntry(e));
  for (const p of preview.problems) out.write(`  note${p.line ? ` (line ${p.line})` : ''}: ${p.message}\n`);
}

function describeEntry(e: ImportEntry): string {
  const mark = { add: '+', rename: '+', skip: '-', invalid: '!' }[e.action];
  const head = `${mark} ${e.name}${e.id ? ` (${e.id})` : ''}${e.line ? `  [line ${e.line}]` : ''}`;
  const lines = [head];
  if (e.commandLine) lines.push(`    runs: ${e.commandLine}${e.cwd ? `  (in ${e.cwd})` : ''}`);
  if (e.url) lines.push(`    url: ${e.url} (${e.transport})`);
  for (const v of [...e.env, ...(e.headers ?? [])]) {
    lines.push(
      `    ${v.key}${v.needsValue ? ` — needs a value${v.reference ? ` (was ${v.reference})` : ''}: set it in MCP Lab before starting` : v.secret ? ' (secret)' : `=${v.value ?? ''}`}`,
    );
  }
  if (e.reason)
    lines.push(`    ${e.action === 'rename' ? 'renamed' : e.action === 'skip' ? 'skipped' : 'cannot be imported'}: ${e.reason}`);
  for (const w of e.warnings) lines.push(`    ! ${w}`);
  return lines.join('\n') + '\n';
}

/** One line from stdin: y/yes agrees, anything else (or the end of input) does not. */
function confirm(question: string, io: ServerListIo): Promise<boolean> {
  io.err.write(question);
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.in, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(/^\s*y(es)?\s*$/i.test(line));
    });
    rl.once('close', () => {
      if (!answered) resolve(false);
    });
  });
}

export async function exportCommand(
  o: { format: ServerListFormat; workspace?: string; server: string[]; out?: string; json?: boolean },
  io: CommandIo,
): Promise<number> {
  const ws = await openWorkspace(o.workspace, true);
  try {
    const result = await ws.api
      .call('servers.export', { format: o.format, ...(o.server.length ? { serverIds: o.server } : {}) })
      .catch((e: Error) => {
        throw new CliError(e.message, EXIT.usage);
      });
    if (o.out) {
      const target = path.resolve(o.out);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, result.text, { encoding: 'utf8', mode: 0o600 });
      } catch (e) {
        throw new CliError(`cannot write ${target}: ${(e as Error).message}`, EXIT.usage);
      }
      io.err.write(`mcp-lab: wrote ${result.exported} server${result.exported === 1 ? '' : 's'} to ${target}\n`);
    } else if (!o.json) io.out.write(result.text);
    for (const w of result.warnings) io.err.write(`mcp-lab: ${w}\n`);
    if (o.json) io.report.set(EXIT.ok, { ...result, ...(o.out ? { savedTo: path.resolve(o.out) } : {}) });
    return EXIT.ok;
  } finally {
    await ws.dispose();
  }
}
