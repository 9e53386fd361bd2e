import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { layerViolations } from './layer-rules';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface ImportFact {
  file: string;
  specifier: string;
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
  const add = (spec: string, typeOnly: boolean) => out.push({ file: rel, specifier: spec, typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes =
        !!clause?.isTypeOnly ||
        (!!clause &&
          !clause.name &&
          !!clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      ts.isStringLiteral(node.arguments[0]!)
    ) {
      add((node.arguments[0] as ts.StringLiteral).text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const violations = (facts: ImportFact[]) => facts.flatMap((f) => layerViolations(f.file, f.specifier, f.typeOnly));

const sources = ['src-shared', 'src-main', 'src-renderer'].flatMap((d) => walk(path.join(ROOT, d)));
// Parsing every source file is the slow part: done once for the file's tests.
let parsed: ImportFact[] | undefined;
const allImports = () => (parsed ??= sources.flatMap(importsOf));

describe('layer rules (DESIGN §2)', () => {
  it('finds the source files', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('no file imports across a forbidden boundary', () => {
    expect(violations(allImports())).toEqual([]);
  });

  it('would catch a violation (the checker is not vacuous)', () => {
    const bad: ImportFact[] = [
      { file: 'src-main/engine/x.ts', specifier: 'electron', typeOnly: false },
      { file: 'src-shared/x.ts', specifier: 'node:fs', typeOnly: false },
      { file: 'src-shared/x.ts', specifier: '@modelcontextprotocol/sdk/types.js', typeOnly: false },
      { file: 'src-renderer/x.tsx', specifier: '../src-main/engine/create-engine', typeOnly: true },
      { file: 'src-main/rpc/x.ts', specifier: '../engine/y', typeOnly: false },
      { file: 'src-main/shells/electron/x.ts', specifier: '../web/static-files', typeOnly: false },
      { file: 'src-main/shells/cli/x.ts', specifier: '../../engine/create-engine', typeOnly: true },
    ];
    expect(violations(bad)).toHaveLength(7);
  });
});

describe('the electron import stays in the electron shell', () => {
  it('only src-main/shells/electron imports electron', () => {
    const importers = allImports()
      .filter((f) => f.specifier === 'electron')
      .map((f) => f.file);
    expect(importers.every((f) => f.startsWith('src-main/shells/electron/'))).toBe(true);
  });
});
