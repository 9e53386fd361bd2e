import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FormattingOptions } from 'jsonc-parser';
import { lazyRequire } from '../base/lazy-require';
import { ApiError } from '../../../src-shared/api/errors';
import type { SuiteInfo, SuiteList, SuiteProblem, TestCase } from '../../../src-shared/api/schemas/testing';
import { TESTS_DIR } from '../../../src-shared/api/schemas/workspace';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';
import { parseSuiteFile } from './suite-file';

const jsonc = lazyRequire<typeof import('jsonc-parser')>('jsonc-parser');

const SUITE_FILE = /\.test\.jsonc?$/;
const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export interface LoadedSuite {
  info: SuiteInfo;
  /** The folder relative paths in the suite (cwd) resolve against. */
  dir: string;
}

/**
 * Suite files: `<workspace>/.mcp-lab/tests/**\/*.test.json` by default, or the files and folders
 * given on the command line. Edits go through jsonc-parser's `modify`, so a person's comments and
 * layout survive a "Save as test" from the UI.
 */
export class SuiteStore {
  readonly dir: string;

  constructor(readonly workspaceDir: string) {
    this.dir = path.join(workspaceDir, TESTS_DIR);
  }

  /** Every suite under the tests folder (or under `paths`), with the problems of the files that cannot be used. */
  async load(paths?: string[]): Promise<{ suites: LoadedSuite[]; problems: SuiteProblem[] }> {
    const files = paths?.length ? await this.expand(paths) : await walk(this.dir);
    const suites: LoadedSuite[] = [];
    const problems: SuiteProblem[] = [];
    for (const file of files.sort()) {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        problems.push({ file, line: 1, column: 1, message: `cannot read the file: ${(e as Error).message}` });
        continue;
      }
      const parsed = parseSuiteFile(file, text);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const id = this.idOf(file);
      suites.push({
        dir: path.dirname(file),
        info: {
          id,
          file,
          name: parsed.suite.name ?? path.basename(file).replace(SUITE_FILE, ''),
          server: parsed.suite.server,
          setupCount: parsed.suite.setup.length,
          cases: parsed.suite.cases,
          caseLines: parsed.caseLines,
        },
      });
    }
    return { suites, problems };
  }

  async list(paths?: string[]): Promise<SuiteList> {
    const { suites, problems } = await this.load(paths);
    return { dir: this.dir, suites: suites.map((s) => s.info), problems };
  }

  /** The suite's full definition (setup and timeouts too), fresh from disk. */
  async read(file: string) {
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseSuiteFile(file, text);
    if (!parsed.ok)
      throw new ApiError(
        'Conflict',
        `${path.basename(file)} has problems: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`,
      );
    return parsed.suite;
  }

  fileOf(id: string): string {
    const file = path.isAbsolute(id) ? id : path.resolve(this.dir, id);
    return file;
  }

  idOf(file: string): string {
    const rel = path.relative(this.dir, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  }

  /** Append a case (or replace case `index`) in an existing suite, or create a new suite file. */
  async saveCase(o: {
    suiteId?: string | undefined;
    newSuite?: { name: string; serverId: string } | undefined;
    caseIndex?: number | undefined;
    case: TestCase;
  }): Promise<SuiteInfo> {
    let file: string;
    let text: string;
    if (o.suiteId !== undefined) {
      file = this.safeFile(o.suiteId);
      const existing = await readTextIfExists(file);
      if (existing === undefined) throw new ApiError('NotFound', `no suite "${o.suiteId}" in ${this.dir}`);
      text = existing;
      const suite = parseSuiteFile(file, text);
      if (!suite.ok)
        throw new ApiError(
          'Conflict',
          `${o.suiteId} has problems; fix them first (line ${suite.problems[0]!.line}: ${suite.problems[0]!.message})`,
        );
      if (o.caseIndex !== undefined && o.caseIndex >= suite.suite.cases.length)
        throw new ApiError('NotFound', `suite "${o.suiteId}" has no case #${o.caseIndex}`);
      if (!text.includes('"cases"')) text = jsonc().applyEdits(text, jsonc().modify(text, ['cases'], [], { formattingOptions: FORMAT }));
      const target = o.caseIndex ?? suite.suite.cases.length;
      text = jsonc().applyEdits(
        text,
        jsonc().modify(text, ['cases', target], o.case, {
          formattingOptions: FORMAT,
          ...(o.caseIndex === undefined ? { isArrayInsertion: true } : {}),
        }),
      );
    } else if (o.newSuite) {
      file = await this.freeName(o.newSuite.name);
      text = JSON.stringify({ name: o.newSuite.name, server: o.newSuite.serverId, cases: [o.case] }, null, 2) + '\n';
    } else {
      throw new ApiError('InvalidParams', 'give suiteId (an existing suite) or newSuite (name and serverId)');
    }
    await writeFileAtomically(file, text);
    return this.info(file);
  }

  async deleteCase(suiteId: string, caseIndex: number): Promise<SuiteInfo> {
    const file = this.safeFile(suiteId);
    const text = await readTextIfExists(file);
    if (text === undefined) throw new ApiError('NotFound', `no suite "${suiteId}"`);
    const suite = parseSuiteFile(file, text);
    if (!suite.ok) throw new ApiError('Conflict', `${suiteId} has problems; fix them first`);
    if (caseIndex >= suite.suite.cases.length) throw new ApiError('NotFound', `suite "${suiteId}" has no case #${caseIndex}`);
    await writeFileAtomically(
      file,
      jsonc().applyEdits(text, jsonc().modify(text, ['cases', caseIndex], undefined, { formattingOptions: FORMAT })),
    );
    return this.info(file);
  }

  private async info(file: string): Promise<SuiteInfo> {
    const { suites, problems } = await this.load([file]);
    if (!suites[0]) throw new ApiError('Internal', `saved ${file} but cannot read it back: ${problems[0]?.message ?? 'unknown problem'}`);
    return suites[0].info;
  }

  /** A suite id from the UI names a file inside the tests folder, nothing else. */
  private safeFile(id: string): string {
    const file = path.resolve(this.dir, id);
    if (!file.startsWith(this.dir + path.sep) || !SUITE_FILE.test(file))
      throw new ApiError('InvalidParams', `"${id}" is not a suite file in ${this.dir}`);
    return file;
  }

  private async freeName(name: string): Promise<string> {
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'suite';
    for (let i = 1; ; i++) {
      const file = path.join(this.dir, `${slug}${i > 1 ? `-${i}` : ''}.test.json`);
      if ((await readTextIfExists(file)) === undefined) return file;
    }
  }

  private async expand(paths: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const p of paths) {
      const abs = path.resolve(p);
      const st = await fs.stat(abs).catch(() => undefined);
      if (st?.isDirectory()) out.push(...(await walk(abs)));
      else out.push(abs); // a missing file becomes a problem when it is read
    }
    return [...new Set(out)];
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '__snapshots__' && e.name !== 'node_modules') out.push(...(await walk(p)));
    else if (e.isFile() && SUITE_FILE.test(e.name)) out.push(p);
  }
  return out;
}

/** Snapshots of one suite, beside it: `__snapshots__/<suite>.snap.json`, keyed by case snapshot name. */
export class SnapshotFile {
  readonly file: string;
  private data: Record<string, unknown> | undefined;
  private dirty = false;

  constructor(suiteFile: string) {
    this.file = path.join(path.dirname(suiteFile), '__snapshots__', path.basename(suiteFile).replace(SUITE_FILE, '') + '.snap.json');
  }

  async open(): Promise<void> {
    const text = await readTextIfExists(this.file);
    try {
      this.data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch (e) {
      throw new Error(`the snapshot file ${this.file} is not valid JSON (${(e as Error).message}): fix or delete it`);
    }
  }

  get(key: string): unknown {
    return this.data?.[key];
  }

  set(key: string, value: unknown): void {
    (this.data ??= {})[key] = value;
    this.dirty = true;
  }

  async save(): Promise<boolean> {
    if (!this.dirty || !this.data) return false;
    const sorted = Object.fromEntries(
      Object.keys(this.data)
        .sort()
        .map((k) => [k, this.data![k]]),
    );
    await writeFileAtomically(this.file, JSON.stringify(sorted, null, 2) + '\n');
    this.dirty = false;
    return true;
  }
}
