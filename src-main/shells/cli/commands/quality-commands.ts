import type { Command } from 'commander';
import type { CommandIo } from './request-command';
import { parseReporter } from '../reporters/reporter-option';

/**
 * `mcp-lab test`, `fuzz` and `lint`. Registered from main.ts with its own helpers, so
 * the server options stay exactly those of `call`.
 */
export function registerQualityCommands(
  program: Command,
  serverOptions: (cmd: Command) => Command,
  int: (name: string) => (v: string) => number,
  io: CommandIo,
): void {
  const run = (p: Promise<number>) => p.then((code) => void (process.exitCode = code));

  program
    .command('test')
    .description(
      'run saved test suites (default: <workspace>/.mcp-lab/tests): mcp-lab test [paths…] [--reporter list|json|junit] [--bail]; or turn one into a native test file: mcp-lab test <suite> --export pytest|vitest --out <file>',
    )
    .argument('[paths...]', "suite files or folders (default: the workspace's .mcp-lab/tests)")
    .option('-r, --reporter <name>', 'list (for people), json, or junit (for CI)', parseReporter, 'list')
    .option('--bail', 'stop at the first failing case', false)
    .option('-w, --workspace <dir>', 'the workspace whose servers and tests to use (default: the current folder)')
    .option('-o, --output <file>', 'write the report to this file (the closing line still goes to stdout)')
    .option('--handshake-timeout-ms <ms>', 'how long each server gets to answer initialize', int('--handshake-timeout-ms'), 30_000)
    .option('--json', 'print the run in the JSON envelope every verb shares (see --reporter json for the bare run)', false)
    .option(
      '--export <format>',
      "write the suite as a test file of the server's own project instead of running it: pytest (FastMCP) or vitest (TypeScript SDK)",
    )
    .option('--out <file>', 'with --export: the file to write')
    .option('--force', 'with --export: replace an --out file that the export did not write', false)
    .action(async (paths: string[], opts) =>
      run(
        opts.export !== undefined || opts.out !== undefined || opts.force
          ? (await import('./test-export')).testExportCommand({ ...opts, paths }, io)
          : (await import('./test')).testCommand({ ...opts, paths }, io),
      ),
    );

  serverOptions(
    program
      .command('fuzz')
      .description(
        'fuzz a tool (or --all) from its inputSchema and report crashes, hangs, protocol errors, accepted bad input: mcp-lab fuzz <tool>|--all [--seed N] [--runs N] [--json] -- <command>',
      )
      .argument('[tool]', 'tool name (or --all)')
      .option('--all', 'fuzz every tool of the server, one after another', false)
      .option('--seed <n>', 'seed of the input generator (the same seed replays the same inputs)', int('--seed'))
      .option('-n, --runs <n>', 'how many inputs to try', int('--runs'), 100)
      .option('-t, --timeout-ms <ms>', 'a call without an answer after this long is a hang', int('--timeout-ms'), 5_000)
      .option('--no-shrink', 'do not look for smaller inputs that still fail')
      .option('--save-suite <file>', 'write the findings as a test suite file (run it with mcp-lab test <file>)')
      .option('--json', 'print the whole run (findings, inputs, outcomes) as JSON', false),
  ).action(async (tool: string | undefined, command: string[], opts) =>
    run((await import('./fuzz')).fuzzCommand({ ...opts, ...toolAndCommand(tool, command, opts.all === true) }, io)),
  );

  serverOptions(
    program
      .command('lint')
      .description(
        'check a server against the best-practice guide (its lists, its protocol behaviour, its source): mcp-lab lint [--reporter list|json|junit] -- <command>',
      )
      .option('-r, --reporter <name>', 'list (for people), json, or junit (for CI)', parseReporter, 'list')
      .option('--fail-on <severity>', 'exit 1 on findings of this severity or worse: error, warning or info', 'info')
      .option('--no-probes', 'do not send protocol probes (unknown method, ping, cancellation)')
      .option('--config <dir>', 'the folder whose .mcp-lab/lint.json switches rules off (default: --workspace, else the current folder)')
      .option('--json', 'print the report in the JSON envelope every verb shares (see --reporter json for the bare report)', false)
      .option('-o, --output <file>', 'write the report to this file'),
  ).action(async (command: string[], opts) => run((await import('./lint')).lintCommand({ ...opts, command }, io)));
}

/**
 * With --all, the first word after `--` lands in the optional <tool> operand: it belongs to the
 * server command. A tool named before `--` together with --all is left for fuzzCommand to refuse.
 */
function toolAndCommand(tool: string | undefined, command: string[], all: boolean): { tool: string | undefined; command: string[] } {
  if (!all || tool === undefined) return { tool, command };
  const words = process.argv.slice(2); // past node and the script, which may well be the server's own command
  const dash = words.indexOf('--');
  const beforeDash = dash < 0 ? words : words.slice(0, dash);
  return beforeDash.includes(tool) ? { tool, command } : { tool: undefined, command: [tool, ...command] };
}
