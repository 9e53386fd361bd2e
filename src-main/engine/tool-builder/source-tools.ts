import { execFile } from 'node:child_process';
import type { ParamModel, ToolModel } from '../../../src-shared/tool-builder/tool-model';
import { engineAsset } from '../base/engine-asset';

export interface UnreadableTool {
  name: string;
  line: number;
  reason: string;
}

/** One tool found in source, with what is needed to rewrite it in place. */
export interface SourceTool {
  model: ToolModel;
  line: number;
  endLine: number;
  serverVar: string;
  // TypeScript: character range of the statement (from its line start), its indentation, the handler kept as is.
  start?: number;
  end?: number;
  indent?: string;
  handler?: string;
  keptConfig?: string[];
  // Python: the body kept as is, the parameters and decorator arguments the model does not cover.
  isAsync?: boolean;
  body?: string;
  keptParams?: string[];
  keptDecoratorArgs?: string[];
  /** Model classes only this tool uses (rewritten with it). */
  classes?: { name: string; line: number; endLine: number }[];
  classRoles?: Record<string, string>;
  /** Model classes other code uses too, with their fields (referenced, never rewritten). */
  sharedClasses?: Record<string, ParamModel[]>;
}

export interface SourceTools {
  language: 'python' | 'typescript';
  tools: SourceTool[];
  unreadable: UnreadableTool[];
  syntaxError?: { line: number | null; message: string };
  // TypeScript: where a new tool goes.
  insertAt?: number;
  insertIndent?: string;
  insertServerVar?: string;
  /** true: insertAt is the start of a `return server` line (insert above it); false: after the last tool. */
  insertBefore?: boolean;
  // Python: the `if __name__ == "__main__":` line (new tools go above it), the FastMCP variables.
  mainLine?: number | null;
  serverVars?: string[];
}

/**
 * Read a Python file's tools with the helper script, run by the project's own interpreter (the
 * `ast` of the Python the server runs on). The file is parsed, never imported or run.
 */
export function readPythonTools(python: string, file: string, cwd: string): Promise<SourceTools> {
  const helper = engineAsset('tool-builder', 'python', 'read_tools.py');
  return new Promise((resolve, reject) => {
    execFile(python, ['-I', '-S', helper, file], { cwd, timeout: 30_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why =
          (err as NodeJS.ErrnoException).code === 'ENOENT' ? `${python} was not found` : (stderr.trim().split('\n').at(-1) ?? err.message);
        reject(new Error(`could not read the tools of ${file} with ${python}: ${why}`));
        return;
      }
      try {
        const out = JSON.parse(stdout) as Omit<SourceTools, 'language'>;
        resolve({ ...out, language: 'python', tools: out.tools ?? [], unreadable: out.unreadable ?? [] });
      } catch {
        reject(new Error(`the Python tool reader printed something that is not JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}
