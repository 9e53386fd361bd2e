import { ApiError } from '../../../src-shared/api/errors';
import type { ToolModel } from '../../../src-shared/tool-builder/tool-model';
import { ensurePythonImports, generatePythonTool } from '../../../src-shared/tool-builder/python-gen';
import { generateTypeScriptTool } from '../../../src-shared/tool-builder/typescript-gen';
import type { SourceTools } from './source-tools';

/**
 * The source after adding a tool, or after rewriting the tool `replace` from the model. A tool
 * that is rewritten keeps its body (Python) or handler (TypeScript): the builder owns the
 * signature, the schema and the metadata, the author owns the code.
 */
export function applyToolChange(source: string, parsed: SourceTools, tool: ToolModel, replace?: string): string {
  if (parsed.syntaxError)
    throw new ApiError(
      'Conflict',
      `the file has a syntax error at line ${parsed.syntaxError.line ?? '?'} (${parsed.syntaxError.message}): fix it in the editor first`,
    );
  return parsed.language === 'python' ? applyPython(source, parsed, tool, replace) : applyTypeScript(source, parsed, tool, replace);
}

function find(parsed: SourceTools, name: string) {
  const t = parsed.tools.find((x) => x.model.name === name);
  if (!t) {
    const why = parsed.unreadable.find((u) => u.name === name);
    throw new ApiError(
      'Conflict',
      why
        ? `the tool ${name} cannot be edited in the builder (line ${why.line}: ${why.reason}); edit it in code`
        : `there is no tool ${name} in the file (any more): reload the builder`,
    );
  }
  return t;
}

function applyPython(source: string, parsed: SourceTools, tool: ToolModel, replace?: string): string {
  const lines = source.split('\n');
  let out: string[];
  if (replace !== undefined) {
    const t = find(parsed, replace);
    const gen = generatePythonTool(tool, {
      serverVar: t.serverVar,
      isAsync: t.isAsync ?? true,
      keptParams: t.keptParams ?? [],
      keptDecoratorArgs: t.keptDecoratorArgs ?? [],
      ...(t.body !== undefined ? { body: t.body } : {}),
      classRoles: t.classRoles ?? {},
      sharedClasses: t.sharedClasses ?? {},
    });
    const drop = new Set<number>();
    const dropRange = (from: number, to: number, trailingBlanks: boolean) => {
      for (let l = from; l <= to; l++) drop.add(l);
      if (trailingBlanks) for (let l = to + 1; l <= lines.length && lines[l - 1]!.trim() === '' && l <= to + 2; l++) drop.add(l);
    };
    for (const c of t.classes ?? []) dropRange(c.line, c.endLine, true);
    dropRange(t.line, t.endLine, false);
    out = [];
    lines.forEach((text, i) => {
      const ln = i + 1;
      if (ln === t.line) out.push(...gen.code.split('\n'));
      if (!drop.has(ln)) out.push(text);
    });
    return ensurePythonImports(out.join('\n'), gen.imports);
  }
  const serverVar = parsed.serverVars?.[0] ?? parsed.tools[0]?.serverVar ?? 'mcp';
  const gen = generatePythonTool(tool, { serverVar });
  const block = gen.code.split('\n');
  if (parsed.mainLine) {
    const at = parsed.mainLine - 1;
    out = [...lines.slice(0, at), ...block, '', '', ...lines.slice(at)];
  } else {
    const trimmed = [...lines];
    while (trimmed.length && trimmed.at(-1)!.trim() === '') trimmed.pop();
    out = [...trimmed, '', '', ...block, ''];
  }
  return ensurePythonImports(out.join('\n'), gen.imports);
}

function applyTypeScript(source: string, parsed: SourceTools, tool: ToolModel, replace?: string): string {
  let next: string;
  if (replace !== undefined) {
    const t = find(parsed, replace);
    const code = generateTypeScriptTool(tool, {
      serverVar: t.serverVar,
      indent: t.indent ?? '',
      ...(t.handler !== undefined ? { handler: t.handler } : {}),
      keptConfig: t.keptConfig ?? [],
    });
    next = source.slice(0, t.start) + (t.indent ?? '') + code + source.slice(t.end);
  } else {
    if (parsed.insertAt === undefined) {
      throw new ApiError(
        'Conflict',
        'the builder found no registerTool call and no `return server` to add the tool next to: add one tool by hand first, or use the template',
      );
    }
    const indent = parsed.insertIndent ?? '  ';
    const code = indent + generateTypeScriptTool(tool, { serverVar: parsed.insertServerVar ?? 'server', indent });
    next = parsed.insertBefore
      ? source.slice(0, parsed.insertAt) + code + '\n\n' + source.slice(parsed.insertAt)
      : source.slice(0, parsed.insertAt) + '\n\n' + code + source.slice(parsed.insertAt);
  }
  if (!/import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod(\/v4)?['"]/.test(next) && !/import\s+\*\s+as\s+z\s+from/.test(next)) {
    const m = [...next.matchAll(/^import .*;$/gm)].at(-1);
    const at = m ? m.index! + m[0].length : 0;
    next = `${next.slice(0, at)}${m ? '\n' : ''}import { z } from 'zod';${m ? '' : '\n'}${next.slice(at)}`;
  }
  return next;
}
