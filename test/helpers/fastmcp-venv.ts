import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './fixtures';
import { DEBUGPY_VERSION, debugpyVersion, installDebugpy } from '../../src-main/engine/debug/python-launch';

/** The same helper the FastMCP template's setup uses: one copy, shipped with the engine. */
const PIP_RELAXED = path.join(import.meta.dirname, '../../src-main/engine/templates/helpers/pip_relaxed_install.py');

const run = promisify(execFile);

/** The FastMCP releases the integration tests run against: the last 2.x and a current 3.x. */
export const FASTMCP_VERSIONS = ['2.14.7', '3.4.11'] as const;

const VENVS = path.join(REPO_ROOT, '.cache', 'venvs');
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STALE_LOCK_MS = 15 * 60_000;

export interface FastmcpVenv {
  version: string;
  python: string;
  /** Dependencies whose version bound had to be dropped to install it here (see pip_relaxed_install.py in the templates). */
  relaxed: string[];
}

/**
 * A virtual environment with `fastmcp==version`, in `.cache/venvs/` (git-ignored), made once and
 * reused while it is complete and its python has that version. Test files in parallel workers may ask
 * at the same time: a lock directory makes one of them install while the others wait.
 */
export async function ensureFastmcpVenv(
  version: string,
  extras: readonly string[] = [],
  packages: readonly string[] = [],
): Promise<FastmcpVenv> {
  // An extra (e.g. `tasks`) or an added package (e.g. `pytest`) gets a venv of its own: the plain
  // one stays what the other tests expect.
  const added = packages.map((p) => /^[A-Za-z0-9_.-]+/.exec(p)![0]);
  const dir = path.join(
    VENVS,
    `fastmcp-${version}${extras.length ? `-${extras.join('-')}` : ''}${added.length ? `+${added.join('+')}` : ''}`,
  );
  const python = path.join(dir, 'bin', 'python');
  const marker = path.join(dir, '.mcp-lab-venv.json');
  await mkdir(VENVS, { recursive: true });
  const release = await lock(`${dir}.lock`);
  try {
    // The marker is written last, so a venv without it is one whose install was cut short. Every test file
    // that needs FastMCP asks: reading the installed version from the package metadata takes a tenth of a
    // second, importing fastmcp one to several (it loads pydantic, httpx, the MCP SDK…).
    if (existsSync(marker) && (await installedVersion(python)) === version) return { version, python, relaxed: await readRelaxed(marker) };
    await rm(dir, { recursive: true, force: true });
    await checkPython();
    await sh('python3', ['-m', 'venv', dir], `python3 -m venv ${dir}`);
    const relaxed = await install(python, version, extras);
    // Test runners and the like, from PyPI too; the marker below is written only once they are in.
    if (packages.length)
      await sh(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...packages], `pip install ${packages.join(' ')}`);
    if (!(await importsVersion(python, version)))
      throw new Error(`installed fastmcp==${version} into ${dir}, but its python does not import that version`);
    await writeFile(marker, JSON.stringify({ version, relaxed }, null, 2));
    return { version, python, relaxed };
  } finally {
    await release();
  }
}

/**
 * debugpy in a FastMCP venv, installed the way a person's "Install debugpy" does it (the engine's
 * own installer, pinned to DEBUGPY_VERSION), under the venv's lock.
 */
export async function ensureDebugpy(venv: FastmcpVenv): Promise<FastmcpVenv> {
  const dir = path.dirname(path.dirname(venv.python));
  const release = await lock(`${dir}.lock`);
  try {
    const cmd = { command: venv.python, args: ['server.py'] };
    if ((await debugpyVersion(cmd, dir, { PATH: process.env.PATH ?? '' })) === DEBUGPY_VERSION) return venv;
    const out = await installDebugpy(cmd, dir, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir });
    if (!out.installed) throw new Error(`could not install debugpy into ${dir}: ${out.output ?? ''}`);
    return venv;
  } finally {
    await release();
  }
}

/** `pip install fastmcp==v`; when the index lacks a release a dependency insists on, the relaxed install. */
async function install(python: string, version: string, extras: readonly string[]): Promise<string[]> {
  const spec = `fastmcp${extras.length ? `[${extras.join(',')}]` : ''}==${version}`;
  try {
    await sh(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', spec], `pip install ${spec}`);
    return [];
  } catch (e) {
    const missing = /No matching distribution found for ([A-Za-z0-9_.-]+)/.exec(String((e as Error).message))?.[1];
    if (!missing || missing.toLowerCase() === 'fastmcp') throw e;
    process.stderr.write(
      `fastmcp-venv: ${spec} wants a ${missing} release this package index does not have; installing with ${missing}'s bound relaxed\n`,
    );
    await sh(python, [PIP_RELAXED, spec, '--relax', missing], `relaxed install of ${spec}`);
    return [missing];
  }
}

async function checkPython(): Promise<void> {
  let out: string;
  try {
    ({ stdout: out } = await run('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'python3 was not found on PATH: the FastMCP tests need Python 3.10 or newer with the venv module (Debian: apt-get install python3-venv)',
      );
    }
    throw e;
  }
  const [major, minor] = out.trim().split('.').map(Number);
  if (major! < 3 || (major === 3 && minor! < 10)) throw new Error(`python3 is ${out.trim()}: FastMCP needs Python 3.10 or newer`);
}

/** The fastmcp version installed in a venv, from its metadata (without importing it); undefined when its python does not run. */
async function installedVersion(python: string): Promise<string | undefined> {
  if (!existsSync(python)) return undefined;
  try {
    const { stdout } = await run(python, ['-c', 'import importlib.metadata as m, sys; sys.stdout.write(m.version("fastmcp"))'], {
      timeout: 60_000,
    });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

async function importsVersion(python: string, version: string): Promise<boolean> {
  if (!existsSync(python)) return false;
  try {
    const { stdout } = await run(python, ['-W', 'ignore', '-c', 'import fastmcp, sys; sys.stdout.write(fastmcp.__version__)'], {
      timeout: 60_000,
    });
    return stdout.trim() === version;
  } catch {
    return false;
  }
}

async function readRelaxed(marker: string): Promise<string[]> {
  try {
    return (JSON.parse(await readFile(marker, 'utf8')) as { relaxed?: string[] }).relaxed ?? [];
  } catch {
    return [];
  }
}

async function sh(cmd: string, args: string[], what: string): Promise<void> {
  try {
    await run(cmd, args, { timeout: INSTALL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed: ${(x.stderr || x.stdout || x.message).trim().split('\n').slice(-15).join('\n')}`);
  }
}

/** A directory as a lock: mkdir is atomic. A lock older than any install is a leftover of a killed run. */
export async function lock(dir: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      await mkdir(dir);
      return () => rm(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(dir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(dir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`gave up waiting for ${dir}: another test run is installing FastMCP`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}
