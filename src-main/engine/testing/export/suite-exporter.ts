import path from 'node:path';
import { ApiError } from '../../../../src-shared/api/errors';
import type { Suite } from '../../../../src-shared/api/schemas/testing';
import { readTextIfExists, writeFileAtomically } from '../../workspace/atomic-file';
import type { ServerManager } from '../../servers/server-manager';
import { SnapshotFile, type SuiteStore } from '../suite-store';
import { EXPORT_MARKER, type ExportFormat } from './export-model';
import { writePytest } from './pytest-writer';
import { pythonImport, typescriptImport, type ServerLocation } from './server-import';
import { writeVitest } from './vitest-writer';

export interface RenderedExport {
  text: string;
  warnings: string[];
  /** Why the server object could not be found (the file then starts with a TODO), or undefined. */
  importProblem: string | undefined;
}

/**
 * Turns a saved suite into a test file of the server's own project (pytest or vitest), for the
 * CLI and the app alike. Writing never replaces a file the exporter did not write, unless forced.
 */
export class SuiteExporter {
  constructor(
    private readonly store: SuiteStore,
    private readonly servers: ServerManager,
    private readonly workspaceDir: string,
  ) {}

  async render(suiteFile: string, format: ExportFormat, outFile: string): Promise<RenderedExport> {
    const suite = await this.store.read(suiteFile);
    const loc = this.locate(suite, suiteFile);
    const serverImport =
      'problem' in loc
        ? { ok: false as const, reason: loc.problem }
        : format === 'pytest'
          ? pythonImport(loc, outFile)
          : typescriptImport(loc, outFile);
    const snapshots = new SnapshotFile(suiteFile);
    await snapshots.open();
    const rel = (p: string) => path.relative(this.workspaceDir, p).split(path.sep).join('/') || '.';
    const input = {
      suite,
      suiteName: suite.name ?? path.basename(suiteFile).replace(/\.test\.jsonc?$/, ''),
      suiteFile: rel(suiteFile),
      reexport: `mcp-lab test ${rel(suiteFile)} --export ${format} --out ${rel(outFile)}`,
      serverImport,
      snapshot: (key: string) => snapshots.get(key),
    };
    const out = format === 'pytest' ? writePytest(input) : writeVitest(input);
    return { ...out, importProblem: serverImport.ok ? undefined : serverImport.reason };
  }

  /** Where the exported file goes unless told: beside the project's own tests. */
  async suggestOut(suiteFile: string, format: ExportFormat): Promise<string> {
    const suite = await this.store.read(suiteFile);
    const loc = this.locate(suite, suiteFile);
    const base = path.basename(suiteFile).replace(/\.test\.jsonc?$/, '');
    const slug =
      base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, format === 'pytest' ? '_' : '-')
        .replace(/^[-_]+|[-_]+$/g, '') || 'suite';
    const dir = 'problem' in loc ? this.workspaceDir : loc.cwd;
    return format === 'pytest' ? path.join(dir, 'tests', `test_mcp_lab_${slug}.py`) : path.join(dir, 'test', `mcp-lab-${slug}.test.ts`);
  }

  /** Write the file, refusing to replace one the exporter did not write (unless `force`). */
  async write(outFile: string, text: string, force: boolean): Promise<void> {
    const existing = await readTextIfExists(outFile);
    if (existing !== undefined && !force && !existing.slice(0, 200).includes(EXPORT_MARKER)) {
      throw new ApiError(
        'Conflict',
        `${outFile} exists and was not written by MCP Lab's export, so it was left alone: choose another output file, or replace it with --force`,
      );
    }
    await writeFileAtomically(outFile, text);
  }

  private locate(suite: Suite, suiteFile: string): ServerLocation | { problem: string } {
    const s = suite.server;
    if (typeof s !== 'string') return { cwd: path.resolve(path.dirname(suiteFile), s.cwd ?? '.'), command: s.command, args: s.args };
    if (!this.servers.has(s)) return { problem: `the suite names server "${s}", which is not in this workspace (mcp-lab.json)` };
    const c = this.servers.get(s).config;
    if (c.transport !== 'stdio')
      return { problem: `server "${s}" is a remote server (${c.url}): an exported test needs the server's code in-process` };
    return { cwd: path.resolve(this.workspaceDir, c.cwd ?? '.'), command: c.command, args: c.args, sourceFile: c.source?.file };
  }
}
