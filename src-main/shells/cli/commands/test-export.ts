import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../src-shared/api/errors';
import { TestExportFormatSchema } from '../../../../src-shared/api/schemas/testing';
import { TESTS_DIR } from '../../../../src-shared/api/schemas/workspace';
import { appDataDir } from '../../common/app-paths';
import { connectInProcess } from '../../common/connect-in-process';
import { CliError, EXIT } from '../exit-codes';
import type { CommandIo } from './request-command';

export interface TestExportOptions {
  paths: string[];
  export: string | undefined;
  out: string | undefined;
  force: boolean;
  workspace: string | undefined;
  json?: boolean;
}

/**
 * `mcp-lab test <suite> --export pytest|vitest --out FILE`: the suite as a test file of the
 * server's own project. What did not translate, and a server object it could not find, go to
 * stderr (and into the file as comments); the file is written all the same.
 */
export async function testExportCommand(o: TestExportOptions, io: CommandIo): Promise<number> {
  if (o.export === undefined)
    throw new CliError("--out and --force go with --export pytest|vitest (a run's report goes to --output)", EXIT.usage);
  const format = TestExportFormatSchema.safeParse(o.export);
  if (!format.success) throw new CliError(`--export takes pytest or vitest, not "${o.export}"`, EXIT.usage);
  if (o.paths.length !== 1)
    throw new CliError(
      `--export takes exactly one suite file (got ${o.paths.length}): mcp-lab test <suite.test.json> --export ${format.data} --out <file>`,
      EXIT.usage,
    );
  if (!o.out)
    throw new CliError(
      `--export needs --out <file>: where the ${format.data} file goes (for example ${format.data === 'pytest' ? 'tests/test_suite.py' : 'test/suite.test.ts'} in the server's project)`,
      EXIT.usage,
    );

  const given = o.paths[0]!;
  // A suite under <workspace>/.mcp-lab/tests names its workspace: its server ids are that workspace's.
  const marker = `${path.sep}${path.join(TESTS_DIR)}${path.sep}`;
  const workspaceDir = path.resolve(
    o.workspace ??
      (path.resolve(given).includes(marker) ? path.resolve(given).slice(0, path.resolve(given).indexOf(marker)) : process.cwd()),
  );
  if (o.workspace !== undefined && !existsSync(workspaceDir))
    throw new CliError(`the workspace folder ${workspaceDir} does not exist`, EXIT.usage);
  const suiteFile = [path.resolve(given), path.resolve(workspaceDir, TESTS_DIR, given)].find((f) => existsSync(f));
  if (!suiteFile)
    throw new CliError(`no suite file ${given} (looked in the current folder and in ${path.join(workspaceDir, TESTS_DIR)})`, EXIT.usage);
  const outFile = path.resolve(o.out);

  const { api, dispose } = await connectInProcess({ workspaceDir, appDataDir: appDataDir(), host: 'cli' });
  try {
    let rendered;
    try {
      rendered = await api.call('tests.export', { suiteId: suiteFile, format: format.data, out: outFile, write: true, force: o.force });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'Conflict' || e.code === 'InvalidParams')) throw new CliError(e.message, EXIT.usage);
      throw e;
    }
    const cases = rendered.cases;
    if (rendered.importProblem)
      io.err.write(
        `mcp-lab: could not tell how to import the server (${rendered.importProblem}): ${outFile} starts with a TODO; import the server there\n`,
      );
    for (const w of rendered.warnings) io.err.write(`mcp-lab: not exported: ${w}\n`);
    if (o.json)
      io.report.set(EXIT.ok, {
        out: outFile,
        format: format.data,
        cases,
        warnings: rendered.warnings,
        ...(rendered.importProblem ? { importProblem: rendered.importProblem } : {}),
      });
    else
      io.out.write(
        `Wrote ${outFile} (${cases} ${cases === 1 ? 'case' : 'cases'}, ${format.data}). Run it in the server's project: ${format.data === 'pytest' ? 'python -m pytest' : 'npx vitest run'} ${path.relative(process.cwd(), outFile) || outFile}\n`,
      );
    return EXIT.ok;
  } finally {
    await dispose();
  }
}
