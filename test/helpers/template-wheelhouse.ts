import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectNames, templateFiles } from '../../src-main/engine/projects/scaffold';
import { lock } from './fastmcp-venv';
import { REPO_ROOT } from './fixtures';

const run = promisify(execFile);
const WHEELHOUSES = path.join(REPO_ROOT, '.cache', 'wheelhouses');
const BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * The pip settings that make a FastMCP template setup install from local wheels of exactly the
 * template's requirements: for the tests that set up a template project but are not about the
 * package index (the CLI's `new`, the example, "Set up again"). The setup still does all a user's
 * does (a fresh `.venv`, `pip install -r requirements.txt` resolving every dependency, pytest),
 * only without one index round trip and download per package, which made up half of each setup.
 * PIP_NO_INDEX and PIP_FIND_LINKS are pip's own settings, read by the pip the setup runs.
 * templates-fastmcp.test.ts still installs from the index, so the index path (and the relaxed
 * install, when the index lacks a release) is exercised in every run.
 *
 * The wheels are made once with `pip wheel` into `.cache/wheelhouses/`, keyed by the requirements
 * and the Python that will install them. When the index cannot give them all, nothing is set and
 * those tests install from the index as before.
 */
export async function templateWheelhouseEnv(): Promise<Record<string, string>> {
  const requirements = (await templateFiles('fastmcp', projectNames('x'))).find(([p]) => p === 'requirements.txt')![1];
  let python: string;
  try {
    ({ stdout: python } = await run('python3', ['-c', 'import sys, sysconfig; print(sys.version, sysconfig.get_platform())']));
  } catch {
    return {}; // no python3: the setup says so itself
  }
  const key = createHash('sha256').update(requirements).update(python).digest('hex').slice(0, 16);
  const dir = path.join(WHEELHOUSES, `fastmcp-template-${key}`);
  const complete = path.join(dir, '.complete');
  const env = { PIP_NO_INDEX: '1', PIP_FIND_LINKS: dir };
  await mkdir(WHEELHOUSES, { recursive: true });
  const release = await lock(`${dir}.lock`);
  try {
    if (existsSync(complete)) return env;
    const building = `${dir}.building`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building);
    const req = path.join(building, 'requirements.txt');
    await writeFile(req, requirements);
    try {
      await run('python3', ['-m', 'pip', 'wheel', '--disable-pip-version-check', '-q', '-w', building, '-r', req], {
        timeout: BUILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (e) {
      const x = e as { stderr?: string; message: string };
      process.stderr.write(
        `template-wheelhouse: pip wheel failed, so the template setups install from the index:${os.EOL}${(x.stderr || x.message).trim().split('\n').slice(-5).join(os.EOL)}${os.EOL}`,
      );
      await rm(building, { recursive: true, force: true });
      return {};
    }
    await rm(req);
    await writeFile(path.join(building, '.complete'), requirements);
    await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
    return env;
  } finally {
    await release();
  }
}
