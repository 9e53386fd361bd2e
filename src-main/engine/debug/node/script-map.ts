import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eachMapping, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/** A place in a file: absolute path, 1-based line. */
export interface FileLine {
  path: string;
  line: number;
}

/** A place in the code V8 runs: 0-based line and column, as the inspector counts. */
export interface GeneratedPosition {
  lineNumber: number;
  columnNumber: number;
}

/** How far below an empty or comment line a breakpoint looks for code, as editors do. */
const NEXT_CODE_LINES = 20;
/** A source map file read from disk larger than this is not one a compiler wrote for a server. */
const MAX_MAP_BYTES = 32 << 20;

/**
 * One script the debuggee parsed, with its source map when it has one. tsx (esbuild) hands V8
 * whitespace-minified JavaScript with an inline map, so V8's lines are not the .ts lines a person
 * clicks: breakpoints go through the map one way, paused frames the other.
 */
export class ScriptMap {
  /** Original file → original line → the first generated position of that line. */
  private readonly firstPosition = new Map<string, Map<number, GeneratedPosition>>();

  private constructor(
    readonly url: string,
    /** The script's own file, when it is one. */
    readonly path: string | undefined,
    private readonly map: TraceMap | undefined,
  ) {
    if (!map) return;
    eachMapping(map, (m) => {
      if (m.source === null || m.originalLine === null) return;
      const file = toPath(m.source);
      if (!file) return;
      const lines = this.firstPosition.get(file) ?? new Map<number, GeneratedPosition>();
      this.firstPosition.set(file, lines);
      const at = { lineNumber: m.generatedLine - 1, columnNumber: m.generatedColumn };
      const known = lines.get(m.originalLine);
      if (!known || at.lineNumber < known.lineNumber || (at.lineNumber === known.lineNumber && at.columnNumber < known.columnNumber))
        lines.set(m.originalLine, at);
    });
  }

  /** Read the script's source map (inline, or a file beside it on this machine); none: the script is its own source. */
  static async load(url: string, sourceMapURL: string | undefined): Promise<ScriptMap> {
    const own = toPath(url);
    if (!sourceMapURL) return new ScriptMap(url, own, undefined);
    try {
      const text = await readMap(sourceMapURL, url);
      return new ScriptMap(url, own, text === undefined ? undefined : new TraceMap(text, url));
    } catch {
      // An unreadable map: breakpoints in this script fall back to its own lines.
      return new ScriptMap(url, own, undefined);
    }
  }

  get hasMap(): boolean {
    return this.map !== undefined;
  }

  /** The original files this script was made from (its own file when it has no map). */
  sources(): string[] {
    if (!this.map) return this.path ? [this.path] : [];
    return [...this.firstPosition.keys()];
  }

  /**
   * Where V8 should break for a line of `file`: the first code at or below that line (an empty
   * line moves down to the next line with code). Undefined when this script has no code there.
   */
  generatedFor(file: string, line: number): { at: GeneratedPosition; line: number } | undefined {
    if (!this.map) return file === this.path ? { at: { lineNumber: line - 1, columnNumber: 0 }, line } : undefined;
    const lines = this.firstPosition.get(file);
    if (!lines) return undefined;
    for (let l = line; l <= line + NEXT_CODE_LINES; l++) {
      const at = lines.get(l);
      if (at) return { at, line: l };
    }
    return undefined;
  }

  /** The original place of a position V8 reports (the script's own line without a map). */
  originalOf(p: GeneratedPosition): FileLine & { column?: number } {
    if (this.map) {
      const o = originalPositionFor(this.map, { line: p.lineNumber + 1, column: p.columnNumber });
      const file = o.source === null ? undefined : toPath(o.source);
      if (file && o.line !== null) return { path: file, line: o.line, column: o.column + 1 };
    }
    return { path: this.path ?? this.url, line: p.lineNumber + 1, column: p.columnNumber + 1 };
  }
}

async function readMap(sourceMapURL: string, scriptUrl: string): Promise<string | undefined> {
  if (sourceMapURL.startsWith('data:')) {
    const comma = sourceMapURL.indexOf(',');
    const meta = sourceMapURL.slice(5, comma);
    const body = sourceMapURL.slice(comma + 1);
    return meta.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
  }
  // A map file beside the script (tsc's `sourceMap`): read from disk, never fetched from anywhere.
  const base = scriptUrl.startsWith('file:') ? scriptUrl : path.isAbsolute(scriptUrl) ? pathToFileURL(scriptUrl).href : undefined;
  if (!base) return undefined;
  const file = toPath(new URL(sourceMapURL, base).href);
  if (!file) return undefined;
  const text = await readFile(file, 'utf8');
  return text.length > MAX_MAP_BYTES ? undefined : text;
}

/** A `file:` URL or an absolute path as an absolute path; anything else (node:, wasm:, http:) is no file. */
function toPath(urlOrPath: string): string | undefined {
  if (urlOrPath.startsWith('file:')) {
    try {
      return fileURLToPath(urlOrPath);
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(urlOrPath) ? path.normalize(urlOrPath) : undefined;
}
