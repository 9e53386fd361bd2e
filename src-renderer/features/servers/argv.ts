/**
 * Shell-like splitting for the "args" field: whitespace separates, single quotes keep everything
 * literally, double quotes keep spaces and allow \" and \\, a backslash outside quotes escapes the
 * next character. No variables, globs or pipes: MCP Lab never runs a shell.
 */
export type SplitResult = { ok: true; argv: string[] } | { ok: false; error: string };

export function splitCommandLine(line: string): SplitResult {
  const argv: string[] = [];
  let cur = '';
  let inArg = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) cur += line[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inArg = true;
    } else if (c === '\\') {
      if (i + 1 < line.length) cur += line[++i];
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) argv.push(cur);
      cur = '';
      inArg = false;
    } else {
      cur += c;
      inArg = true;
    }
  }
  if (quote) return { ok: false, error: `unclosed ${quote === '"' ? 'double' : 'single'} quote` };
  if (inArg) argv.push(cur);
  return { ok: true, argv };
}

/** Quote one argument so that splitCommandLine gives it back unchanged. */
export function quoteArg(a: string): string {
  if (a !== '' && /^[\w@%+=:,./-]+$/.test(a)) return a;
  return `'${a.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteArg).join(' ');
}

export type ArgsInputMode = 'line' | 'lines';

/** The args field: one shell-like line, or one argument per line taken literally. */
export function parseArgsInput(mode: ArgsInputMode, text: string): SplitResult {
  if (mode === 'lines') return { ok: true, argv: text.split(/\r?\n/).filter((l) => l.length > 0) };
  const flat = text.replace(/\r?\n/g, ' ');
  return splitCommandLine(flat);
}

export function formatArgsInput(mode: ArgsInputMode, args: readonly string[]): string {
  return mode === 'lines' ? args.join('\n') : args.map(quoteArg).join(' ');
}
