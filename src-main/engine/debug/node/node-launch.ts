import path from 'node:path';
import { DebugLaunchError, type CommandLine } from '../python-launch';

/**
 * Node's inspector on 127.0.0.1 only, on a port the system picks (MCP Lab reads it back from
 * stderr, so no port can be taken meanwhile), holding the program before its first line until
 * MCP Lab has set the breakpoints.
 */
export const INSPECT_FLAG = '--inspect-brk=127.0.0.1:0';

const NODE = /^node(js)?(\.exe)?$/i;
const TSX = /^tsx(\.cmd|\.exe)?$/i;
const NPX = /^npx(\.cmd)?$/i;
const NPM = /^(npm|pnpm|yarn|bun)(\.cmd)?$/i;
const SCRIPT = /\.(m|c)?(j|t)sx?$/i;

/** Node options whose next argument is their value (`--import tsx`), so it is not the script. */
const NODE_VALUE_OPTIONS = new Set([
  '--import',
  '--require',
  '-r',
  '--loader',
  '--experimental-loader',
  '--env-file',
  '--conditions',
  '-C',
  '--input-type',
  '--title',
]);
const NPX_VALUE_OPTIONS = new Set(['-p', '--package', '-c', '--call', '--cache', '--userconfig']);

const WHAT_WORKS =
  'Start the server with "node file.js", "node --import tsx src/main.ts", "tsx src/main.ts" or "npx tsx src/main.ts", then press Debug again.';

/** Whether a command runs a Node program (node, tsx, npx tsx, or a JavaScript/TypeScript file given to something). */
export function isNodeCommand(c: CommandLine): boolean {
  const base = path.basename(c.command);
  return NODE.test(base) || TSX.test(base) || NPX.test(base) || NPM.test(base) || c.args.some((a) => SCRIPT.test(a));
}

/**
 * The same command with Node's inspector on: after `node` (`node --import tsx …` keeps its
 * loader), after `tsx` (which hands Node's flags to the Node it starts), or after the `tsx` an
 * `npx` runs. Anything else is refused with what to change: wrapping `npm start` or an arbitrary
 * `npx` package would put the inspector on the wrong process (npm and npx are Node programs too).
 */
export function nodeInspectCommand(c: CommandLine): CommandLine {
  const base = path.basename(c.command);
  if (NODE.test(base)) return { command: c.command, args: [INSPECT_FLAG, ...checkedNodeArgs(c.args, c)] };
  if (TSX.test(base)) return { command: c.command, args: [INSPECT_FLAG, ...checkedTsxArgs(c.args, c)] };
  if (NPX.test(base)) {
    let i = 0;
    while (i < c.args.length && c.args[i]!.startsWith('-')) i += NPX_VALUE_OPTIONS.has(c.args[i]!) ? 2 : 1;
    if (TSX.test(c.args[i] ?? ''))
      return { command: c.command, args: [...c.args.slice(0, i + 1), INSPECT_FLAG, ...checkedTsxArgs(c.args.slice(i + 1), c)] };
    throw refusal(
      c,
      `npx runs ${c.args[i] ? `"${c.args[i]}"` : 'nothing'} here, and MCP Lab cannot tell which Node process runs your code.`,
    );
  }
  if (NPM.test(base))
    throw refusal(c, `${base} starts your server through a script, and the debugger would attach to ${base} itself.`, [
      'Put the script\'s own command in the server\'s settings instead (for this template: "node --import tsx src/main.ts").',
    ]);
  throw refusal(c, 'it is not started with node, tsx or npx tsx.');
}

function checkedNodeArgs(args: string[], c: CommandLine): string[] {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) {
    const a = args[i]!;
    if (/^(-e|--eval|-p|--print)(=|$)/.test(a))
      throw new DebugLaunchError('a "node --eval" server cannot run under the debugger', 'Put the code in a file and start that file.');
    if (/^--inspect/.test(a) || /^--debug/.test(a)) throw alreadyInspecting(c, a);
    i += NODE_VALUE_OPTIONS.has(a) ? 2 : 1;
  }
  if (i >= args.length) throw refusal(c, 'node is given no script to run.');
  return args;
}

function checkedTsxArgs(args: string[], c: CommandLine): string[] {
  if (args[0] === 'watch')
    throw refusal(c, '"tsx watch" restarts the program itself, which would drop the debugger.', [
      'Use "tsx src/main.ts" (without watch): MCP Lab restarts the server when you save, and the debugger follows.',
    ]);
  const inspecting = args.find((a) => /^--inspect/.test(a));
  if (inspecting) throw alreadyInspecting(c, inspecting);
  return args;
}

function alreadyInspecting(c: CommandLine, flag: string): DebugLaunchError {
  return new DebugLaunchError(
    `"${[c.command, ...c.args].join(' ')}" already turns on Node's inspector (${flag})`,
    `Remove ${flag} from the server's arguments: Debug turns the inspector on itself, on 127.0.0.1 only.`,
  );
}

function refusal(c: CommandLine, why: string, hints: string[] = []): DebugLaunchError {
  return new DebugLaunchError(
    `MCP Lab cannot run "${[c.command, ...c.args].join(' ')}" under the Node debugger: ${why}`,
    [...hints, WHAT_WORKS].join(' '),
  );
}

const LISTENING = /^Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)\s*$/;

/** The inspector's address from Node's "Debugger listening on ws://127.0.0.1:PORT/ID" line (only on 127.0.0.1). */
export function inspectorUrlFrom(stderrLine: string): string | undefined {
  return LISTENING.exec(stderrLine)?.[1];
}
