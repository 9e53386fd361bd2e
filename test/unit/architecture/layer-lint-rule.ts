import path from 'node:path';
import type { Rule } from 'eslint';
import { layerViolations } from './layer-rules';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The parts of typescript-eslint's import nodes the check reads (ESTree's own types lack `importKind`). */
interface ImportLike {
  source?: { value?: unknown } | null;
  importKind?: 'type' | 'value';
  exportKind?: 'type' | 'value';
  specifiers?: { type: string; importKind?: 'type' | 'value' }[];
}

/** `import type {…}`, or named imports that are each `type`: no runtime code comes in. */
function isTypeOnly(node: ImportLike): boolean {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specs = node.specifiers ?? [];
  return specs.length > 0 && specs.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
}

/** `layers/imports`: the layer table (`layer-rules.ts`) applied to the file being linted. */
export const layerLintRule: Rule.RuleModule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layer rules of DESIGN §2' }, schema: [] },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const check = (node: Rule.Node, typeOnly: boolean) => {
      const source = (node as ImportLike).source?.value;
      if (typeof source !== 'string') return;
      for (const message of layerViolations(file, source, typeOnly)) context.report({ node, message: `${message} (DESIGN §2)` });
    };
    return {
      ImportDeclaration: (node) => check(node, isTypeOnly(node as ImportLike)),
      ExportNamedDeclaration: (node) => check(node, isTypeOnly(node as ImportLike)),
      ExportAllDeclaration: (node) => check(node, isTypeOnly(node as ImportLike)),
      ImportExpression: (node) => check(node, false),
    };
  },
};
