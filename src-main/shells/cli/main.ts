import { Command, InvalidArgumentError, Option } from 'commander';
import { APP_VERSION } from '../../../src-shared/version';
import { callCommand } from './commands/call';
import { serveCommand } from './commands/serve';
import { toolsCommand } from './commands/tools';
import { CliError, EXIT } from './exit-codes';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};
const collect = (v: string, prev: string[]) => [...prev, v];

/** Options every command that starts a server from `-- <command>` shares. */
function serverOptions(cmd: Command): Command {
  return cmd
    .option('-e, --env <KEY=VALUE>', 'environment variable for the server (repeatable)', collect, [])
    .option('--inherit-env', "pass this shell's whole environment to the server (default: a documented minimal set)", false)
    .option('--handshake-timeout-ms <ms>', 'how long the server gets to answer initialize', int('--handshake-timeout-ms'), 30_000)
    .argument('[command...]', 'the server command, after --');
}

export function buildProgram(signal: AbortSignal): Command {
  const program = new Command('mcp-lab')
    .description('MCP Lab: build, run and test MCP servers')
    .version(APP_VERSION)
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('serve')
    .description('run MCP Lab in your browser (127.0.0.1 only, with a per-start access token)')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', int('--port'), 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--force-host', 'allow binding beyond loopback (exposes a process-starting API: think twice)', false)
    .option('-w, --workspace <dir>', 'workspace folder (default: the default workspace in the app-data folder)')
    .addOption(new Option('--allow-origin <origin>', 'extra allowed Origin, for UI development').argParser(collect).default([]).hideHelp())
    .action(async (opts) => {
      process.exitCode = await serveCommand(opts, process.stdout, process.stderr);
    });

  serverOptions(
    program
      .command('tools')
      .description('list the tools of a server: mcp-lab tools [--json] -- <command> [args…]')
      .option('--json', 'machine-readable output with full schemas', false),
      
  ).action(async (command: string[], opts) => {
    process.exitCode = await toolsCommand({ ...opts, command }, process.stdout);
  });

  serverOptions(
    program
      .command('call')
      .description("call a tool: mcp-lab call <tool> [--args '<json>'] [--timeout-ms N] [--json] -- <command> [args…]")
      .argument('<tool>', 'tool name')
      .option('-a, --args <json>', 'arguments as a JSON object')
      .option('-t, --timeout-ms <ms>', 'give up after this long without an answer or progress', int('--timeout-ms'), 60_000)
      .option('--json', 'print the whole outcome as JSON (status, durationMs, raw result)', false),
      
  ).action(async (tool: string, command: string[], opts) => {
    process.exitCode = await callCommand({ ...opts, tool, command }, process.stdout, process.stderr, signal);
  });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const ac = new AbortController();
  // Ctrl+C during a call cancels it (the server is told), then we exit with 130.
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  const program = buildProgram(ac.signal);
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`mcp-lab: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else if (e && typeof e === 'object' && 'exitCode' in e && 'code' in e && String((e as { code: string }).code).startsWith('commander.')) {
      // commander already printed its message (help, version, usage errors)
      const code = (e as { exitCode: number }).exitCode;
      process.exitCode = code === 0 ? 0 : EXIT.usage;
    } else {
      process.stderr.write(`mcp-lab: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
}

// Entry point when run as the bundled CLI (out/main/cli.js) or through tsx.
const isMain = process.argv[1] && /(^|[\\/])(cli\.(m?js|ts)|main\.ts)$/.test(process.argv[1]);
if (isMain) await runCli(process.argv);
