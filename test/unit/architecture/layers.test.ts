import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYER_RULES, type LayerRule } from './layer-rules';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUILTINS = new Set(builtinModules);

interface ImportFact {
  file: string;
  specifier: string;
  /** Repo-relative target for relative imports; the package name otherwise. */
  target: string;
  typeOnly: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(file: string): ImportFact[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const out: ImportFact[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const target = spec.startsWith('.')
      ? path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/')
      : spec;
    out.push({ file: rel, specifier: spec, target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes =
        !!clause?.isTypeOnly ||
        (!!clause && !clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      add((node.arguments[0] as ts.StringLiteral).text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function ruleFor(file: string): LayerRule | undefined {
  return LAYER_RULES.filter((r) => file.startsWith(r.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
}

const matches = (target: string, pattern: string) =>
  pattern.endsWith('/') ? target.startsWith(pattern) || target === pattern.slice(0, -1) : target === pattern || target.startsWith(`${pattern}/`);

export function violations(facts: ImportFact[]): string[] {
  const out: string[] = [];
  for (const f of facts) {
    const rule = ruleFor(f.file);
    if (!rule) continue;
    for (const p of rule.forbidden) if (matches(f.target, p)) out.push(`${f.file} imports "${f.specifier}" (forbidden in ${rule.folder})`);
    if (!f.typeOnly) for (const p of rule.typeOnly ?? []) if (matches(f.target, p)) out.push(`${f.file} imports "${f.specifier}" at runtime (only \`import type\` is allowed in ${rule.folder})`);
    const bare = f.specifier.replace(/^node:/, '').split('/')[0]!;
    if (rule.noNodeBuiltins && (f.specifier.startsWith('node:') || BUILTINS.has(bare))) out.push(`${f.file} imports the Node built-in "${f.specifier}" (${rule.folder} runs in the browser)`);
  }
  return out;
}

const sources = ['src-shared', 'src-main', 'src-renderer'].flatMap((d) => walk(path.join(ROOT, d)));

describe('layer rules (DESIGN §2)', () => {
  it('finds the source files', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('no file imports across a forbidden boundary', () => {
    expect(violations(sources.flatMap(importsOf))).toEqual([]);
  });

  it('would catch a violation (the checker is not vacuous)', () => {
    const bad: ImportFact[] = [
      { file: 'src-main/engine/x.ts', specifier: 'electron', target: 'electron', typeOnly: false },
      { file: 'src-shared/x.ts', specifier: 'node:fs', target: 'node:fs', typeOnly: false },
      { file: 'src-shared/x.ts', specifier: '@modelcontextprotocol/sdk/types.js', target: '@modelcontextprotocol/sdk/types.js', typeOnly: false },
      { file: 'src-renderer/x.tsx', specifier: '../src-main/engine/create-engine', target: 'src-main/engine/create-engine', typeOnly: true },
      { file: 'src-main/rpc/x.ts', specifier: '../engine/y', target: 'src-main/engine/y', typeOnly: false },
    ];
    expect(violations(bad)).toHaveLength(5);
  });
});

describe('the electron import stays in the electron shell', () => {
  it('only src-main/shells/electron imports electron', () => {
    const importers = sources
      .flatMap(importsOf)
      .filter((f) => f.target === 'electron')
      .map((f) => f.file);
    expect(importers.every((f) => f.startsWith('src-main/shells/electron/'))).toBe(true);
  });
});
