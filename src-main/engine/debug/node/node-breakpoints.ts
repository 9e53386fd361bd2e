import { pathToFileURL } from 'node:url';
import type { BreakpointSpec } from '../../../../src-shared/api/schemas/debug';
import type { InspectorSocket } from './inspector-socket';
import type { GeneratedPosition, ScriptMap } from './script-map';

/** The first argument of a log point's console call: how MCP Lab tells its log points from the server's own console output. */
export const LOG_POINT_MARK = '\u200bmcp-lab-log-point';

const TYPESCRIPT = /\.(m|c)?tsx?$/i;

/**
 * The workspace's breakpoints, placed in one Node debuggee. V8 knows only the JavaScript it
 * runs, so a breakpoint in a file that reached V8 through a source map (TypeScript through tsx)
 * is placed in each script made from that file, at the generated position of its line, once the
 * script is parsed and before it runs. A plain JavaScript file is its own script: its breakpoints
 * are placed by URL up front and V8 applies them when the file loads.
 */
export class NodeBreakpoints {
  private readonly files = new Map<string, BreakpointSpec[]>();
  private readonly scripts = new Map<string, ScriptMap>();
  private readonly placed = new Map<string, string[]>();
  /** Each script's first placement, so the instrumentation pause and scriptParsed place it once. */
  private readonly added = new Map<string, Promise<void>>();
  /** One placement at a time: a removal and a new placement of the same file must not interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: InspectorSocket,
    private readonly warn: (text: string) => void,
    private readonly shown: (file: string) => string,
  ) {}

  /** Replace one file's breakpoints (absolute path). */
  set(file: string, specs: BreakpointSpec[]): Promise<void> {
    this.files.set(file, specs);
    return this.enqueue(file);
  }

  /** A script the debuggee parsed: the breakpoints of its source files go into it before it runs. */
  addScript(scriptId: string, script: ScriptMap): Promise<void> {
    const known = this.added.get(scriptId);
    if (known) return known;
    this.scripts.set(scriptId, script);
    const mine = script.hasMap ? script.sources().filter((f) => this.files.get(f)?.length) : [];
    const placed = Promise.all(mine.map((f) => this.enqueue(f))).then(() => undefined);
    this.added.set(scriptId, placed);
    return placed;
  }

  script(scriptId: string): ScriptMap | undefined {
    return this.scripts.get(scriptId);
  }

  /**
   * Where on a generated line V8 can stop for an original line. Whitespace-minified code packs a
   * statement right after the previous one: the first generated column of `const x = …` is also
   * the place where the statement before it returns (`return f();const x`), and a breakpoint there
   * would stop only when that one returns. So: the first place V8 can break that maps back to the
   * line and is not a return.
   */
  private async breakableAt(
    scriptId: string,
    s: ScriptMap,
    file: string,
    g: { at: GeneratedPosition; line: number },
  ): Promise<{ scriptId: string } & GeneratedPosition> {
    const start = { scriptId, ...g.at };
    const r = await this.socket
      .send<{ locations: ({ type?: string } & GeneratedPosition)[] }>('Debugger.getPossibleBreakpoints', {
        start,
        end: { scriptId, lineNumber: g.at.lineNumber + 1, columnNumber: 0 },
      })
      .catch(() => ({ locations: [] }));
    const onLine = r.locations.filter((l) => {
      const o = s.originalOf(l);
      return o.path === file && o.line === g.line;
    });
    const best = onLine.find((l) => l.type !== 'return') ?? onLine[0];
    return best ? { scriptId, lineNumber: best.lineNumber, columnNumber: best.columnNumber } : start;
  }

  private enqueue(file: string): Promise<void> {
    const next = this.queue.then(() => this.place(file));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async place(file: string): Promise<void> {
    if (this.socket.isClosed) return;
    for (const breakpointId of this.placed.get(file) ?? [])
      await this.socket.send('Debugger.removeBreakpoint', { breakpointId }).catch(() => undefined);
    this.placed.delete(file);
    const specs = this.files.get(file) ?? [];
    if (!specs.length) return;
    const ids: string[] = [];
    const refused: string[] = [];
    const mapped = [...this.scripts].filter(([, s]) => s.hasMap && s.sources().includes(file));
    if (mapped.length) {
      for (const [scriptId, s] of mapped) {
        for (const b of specs) {
          const g = s.generatedFor(file, b.line);
          if (!g) {
            refused.push(`line ${b.line} has no code`);
            continue;
          }
          try {
            const r = await this.socket.send<{ breakpointId: string }>('Debugger.setBreakpoint', {
              location: await this.breakableAt(scriptId, s, file, g),
              ...condition(b),
            });
            ids.push(r.breakpointId);
          } catch (e) {
            refused.push(`line ${b.line}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
    } else if (!TYPESCRIPT.test(file)) {
      // Not seen yet, or plain JavaScript: by URL, so V8 places it when the file loads (the path as the URL of a CommonJS or ES module).
      const urlRegex = `^(?:${escape(pathToFileURL(file).href)}|${escape(file)})$`;
      for (const b of specs) {
        try {
          const r = await this.socket.send<{ breakpointId: string }>('Debugger.setBreakpointByUrl', {
            urlRegex,
            lineNumber: b.line - 1,
            ...condition(b),
          });
          ids.push(r.breakpointId);
        } catch (e) {
          refused.push(`line ${b.line}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    // A TypeScript file no script was made from yet: placed when its script is parsed (addScript).
    this.placed.set(file, ids);
    if (refused.length)
      this.warn(
        `the debugger did not accept ${refused.length} breakpoint${refused.length === 1 ? '' : 's'} in ${this.shown(file)}: ${refused[0]}`,
      );
  }
}

/**
 * V8 has conditions but no log points: a log point is a condition that writes the message to
 * the inspector's own console (never the server's stdout, which carries the protocol) and is
 * false, so the program goes on.
 */
export function condition(b: BreakpointSpec): { condition?: string } {
  const log = b.logMessage
    ? `((c) => (c.log(${JSON.stringify(LOG_POINT_MARK)}, ${template(b.logMessage)}), false))(globalThis.process?.getBuiltinModule?.('node:inspector')?.console ?? { log: console.error })`
    : undefined;
  if (b.condition && log) return { condition: `(${b.condition}) && ${log}` };
  const c = log ?? b.condition;
  return c ? { condition: c } : {};
}

/** `n is {n}` as the template literal `` `n is ${n}` `` (the `{expression}` parts evaluated, as in other debuggers). */
function template(message: string): string {
  let out = '`';
  let last = 0;
  for (const m of message.matchAll(/\{([^{}]+)\}/g)) {
    out += literal(message.slice(last, m.index)) + '${' + m[1] + '}';
    last = m.index + m[0].length;
  }
  return out + literal(message.slice(last)) + '`';
}

const literal = (s: string) => s.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
