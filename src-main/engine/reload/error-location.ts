import path from 'node:path';

/**
 * Where a Python traceback or a Node stack trace points in the server's own code: the innermost
 * frame inside the server's folder (not in .venv, site-packages or node_modules).
 */
export function errorLocation(lines: string[], serverDir: string): { abs: string; line: number } | undefined {
  const text = lines.join('\n');
  const found: { abs: string; line: number }[] = [];
  for (const m of text.matchAll(/File "([^"]+)", line (\d+)/g)) found.push({ abs: m[1]!, line: Number(m[2]) });
  for (const m of text.matchAll(/(?:file:\/\/)?((?:\/|[A-Za-z]:[\\/])[^\s:()'"`]+\.(?:[cm]?[jt]sx?|py)):(\d+)(?::\d+)?/g))
    found.push({ abs: decodeURI(m[1]!), line: Number(m[2]) });
  const ours = found.filter((f) => {
    const abs = path.resolve(serverDir, f.abs);
    const rel = path.relative(serverDir, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && !/(^|[\\/])(\.venv|venv|site-packages|node_modules)([\\/]|$)/.test(rel);
  });
  // Python lists the innermost frame last; a syntax error's own "File" line comes last too. Node
  // prints the innermost frame first, but its transform errors name the file once.
  const isPython = /Traceback|File "/.test(text);
  const pick = isPython ? ours.at(-1) : ours[0];
  return pick ? { abs: path.resolve(serverDir, pick.abs), line: pick.line } : undefined;
}
