import { Command, InvalidArgumentError, Option } from 'commander';
import { APP_VERSION } from '../../../src-shared/version';
import type { CommandIo } from './commands/request-command';
import { registerQualityCommands } from './commands/quality-commands';
import { registerServerListCommands } from './commands/server-lists';
import { EXIT } from './exit-codes';
import { debugDetail, describeFailure } from './cli-failure';
import { jsonReportFor, type JsonReport } from './json-report';
import { escapeControls, escapingStream } from './terminal-text';
import { clientFeatureOptions } from './client-feature-options';
import { remoteOptions } from './remote-options';
import { ProtocolPinSchema } from '../../../src-shared/api/schemas/protocol';

// A zero timeout, count or duration would end a run before it starts: those must be above 0.
const int = (name: string) => (v: string) => {
  const min = /-ms$|^--(concurrency|calls|runs|duration)$/.test(name) ? 1 : 0;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number${min ? ' above 0' : ''}, e.g. ${name} ${min ? 5000 : 1}`);
  return n;
};
const collect = (v: string, prev: string[]) => [...prev, v];

/** Options every command that starts a server from `-- <command>` (or reaches one by `--url`) shares. */
function serverOptions(cmd: Command): Command {
  return remoteOptions(clientFeatureOptions(cmd), int)
    .option('-e, --env <KEY=VALUE>', 'environment variable for the server (repeatable)', collect, [])
    .option('--inherit-env', "pass this shell's whole environment to the server (default: a documented minimal set)", false)
    .option('--handshake-timeout-ms <ms>', 'how long the server gets to answer initialize', int('--handshake-timeout-ms'), 30_000)
    .addOption(
      new Option('--protocol <version>', 'protocol revision: auto asks server/discover and falls back to initialize')
        .choices(ProtocolPinSchema.options)
        .default('auto'),
    )
    .option('-W, --workspace <dir>', 'start a server configured in this workspace folder instead of a command after --')
    .option('-s, --server <id>', 'which server of --workspace (needed when it has several)')
    .option('-v, --stderr', "stream the server's stderr, log messages and progress to this terminal (stderr)", false)
    .option(
      '--raw',
      "print the server's text as it is, control characters and escape sequences included (default: shown escaped, as \\u001b)",
      false,
    )
    .argument('[command...]', 'the server command, after --');
}

/** Options of a command that sends one request: --timeout-ms, --json, then the server options. */
function requestOptions(cmd: Command): Command {
  return serverOptions(
    cmd
      .option('-t, --timeout-ms <ms>', 'give up after this long without an answer', int('--timeout-ms'), 60_000)
      .option('--json', 'print the whole outcome as JSON (status, durationMs, sizes, raw result)', false),
  );
}

export function buildProgram(signal: AbortSignal, report: JsonReport = jsonReportFor([], process.stdout)): Command {
  // Human output never passes a server's control sequences to the terminal, unless --raw asks for it.
  let raw = false;
  const io: CommandIo = { out: escapingStream(process.stdout, () => raw), err: escapingStream(process.stderr, () => raw), signal, report };
  const run = (p: Promise<number>) => p.then((code) => void (process.exitCode = code));

  const program = new Command('mcp-lab')
    .description('MCP Lab: build, run and test MCP servers')
    .version(APP_VERSION)
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    // Before any verb is added: subcommands inherit it, so a usage error throws (exit 2) instead of exiting 1.
    .exitOverride()
    .hook('preAction', (_program, verb) => {
      raw = verb.opts<{ raw?: boolean }>().raw === true;
    });

  program
    .command('serve')
    .description('run MCP Lab in your browser (127.0.0.1 only, with a per-start access token)')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', int('--port'), 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--force-host', 'allow binding beyond loopback (exposes a process-starting API: think twice)', false)
    .option('-w, --workspace <dir>', 'workspace folder (default: the default workspace in the app-data folder)')
    .option('--allow-root <dir>', 'a folder the browser UI may open or create projects in, besides the workspace (repeatable)', collect, [])
    .option(
      '--health-interval-ms <ms>',
      'how often each running server is pinged to tell a hung one (default 15000)',
      int('--health-interval-ms'),
    )
    .addOption(new Option('--allow-origin <origin>', 'extra allowed Origin, for UI development').argParser(collect).default([]).hideHelp())
    .action(async (opts) => {
      process.exitCode = await (await import('./commands/serve')).serveCommand(opts, process.stdout, process.stderr);
    });

  program
    .command('new')
    .description(
      'create an MCP server project from a template, set up its environment and run its tests: mcp-lab new fastmcp|typescript <folder>',
    )
    .argument('<template>', 'fastmcp (Python) or typescript (TypeScript SDK)')
    .argument('<folder>', 'the new project folder (must not exist, or be empty)')
    .option('--name <name>', "the server's name (default: the folder's name)")
    .option('--no-setup', 'only write the files: no environment, no install, no tests')
    .option('--no-tests', "set up the environment but do not run the project's tests")
    .option('--json', 'print the result (files, server, setup steps) as JSON', false)
    .action(async (template: string, folder: string, opts) =>
      run((await import('./commands/new')).newCommand({ ...opts, template, folder }, io)),
    );

  program
    .command('setup')
    .description("set up a project's environment again (after a failed `new`) and run its tests: mcp-lab setup fastmcp|typescript <folder>")
    .argument('<template>', 'fastmcp or typescript')
    .argument('<folder>', 'the project folder')
    .option('--no-tests', "do not run the project's tests")
    .option('--json', 'print the setup job as JSON', false)
    .action(async (template: string, folder: string, opts) =>
      run((await import('./commands/new')).newCommand({ ...opts, template, folder, setup: true, again: true }, io)),
    );

  serverOptions(
    program
      .command('tools')
      .description('list the tools of a server: mcp-lab tools [--json] -- <command> [args…]')
      .option('--json', 'machine-readable output with full schemas', false),
  ).action(async (command: string[], opts) => {
    process.exitCode = await (await import('./commands/tools')).toolsCommand({ ...opts, command }, io);
  });

  serverOptions(
    program
      .command('call')
      .description(
        "call a tool: mcp-lab call <tool> [--args '<json>'] [--task] [--timeout-ms N] [--break FILE:LINE] [--json] -- <command> [args…]",
      )
      .argument('<tool>', 'tool name')
      .option('-a, --args <json>', 'arguments as a JSON object, @FILE to read it from a file, - from stdin')
      .option('--task', 'run it as a task (for a tool whose task support is optional; required ones always run as tasks)', false)
      .option('-t, --timeout-ms <ms>', 'give up after this long without an answer or progress', int('--timeout-ms'), 60_000)
      .option('--json', 'print the whole outcome as JSON (status, durationMs, raw result)', false)
      .option(
        '-b, --break <FILE:LINE>',
        'run the server under its debugger (Python: debugpy; Node: --inspect), print where it stops and its local variables, and go on (repeatable)',
        collect,
        [],
      ),
  ).action(async (tool: string, command: string[], opts) => {
    process.exitCode = await (await import('./commands/call')).callCommand({ ...opts, tool, command }, io);
  });

  serverOptions(
    program
      .command('bench')
      .description("load-test a tool: mcp-lab bench <tool> [--args '<json>'] --concurrency N --duration S [--json] -- <command> [args…]")
      .argument('<tool>', 'tool name')
      .option('-a, --args <json>', 'arguments for every call, as a JSON object (@FILE: from a file, -: from stdin)')
      .option('--generated', "generate valid arguments from the tool's input schema instead", false)
      .option('--seed <n>', 'seed for --generated arguments', int('--seed'), 1)
      .option('-c, --concurrency <n>', 'calls in flight at once', int('--concurrency'), 4)
      .option('-d, --duration <seconds>', 'stop after this long', int('--duration'))
      .option('-n, --calls <n>', 'stop after this many calls', int('--calls'))
      .option('--ramp-up <seconds>', 'start the callers spread over this long', int('--ramp-up'), 0)
      .option(
        '--leak',
        'leak hunt: call one at a time and judge whether memory keeps growing (needs --calls; 5000 or more for garbage-collected servers)',
        false,
      )
      .option('-t, --timeout-ms <ms>', 'per-call timeout', int('--timeout-ms'), 30_000)
      .option('--json', 'print the whole run as JSON', false),
  ).action(async (tool: string, command: string[], opts) => {
    process.exitCode = await (await import('./commands/bench')).benchCommand({ ...opts, tool, command }, io);
  });

  requestOptions(
    program
      .command('resources')
      .description('list the resources of a server (every page): mcp-lab resources [--json] -- <command> [args…]'),
  ).action(async (command: string[], opts) => run((await import('./commands/resources')).resourcesCommand({ ...opts, command }, io)));

  requestOptions(
    program.command('templates').description('list the resource templates of a server: mcp-lab templates [--json] -- <command> [args…]'),
  ).action(async (command: string[], opts) => run((await import('./commands/templates')).templatesCommand({ ...opts, command }, io)));

  requestOptions(
    program
      .command('read')
      .description(
        'read a resource: text is printed, a blob summarized or written with --out: mcp-lab read <uri> [--out FILE] -- <command> [args…]',
      )
      .argument('<uri>', 'resource URI')
      .option('-o, --out <file>', 'write the (first) contents to this file instead of printing'),
  ).action(async (uri: string, command: string[], opts) =>
    run((await import('./commands/read')).readCommand({ ...opts, uri, command }, io)),
  );

  requestOptions(
    program.command('prompts').description('list the prompts of a server: mcp-lab prompts [--json] -- <command> [args…]'),
  ).action(async (command: string[], opts) => run((await import('./commands/prompts')).promptsCommand({ ...opts, command }, io)));

  requestOptions(
    program
      .command('prompt')
      .description("get a prompt's messages: mcp-lab prompt <name> [--args '<json>'] -- <command> [args…]")
      .argument('<name>', 'prompt name')
      .option('-a, --args <json>', 'prompt arguments as a JSON object of strings (@FILE: from a file, -: from stdin)'),
  ).action(async (name: string, command: string[], opts) =>
    run((await import('./commands/prompt')).promptCommand({ ...opts, name, command }, io)),
  );

  requestOptions(
    program
      .command('complete')
      .description(
        'ask for completions of a prompt argument or a template variable: mcp-lab complete (--prompt NAME | --resource URI) --arg NAME --value V -- <command>',
      )
      .option('--prompt <name>', 'complete an argument of this prompt')
      .option('--resource <uri>', 'complete a variable of this resource template')
      .requiredOption('--arg <name>', 'the argument or variable to complete')
      .requiredOption('--value <value>', 'what has been typed so far (may be empty)')
      .option('--context <json>', 'values already chosen for other arguments, as a JSON object of strings'),
  ).action(async (command: string[], opts) => run((await import('./commands/complete')).completeCommand({ ...opts, command }, io)));

  requestOptions(program.command('ping').description('start a server and ping it once: mcp-lab ping -- <command> [args…]')).action(
    async (command: string[], opts) => run((await import('./commands/ping')).pingCommand({ ...opts, command }, io)),
  );

  serverOptions(
    program
      .command('surface')
      .description(
        "print a server's surface (tools and their schemas, resources, templates, prompts, capabilities); --save it, or --check the server against a saved one: mcp-lab surface [--save FILE | --check FILE] [--json] -- <command> [args…]",
      )
      .option(
        '--save <file>',
        'write the surface to this file (stable order, diff-friendly JSON); only a surface snapshot is ever overwritten',
      )
      .option('--check <file>', 'compare the server with this saved surface: breaking changes first, exit 1 when there is one')
      .option('--json', 'print the surface (or the classified changes) as JSON', false),
  ).action(async (command: string[], opts) => run((await import('./commands/surface')).surfaceCommand({ ...opts, command }, io)));

  registerQualityCommands(program, serverOptions, int, io);
  registerServerListCommands(program, { ...io, in: process.stdin });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  // `mcp-lab fuzz … | head -1` closes our stdout early: that is the reader's choice, not a crash,
  // and not a verdict either. What is left to print is dropped; the run goes on and exits with its
  // own code (exiting here would report 0 for a run that found something).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      throw e;
    });
  }
  const ac = new AbortController();
  // A failure that escaped every await still gets one line and a documented code, never a stack.
  const onStray = (e: unknown) => {
    const failure = describeFailure(e);
    process.stderr.write(`mcp-lab: ${failure.message ?? String(e)}\n${debugDetail(e) ?? ''}`);
    const code = ac.signal.aborted ? EXIT.cancelled : failure.exitCode;
    report.fail(code, failure.message ?? String(e));
    report.flush(code, 'interrupted (Ctrl+C)');
    process.exit(code);
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  // Ctrl+C during a call cancels it (the server is told), then we exit with 130; a second Ctrl+C
  // does not wait for that. `on`, not `once`: signal-exit (loaded by write-file-atomic) re-raises
  // SIGINT when it finds itself the only listener, which would end us by the signal, not with 130.
  const onSigint = () => {
    if (ac.signal.aborted) process.exit(EXIT.cancelled);
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  const report = jsonReportFor(argv, process.stdout);
  const program = buildProgram(ac.signal, report);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const failure = describeFailure(e);
    // The reason can quote the server (its stderr tail): escaped like the rest of human output.
    if (failure.message !== undefined) process.stderr.write(`mcp-lab: ${escapeControls(failure.message)}\n`);
    const detail = debugDetail(e);
    if (detail) process.stderr.write(`${detail}\n`);
    process.exitCode = failure.exitCode;
    // commander printed its own line; the envelope carries it without the "error: " prefix
    if (failure.exitCode !== EXIT.ok) report.fail(failure.exitCode, failure.message ?? (e as Error).message.replace(/^error: /, ''));
  } finally {
    process.off('SIGINT', onSigint);
  }
  // Whatever the verb made of it (a stopped run, cancelled calls), Ctrl+C means 130.
  if (ac.signal.aborted && process.exitCode !== EXIT.cancelled) {
    process.stderr.write('mcp-lab: interrupted (Ctrl+C)\n');
    process.exitCode = EXIT.cancelled;
  }
  report.flush(Number(process.exitCode ?? EXIT.ok), 'interrupted (Ctrl+C)');
}

// Entry point when run as the bundled CLI (out/main/cli.js) or through tsx.
const isMain = process.argv[1] && /(^|[\\/])(cli\.(m?js|ts)|main\.ts)$/.test(process.argv[1]);
if (isMain) await runCli(process.argv);
