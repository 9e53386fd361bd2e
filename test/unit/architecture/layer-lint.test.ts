import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import config from '../../../eslint.config';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Lint `code` as if it were the repo file `file`, with the project's own lint config. */
function layerErrors(file: string, code: string): string[] {
  const messages = new Linter({ cwd: ROOT }).verify(code, config, { filename: path.join(ROOT, file) });
  return messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('lint enforces the layer table', () => {
  it('reports an import across a layer boundary', () => {
    expect(layerErrors('src-main/shells/electron/probe.ts', "export { startWebServer } from '../web/web-server';\n")).toEqual([
      'src-main/shells/electron/probe.ts imports "../web/web-server" (forbidden in src-main/shells/electron/) (DESIGN §2)',
    ]);
    expect(layerErrors('src-main/engine/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(layerErrors('src-renderer/probe.tsx', "import fs from 'node:fs';\nexport const f = fs;\n")).toHaveLength(1);
  });

  it('lets type-only and allowed imports through', () => {
    expect(
      layerErrors('src-main/rpc/probe.ts', "import type { Engine } from '../engine/create-engine';\nexport type E = Engine;\n"),
    ).toEqual([]);
    expect(layerErrors('src-main/shells/electron/probe.ts', "export { readStatic } from '../common/static-files';\n")).toEqual([]);
  });
});
