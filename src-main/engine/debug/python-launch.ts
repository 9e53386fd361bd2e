import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { DEBUGPY_VERSION } from '../../../src-shared/api/schemas/debug';

const run = promisify(execFile);

export { DEBUGPY_VERSION };

/** A command MCP Lab cannot run under a debugger, with what to do. */
export class DebugLaunchError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /** The debugger is not installed there (a person may install it), rather than a command it cannot wrap. */
    readonly missing = false,
  ) {
    super(message);
  }
}

export interface CommandLine {
  command: string;
  args: string[];
}

const PYTHON = /^python(\d+(\.\d+)?)?(\.exe)?$/i;
/** Interpreter options that take a value: the value is not the script. */
const PYTHON_VALUE_OPTIONS = new Set(['-W', '-X', '-Q']);

/** Whether a command runs Python: an interpreter, `uv run`, or a `.py` script given to something. */
export function isPythonCommand(c: CommandLine): boolean {
  const base = path.basename(c.command);
  return PYTHON.test(base) || (base === 'uv' && c.args[0] === 'run') || c.args.some((a) => a.endsWith('.py'));
}

/**
 * The same command under debugpy, listening on 127.0.0.1 only and waiting for MCP Lab before the
 * first line runs (so breakpoints set before the start are in place). Interpreter options stay in
 * front of `-m debugpy`; `python -m pkg` and `python script.py` both keep their meaning.
 */
export function debugpyCommand(c: CommandLine, port: number): CommandLine {
  const listen = ['-m', 'debugpy', '--listen', `127.0.0.1:${port}`, '--wait-for-client'];
  const base = path.basename(c.command);
  if (PYTHON.test(base)) return { command: c.command, args: withInterpreterOptionsFirst(c.args, listen) };
  if (base === 'uv' && c.args[0] === 'run') {
    // `uv run [uv options] python …` or `uv run [uv options] script.py`.
    const i = c.args.findIndex((a, k) => k > 0 && !a.startsWith('-') && !isUvOptionValue(c.args, k));
    const target = i === -1 ? undefined : c.args[i];
    if (target !== undefined && PYTHON.test(path.basename(target)))
      return { command: c.command, args: [...c.args.slice(0, i + 1), ...withInterpreterOptionsFirst(c.args.slice(i + 1), listen)] };
    if (target !== undefined && target.endsWith('.py'))
      return { command: c.command, args: [...c.args.slice(0, i), 'python', ...listen, ...c.args.slice(i)] };
  }
  throw new DebugLaunchError(
    `MCP Lab cannot run "${[c.command, ...c.args].join(' ')}" under the Python debugger`,
    'Start the server with its interpreter (".venv/bin/python server.py" or "python -m package") or with "uv run server.py", then press Debug again.',
  );
}

function withInterpreterOptionsFirst(args: string[], listen: string[]): string[] {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-') && args[i] !== '-m' && args[i] !== '-c')
    i += PYTHON_VALUE_OPTIONS.has(args[i]!) ? 2 : 1;
  if (args[i] === '-c')
    throw new DebugLaunchError('a "python -c" server cannot run under the debugger', 'Put the code in a file and start that file.');
  return [...args.slice(0, i), ...listen, ...args.slice(i)];
}

/** uv options whose next argument is their value (`--with pkg`, `--python 3.12`). */
function isUvOptionValue(args: string[], k: number): boolean {
  const prev = args[k - 1] ?? '';
  return /^--(with|python|project|directory|env-file|group|extra|index|index-url|from)$/.test(prev) || /^-[pw]$/.test(prev);
}

/** The interpreter a Python command runs, as a command line that runs Python code (`… -c CODE`). */
export function interpreterOf(c: CommandLine): CommandLine {
  const base = path.basename(c.command);
  if (PYTHON.test(base)) return { command: c.command, args: [] };
  if (base === 'uv' && c.args[0] === 'run') return { command: c.command, args: ['run', 'python'] };
  return { command: 'python3', args: [] };
}

/** debugpy's version in the server's interpreter, or undefined when it is not installed there. */
export async function debugpyVersion(c: CommandLine, cwd: string, env: Record<string, string>): Promise<string | undefined> {
  const py = interpreterOf(c);
  try {
    const { stdout } = await run(py.command, [...py.args, '-c', 'import debugpy, sys; sys.stdout.write(debugpy.__version__)'], {
      cwd,
      env,
      timeout: 60_000,
    });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Install debugpy into the server's own interpreter with its pip (a person asked for it). A `uv`
 * project is told how to add it instead: its lock file is the person's to change.
 */
export async function installDebugpy(
  c: CommandLine,
  cwd: string,
  env: Record<string, string>,
): Promise<{ installed: boolean; python: string; version?: string; output?: string }> {
  const py = interpreterOf(c);
  const python = [py.command, ...py.args].join(' ');
  if (path.basename(c.command) === 'uv')
    return {
      installed: false,
      python,
      output: `This server runs with uv: add the debugger to its project with "uv add --dev debugpy==${DEBUGPY_VERSION}", then press Debug again.`,
    };
  try {
    await run(py.command, [...py.args, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', `debugpy==${DEBUGPY_VERSION}`], {
      cwd,
      env,
      timeout: 10 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    return { installed: false, python, output: (x.stderr || x.stdout || x.message).trim().split('\n').slice(-15).join('\n') };
  }
  const version = await debugpyVersion(c, cwd, env);
  return version
    ? { installed: true, python, version }
    : { installed: false, python, output: 'pip finished, but the interpreter still does not import debugpy' };
}

/** A free TCP port on 127.0.0.1 (debugpy needs a number up front; 0 would leave MCP Lab guessing). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
