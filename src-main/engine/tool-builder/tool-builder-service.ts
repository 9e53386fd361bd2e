import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import type { FileSaveOutcome, FileVersion } from '../../../src-shared/api/schemas/workspace';
import type { ToolPlan, ToolSource } from '../../../src-shared/api/schemas/tool-builder';
import type { StdioServerConfig as ServerConfig } from '../../../src-shared/api/schemas/server';
import { validateTool } from '../../../src-shared/tool-builder/validate-tool';
import type { ToolModel } from '../../../src-shared/tool-builder/tool-model';
import type { ServerManager } from '../servers/server-manager';
import { isInside, resolveInsideRoots, toWirePath } from '../workspace/safe-path';
import { WorkspaceFiles } from '../workspace/workspace-files';
import { readPythonTools, type SourceTools } from './source-tools';
import { applyToolChange } from './tool-plan';

interface Located {
  serverId: string;
  language: 'python' | 'typescript';
  /** The server's folder: reads and writes are confined to it. */
  dir: string;
  rel: string;
  python: string;
}

/**
 * Reads a server's tools from its source and writes the builder's changes back (atomically,
 * versioned). Like the file API it touches files in the workspace and the `--allow-root` folders
 * only: a server's `cwd` and `source` come from a file anyone can commit, and must not turn the
 * builder into a way to read or rewrite files elsewhere on the machine.
 */
export class ToolBuilderService {
  constructor(
    private readonly servers: ServerManager,
    private readonly workspaceDir: string,
    private readonly allowedRoots: string[] = [],
  ) {}

  locate(serverId: string): Located {
    const cfg = this.servers.get(serverId).config;
    if (cfg.transport !== 'stdio')
      throw new ApiError(
        'Conflict',
        `"${cfg.name}" is a remote server (${cfg.url}): its source is not on this machine, so the tool builder cannot edit it.`,
      );
    const dir = path.resolve(this.workspaceDir, cfg.cwd ?? '.');
    const guessed = cfg.source ?? guessSource(cfg);
    if (!guessed) {
      throw new ApiError(
        'Conflict',
        `MCP Lab cannot tell which file holds the tools of "${cfg.name}": its command has no .py or .ts file argument. Servers made from a template know it; for others, set "source" in mcp-lab.json.`,
      );
    }
    const rel = guessed.file;
    const cmdBase = path.basename(cfg.command).toLowerCase();
    const python =
      guessed.language === 'python' && /^python[\d.]*(\.exe)?$/.test(cmdBase)
        ? cfg.command.includes('/') || cfg.command.includes('\\')
          ? path.resolve(dir, cfg.command)
          : cfg.command
        : 'python3';
    return { serverId, language: guessed.language, dir, rel, python };
  }

  private display(loc: Located): { file: string; workspacePath?: string } {
    const abs = path.resolve(loc.dir, loc.rel);
    if (isInside(this.workspaceDir, abs)) {
      const wp = toWirePath(this.workspaceDir, abs);
      return { file: wp, workspacePath: wp };
    }
    return { file: abs };
  }

  private async parse(loc: Located, content: string): Promise<SourceTools> {
    // The compiler is large (~0.3 s to load): only when a TypeScript server's tools are read.
    if (loc.language === 'typescript') return (await import('./typescript-reader')).readTypeScriptTools(content, loc.rel);
    // The helper reads the file itself: give it the content we hold (a temp copy beside it keeps relative imports meaningless anyway).
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-tools-'));
    try {
      const file = path.join(tmp, path.basename(loc.rel));
      await writeFile(file, content);
      return await readPythonTools(loc.python, file, loc.dir);
    } catch (e) {
      throw new ApiError('Conflict', (e as Error).message);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Refuse a source outside the workspace and the allowed folders, before reading or writing it. */
  private async confine(loc: Located): Promise<void> {
    const abs = path.resolve(loc.dir, loc.rel);
    const roots = [this.workspaceDir, ...this.allowedRoots];
    if ((await resolveInsideRoots(roots, loc.dir)) !== undefined && (await resolveInsideRoots(roots, abs)) !== undefined) return;
    const cfg = this.servers.get(loc.serverId).config;
    throw new ApiError(
      'InvalidParams',
      `the tool builder edits files inside the workspace${this.allowedRoots.length ? ' and the folders allowed with --allow-root' : ''} only, and the source of "${cfg.name}" (${abs}) is outside ${roots.join(', ')}. ` +
        'Move the server into the workspace (or open its folder as the workspace), or start `mcp-lab serve` with --allow-root <its folder>.',
    );
  }

  private async load(loc: Located): Promise<{ content: string; version: FileVersion }> {
    await this.confine(loc);
    const files = new WorkspaceFiles(loc.dir);
    const r = await files.read(loc.rel);
    return { content: r.content, version: r.version };
  }

  async read(serverId: string): Promise<ToolSource> {
    const loc = this.locate(serverId);
    const { content, version } = await this.load(loc);
    const parsed = await this.parse(loc, content);
    return {
      serverId,
      language: loc.language,
      ...this.display(loc),
      tools: parsed.tools.map((t) => ({ model: t.model, line: t.line, endLine: t.endLine })),
      unreadable: parsed.unreadable,
      ...(parsed.syntaxError ? { syntaxError: parsed.syntaxError } : {}),
      version,
    };
  }

  async plan(serverId: string, tool: ToolModel, replace?: string): Promise<ToolPlan> {
    const loc = this.locate(serverId);
    const { content, version } = await this.load(loc);
    const parsed = await this.parse(loc, content);
    const others = [...parsed.tools.map((t) => t.model.name), ...parsed.unreadable.map((u) => u.name)].filter((n) => n !== replace);
    const issues = validateTool(tool, loc.language, others);
    const modified = issues.length ? content : applyToolChange(content, parsed, tool, replace);
    return { serverId, language: loc.language, ...this.display(loc), original: content, modified, baseVersion: version, issues };
  }

  async apply(serverId: string, content: string, baseVersion: FileVersion): Promise<FileSaveOutcome> {
    const loc = this.locate(serverId);
    await this.confine(loc);
    const outcome = await new WorkspaceFiles(loc.dir).save(loc.rel, content, baseVersion);
    // Report the path as the UI knows it.
    return { ...outcome, path: this.display(loc).file };
  }
}

function guessSource(cfg: ServerConfig): ServerConfig['source'] {
  for (const a of cfg.args) {
    if (/\.py$/.test(a)) return { language: 'python', file: a };
    if (/\.(ts|mts)$/.test(a)) return { language: 'typescript', file: a };
  }
  return undefined;
}
