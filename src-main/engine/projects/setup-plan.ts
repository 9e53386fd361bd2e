import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TemplateId } from '../../../src-shared/api/schemas/project';
import { engineAsset } from '../base/engine-asset';
import { resolveCommand } from '../servers/resolve-command';
import { runStep, type StepRun } from './run-step';
import { PINNED } from './scaffold';

export interface StepContext {
  dir: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Run a command as part of the step; its lines go to the step's output. */
  run(command: string, args: string[], timeoutMs?: number): Promise<StepRun>;
  /** Say something in the step's output (not from a command). */
  note(line: string): void;
  /** Show the command line this step runs. */
  setCommand(command: string): void;
}

/** A step either succeeds or throws a StepFailure whose message says what failed and what to do. */
export class StepFailure extends Error {}

export interface StepSpec {
  id: string;
  title: string;
  run(ctx: StepContext): Promise<void>;
}

const INSTALL_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 5 * 60_000;
const MIN_PYTHON: [number, number] = [3, 10];

/** The steps that set up a project's environment and check it by running its own tests. */
export function setupPlan(template: TemplateId, runTests: boolean): StepSpec[] {
  return template === 'fastmcp' ? pythonPlan(runTests) : nodePlan(runTests);
}

function venvPython(dir: string): string {
  return process.platform === 'win32' ? path.join(dir, '.venv', 'Scripts', 'python.exe') : path.join(dir, '.venv', 'bin', 'python');
}

function pythonPlan(runTests: boolean): StepSpec[] {
  let uv: string | undefined;
  const steps: StepSpec[] = [
    {
      id: 'environment',
      title: 'Create the virtual environment (.venv)',
      async run(ctx) {
        uv = await find('uv', ctx);
        if (uv) {
          ctx.note(`found uv at ${uv}`);
          ctx.setCommand('uv venv .venv');
          await mustSucceed(ctx, uv, ['venv', '--allow-existing', '.venv'], 'uv could not create the virtual environment');
          return;
        }
        const python = await findPython(ctx);
        ctx.note(`uv was not found on PATH; using ${python} -m venv (install uv for faster setups)`);
        ctx.setCommand('python3 -m venv .venv');
        await mustSucceed(ctx, python, ['-m', 'venv', '.venv'], `${python} -m venv failed (Debian/Ubuntu: apt install python3-venv)`);
      },
    },
    {
      id: 'install',
      title: `Install FastMCP ${PINNED.fastmcp} and pytest`,
      async run(ctx) {
        const py = venvPython(ctx.dir);
        if (uv) {
          ctx.setCommand('uv pip install -r requirements.txt');
          await mustSucceed(
            ctx,
            uv,
            ['pip', 'install', '--python', py, '-r', 'requirements.txt'],
            'uv could not install the requirements',
            INSTALL_TIMEOUT_MS,
          );
          return;
        }
        ctx.setCommand('.venv/bin/python -m pip install -r requirements.txt');
        const r = await ctx.run(py, ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', 'requirements.txt'], INSTALL_TIMEOUT_MS);
        if (r.code === 0) return;
        // A package index can lack the newest release of a dependency FastMCP insists on (seen:
        // certifi). Drop that one bound rather than fail; say so in the output.
        const missing = /No matching distribution found for ([A-Za-z0-9_.-]+)/.exec(r.lines.join('\n'))?.[1];
        if (!missing || /^(fastmcp|pytest)$/i.test(missing)) throw failure('pip could not install the requirements', r);
        ctx.note(
          `the package index has no release of ${missing} that FastMCP ${PINNED.fastmcp} asks for: installing again with ${missing}'s version bound relaxed`,
        );
        const helper = engineAsset('templates', 'helpers', 'pip_relaxed_install.py');
        await mustSucceed(
          ctx,
          py,
          [helper, `fastmcp==${PINNED.fastmcp}`, '--relax', missing],
          `the relaxed install of fastmcp==${PINNED.fastmcp} failed`,
          INSTALL_TIMEOUT_MS,
        );
        await mustSucceed(
          ctx,
          py,
          ['-m', 'pip', 'install', '--disable-pip-version-check', 'pytest>=8'],
          'pip could not install pytest',
          INSTALL_TIMEOUT_MS,
        );
      },
    },
  ];
  if (runTests) {
    steps.push({
      id: 'tests',
      title: "Run the project's tests (pytest)",
      async run(ctx) {
        ctx.setCommand('.venv/bin/python -m pytest -q');
        await mustSucceed(
          ctx,
          venvPython(ctx.dir),
          ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'],
          "the project's tests failed",
          TEST_TIMEOUT_MS,
        );
      },
    });
  }
  return steps;
}

function nodePlan(runTests: boolean): StepSpec[] {
  const steps: StepSpec[] = [
    {
      id: 'install',
      title: 'Install the SDK, zod, tsx and vitest (npm install)',
      async run(ctx) {
        const npm = await find(process.platform === 'win32' ? 'npm.cmd' : 'npm', ctx);
        if (!npm)
          throw new StepFailure(
            `npm was not found on PATH (searched: ${ctx.env.PATH ?? ''}). Install Node.js 20 or newer (it comes with npm), then press Set up again.`,
          );
        ctx.setCommand('npm install');
        await mustSucceed(ctx, npm, ['install', '--no-audit', '--no-fund'], 'npm install failed', INSTALL_TIMEOUT_MS);
      },
    },
  ];
  if (runTests) {
    steps.push({
      id: 'tests',
      title: "Run the project's tests (tsc + vitest)",
      async run(ctx) {
        const npm = (await find(process.platform === 'win32' ? 'npm.cmd' : 'npm', ctx))!;
        ctx.setCommand('npm test');
        await mustSucceed(ctx, npm, ['test'], "the project's tests failed", TEST_TIMEOUT_MS);
      },
    });
  }
  return steps;
}

async function find(command: string, ctx: StepContext): Promise<string | undefined> {
  try {
    return await resolveCommand(command, ctx.env as Record<string, string>, ctx.dir);
  } catch {
    return undefined;
  }
}

async function findPython(ctx: StepContext): Promise<string> {
  const seen: string[] = [];
  for (const name of ['python3', 'python']) {
    const exe = await find(name, ctx);
    if (!exe) continue;
    const r = await runStep(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      cwd: ctx.dir,
      env: ctx.env,
      onLine: () => undefined,
      timeoutMs: 30_000,
    });
    const v = r.lines.at(-1)?.trim() ?? '';
    const [maj, min] = v.split('.').map(Number);
    if (r.code === 0 && maj !== undefined && min !== undefined && (maj > MIN_PYTHON[0] || (maj === MIN_PYTHON[0] && min >= MIN_PYTHON[1])))
      return exe;
    seen.push(`${exe} (${v || 'did not run'})`);
  }
  throw new StepFailure(
    seen.length
      ? `FastMCP needs Python ${MIN_PYTHON.join('.')} or newer; found only ${seen.join(', ')}. Install a newer Python or uv, then press Set up again.`
      : `Python 3 was not found on PATH (searched: ${ctx.env.PATH ?? '(empty)'}), and neither was uv. Install Python ${MIN_PYTHON.join('.')}+ (python.org, or your package manager, e.g. apt install python3 python3-venv) or uv, then press Set up again.`,
  );
}

async function mustSucceed(ctx: StepContext, command: string, args: string[], what: string, timeoutMs?: number): Promise<void> {
  const r = await ctx.run(command, args, timeoutMs);
  if (r.code !== 0) throw failure(what, r);
}

function failure(what: string, r: StepRun): StepFailure {
  const how = r.spawnError ? `could not start: ${r.spawnError}` : r.signal ? `stopped by ${r.signal}` : `exit code ${r.code}`;
  const lastError = [...r.lines].reverse().find((l) => /error|failed|not found|no matching/i.test(l));
  return new StepFailure(
    `${what} (${how})${lastError ? `: ${lastError.trim()}` : ''}. The output is above. Fix the cause, then press Set up again: the project's files are kept.`,
  );
}

/** Whether the folder already has what a step would make (used to label "Set up again"). */
export async function hasEnvironment(template: TemplateId, dir: string): Promise<boolean> {
  const probe = template === 'fastmcp' ? venvPython(dir) : path.join(dir, 'node_modules', '@modelcontextprotocol', 'sdk');
  return fs.stat(probe).then(
    () => true,
    () => false,
  );
}
