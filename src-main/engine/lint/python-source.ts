import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DeprecatedFeatureIdSchema, type DeprecatedFeatureId } from '../../../src-shared/api/schemas/deprecation';
import type { RawFinding } from './list-rules';
import { PYTHON_LINT_SCRIPT } from './python-lint-script';
import { locate } from './source-files';

const run = promisify(execFile);

/** Lint a Python file through `ast`, with the given interpreter. Returns findings, or why it could not. */
export async function lintPythonSource(python: string, file: string): Promise<{ findings: RawFinding[] } | { note: string }> {
  let stdout: string;
  try {
    ({ stdout } = await run(python, ['-I', '-c', PYTHON_LINT_SCRIPT, file], { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }));
  } catch (e) {
    const x = e as NodeJS.ErrnoException & { stderr?: string };
    if (x.code === 'ENOENT')
      return { note: `${python} was not found: install Python 3 (or run the server with its venv's python) to lint Python source` };
    return { note: `the Python source analysis failed: ${(x.stderr || x.message).trim().split('\n').at(-1)}` };
  }
  const parsed = JSON.parse(stdout) as
    Array<{ rule: string; line: number; col: number; message: string; feature?: DeprecatedFeatureId }> | { syntaxError: string };
  if (!Array.isArray(parsed)) return { note: `not analyzed: ${parsed.syntaxError}` };
  const cache = new Map<string, string[]>();
  const findings: RawFinding[] = [];
  for (const f of parsed) {
    const feature = f.feature && DeprecatedFeatureIdSchema.safeParse(f.feature).success ? f.feature : undefined;
    findings.push({
      ruleId: f.rule,
      message: f.message,
      location: await locate(file, f.line, f.col, cache),
      ...(feature ? { feature } : {}),
    });
  }
  return { findings };
}
