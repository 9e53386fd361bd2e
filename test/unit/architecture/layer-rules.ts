/**
 * DESIGN.md §2 as data: which folder may import what, and the one check of an import against it.
 * The architecture test (every source file, parsed by TypeScript) and lint (`eslint.config.ts`, the
 * `layers/imports` rule, on the file being edited) both call `layerViolations`, so the rule exists once.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface LayerRule {
  /** Folder prefix (repo-relative, posix), or one file for a narrow exception. The longest matching prefix wins. */
  folder: string;
  /** Import specifiers (package names or repo folders) this layer must not use. */
  forbidden: string[];
  /** Modules inside a forbidden folder this layer may use all the same (each one a named, explained exception). */
  except?: string[];
  /** Packages allowed only as `import type` (no runtime code pulled in). */
  typeOnly?: string[];
  /** Node built-ins (`node:*`, `fs`, …) are forbidden here. */
  noNodeBuiltins?: boolean;
}

export const LAYER_RULES: LayerRule[] = [
  {
    folder: 'src-shared/',
    forbidden: ['electron', 'react', 'react-dom', 'ws', 'src-main/', 'src-renderer/'],
    typeOnly: ['@modelcontextprotocol/sdk'],
    noNodeBuiltins: true,
  },
  { folder: 'src-main/engine/', forbidden: ['electron', 'ws', 'src-main/shells/', 'src-main/rpc/', 'src-renderer/', 'react'] },
  // The one exception to "no ws in the engine": Node's debugger speaks only over a WebSocket and Node 20 has no
  // client built in. One file, a client to 127.0.0.1 only (the file says why); serving WebSockets stays browser mode's.
  {
    folder: 'src-main/engine/debug/node/inspector-socket.ts',
    forbidden: ['electron', 'src-main/shells/', 'src-main/rpc/', 'src-renderer/', 'react'],
  },
  { folder: 'src-main/rpc/', forbidden: ['electron', 'ws', 'src-main/shells/', 'src-renderer/'], typeOnly: ['src-main/engine/'] },
  // Shells build on the engine, the dispatcher and `shells/common`, not on each other: what two shells
  // share lives in `shells/common`.
  { folder: 'src-main/shells/electron/', forbidden: ['src-main/shells/web/', 'src-main/shells/cli/', 'src-renderer/'] },
  { folder: 'src-main/shells/web/', forbidden: ['electron', 'src-main/shells/electron/', 'src-main/shells/cli/', 'src-renderer/'] },
  // The CLI is a client of the contract like the app's window: it reaches the engine only through
  // `connectInProcess` (shells/common), so the contract is complete when the CLI needs nothing else.
  // It launches browser mode (`mcp-lab serve`), which is the web shell's to run: that entry is the exception.
  {
    folder: 'src-main/shells/cli/',
    forbidden: ['electron', 'src-main/engine/', 'src-main/rpc/', 'src-main/shells/electron/', 'src-main/shells/web/', 'src-renderer/'],
    except: ['src-main/shells/web/browser-mode'],
  },
  {
    folder: 'src-main/shells/common/',
    forbidden: ['electron', 'src-main/shells/electron/', 'src-main/shells/web/', 'src-main/shells/cli/', 'src-renderer/'],
  },
  {
    folder: 'src-main/examples/',
    forbidden: ['electron', 'src-main/engine/', 'src-main/shells/', 'src-main/rpc/', 'src-renderer/', 'src-shared/'],
  },
  { folder: 'src-renderer/', forbidden: ['electron', 'ws', 'src-main/'], noNodeBuiltins: true },
];

const BUILTINS = new Set(builtinModules);

function ruleFor(file: string): LayerRule | undefined {
  return LAYER_RULES.filter((r) => file.startsWith(r.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
}

const matches = (target: string, pattern: string) =>
  pattern.endsWith('/')
    ? target.startsWith(pattern) || target === pattern.slice(0, -1)
    : target === pattern || target.startsWith(`${pattern}/`);

/**
 * What is wrong with one import: `file` is repo-relative (posix), `specifier` as written; a relative
 * specifier is resolved against the file's folder. Empty when the import is allowed.
 */
export function layerViolations(file: string, specifier: string, typeOnly: boolean): string[] {
  const rule = ruleFor(file);
  if (!rule) return [];
  const target = specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier) : specifier;
  const out: string[] = [];
  const excepted = (rule.except ?? []).some((p) => matches(target, p));
  for (const p of rule.forbidden) {
    if (!excepted && matches(target, p)) out.push(`${file} imports "${specifier}" (forbidden in ${rule.folder})`);
  }
  if (!typeOnly) {
    for (const p of rule.typeOnly ?? []) {
      if (matches(target, p)) out.push(`${file} imports "${specifier}" at runtime (only \`import type\` is allowed in ${rule.folder})`);
    }
  }
  const bare = specifier.replace(/^node:/, '').split('/')[0]!;
  if (rule.noNodeBuiltins && (specifier.startsWith('node:') || BUILTINS.has(bare))) {
    out.push(`${file} imports the Node built-in "${specifier}" (${rule.folder} runs in the browser)`);
  }
  return out;
}
