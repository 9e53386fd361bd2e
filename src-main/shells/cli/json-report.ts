import { EXIT, errorKindFor, type ErrorKind } from './exit-codes';

/**
 * What `--json` prints, the same shape for every verb and on failure too (README, "JSON output"):
 * `data` is the verb's result when there is one; `error` is there whenever `exitCode` is not 0.
 */
export interface JsonEnvelope {
  ok: boolean;
  verb: string;
  exitCode: number;
  data?: unknown;
  error?: { kind: ErrorKind; message: string };
}

/**
 * The one envelope of a `--json` run. A verb hands in its result; the top-level handler hands in
 * a failure that escaped the verb; the envelope is printed once, at the end, with the exit code
 * the process really ends with (Ctrl+C can still turn a finished run into 130).
 */
export class JsonReport {
  private result: { exitCode: number; data?: unknown; message?: string | undefined } | undefined;
  private printed = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    /** The verb and whether --json was given, read from the command line before commander parses it. */
    readonly verb: string,
    readonly enabled: boolean,
  ) {}

  /** The verb's result (its exit code, data, and the reason when it is not 0). */
  set(exitCode: number, data?: unknown, message?: string): void {
    this.result = { exitCode, data, message };
  }

  /** A failure that escaped the verb: kept with whatever data the verb already set. */
  fail(exitCode: number, message: string): void {
    this.result = { ...this.result, exitCode, message };
  }

  /** Print the envelope (once), ending with `exitCode`. */
  flush(exitCode: number, interruptedMessage?: string): void {
    if (!this.enabled || this.printed) return;
    this.printed = true;
    const r = this.result ?? { exitCode };
    const message = exitCode === EXIT.cancelled && r.exitCode !== EXIT.cancelled ? interruptedMessage : r.message;
    const envelope: JsonEnvelope = { ok: exitCode === EXIT.ok, verb: this.verb, exitCode };
    if (r.data !== undefined) envelope.data = r.data;
    if (exitCode !== EXIT.ok) envelope.error = { kind: errorKindFor(exitCode), message: message ?? 'failed' };
    // JSON.stringify escapes lone surrogates (\ud800) and control characters: the output is always valid JSON.
    this.out.write(JSON.stringify(envelope, null, 2) + '\n');
  }
}

/** `mcp-lab <verb> … --json …`: read before parsing, so that a usage error still gets its envelope. */
export function jsonReportFor(argv: string[], out: NodeJS.WritableStream): JsonReport {
  const args = argv.slice(2);
  const end = args.indexOf('--');
  const before = end < 0 ? args : args.slice(0, end);
  const verb = before.find((a) => !a.startsWith('-')) ?? '';
  return new JsonReport(out, verb, before.includes('--json'));
}
