import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { SpawnFailureKind } from '../../../src-shared/api/schemas/server';

export class SpawnFailure extends Error {
  constructor(
    readonly kind: SpawnFailureKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Check the working directory before spawning, so "missing folder" is not reported as ENOENT on the command. */
export async function checkCwd(cwd: string): Promise<void> {
  let st;
  try {
    st = await fs.stat(cwd);
  } catch {
    throw new SpawnFailure('cwdMissing', `working directory ${cwd} does not exist`);
  }
  if (!st.isDirectory()) {
    throw new SpawnFailure('cwdMissing', `working directory ${cwd} is not a folder`, 'Point the working directory at a folder.');
  }
}

/**
 * Find the executable the way the OS would, but with errors a person can act on: which PATH was
 * searched, or why the file we found cannot run.
 */
export async function resolveCommand(command: string, env: Record<string, string>, cwd: string): Promise<string> {
  const isWin = process.platform === 'win32';
  if (command.includes('/') || (isWin && command.includes('\\'))) {
    const full = path.resolve(cwd, command);
    await assertExecutable(full, command);
    return full;
  }
  const searchPath = env.PATH ?? env.Path ?? '';
  const exts = isWin ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      try {
        const st = await fs.stat(candidate);
        if (!st.isFile()) continue;
        await fs.access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // keep looking
      }
    }
  }
  throw new SpawnFailure(
    'commandNotFound',
    `command "${command}" was not found on PATH (searched: ${searchPath || '(empty PATH)'})`,
    `Install ${command}, use its absolute path, or add its folder to PATH in the server's environment.`,
  );
}

async function assertExecutable(full: string, original: string): Promise<void> {
  let st;
  try {
    st = await fs.stat(full);
  } catch {
    throw new SpawnFailure('commandNotFound', `command "${original}" does not exist (looked at ${full})`, 'Check the path to the command.');
  }
  if (st.isDirectory()) {
    throw new SpawnFailure(
      'notExecutable',
      `command "${original}" is a folder, not a program (${full})`,
      'Point the command at the program inside it.',
    );
  }
  try {
    await fs.access(full, constants.X_OK);
  } catch {
    throw new SpawnFailure(
      'notExecutable',
      `command "${original}" is not executable (${full})`,
      `Run \`chmod +x ${full}\`, or start it through its interpreter (for example \`python3 ${original}\` or \`node ${original}\`).`,
    );
  }
}
