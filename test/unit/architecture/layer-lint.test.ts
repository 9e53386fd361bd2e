import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import config from '../../../eslint.config';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// Probe files exist in no TypeScript program, so the type-aware rules (which need one) stay out.
const untyped = config.filter((c) => c.name !== 'mcp-lab/type-aware');

/** Lint `code` as if it were the repo file `file`, with the project's own lint config. */
function layerErrors(file: string, code: string): string[] {
  const messages = new Linter({ cwd: ROOT }).verify(code, untyped, { filename: path.join(ROOT, file) });
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

  it('keeps the CLI on the contract: no engine, dispatcher or other shell, not even its types', () => {
    const cli = 'src-main/shells/cli/commands/probe.ts';
    expect(layerErrors(cli, "import { createEngine } from '../../../engine/create-engine';\nexport const c = createEngine;\n")).toEqual([
      'src-main/shells/cli/commands/probe.ts imports "../../../engine/create-engine" (forbidden in src-main/shells/cli/) (DESIGN §2)',
    ]);
    expect(layerErrors(cli, "import type { Engine } from '../../../engine/create-engine';\nexport type E = Engine;\n")).toHaveLength(1);
    expect(layerErrors(cli, "import { serveApi } from '../../../rpc/serve-api';\nexport const s = serveApi;\n")).toHaveLength(1);
    expect(layerErrors(cli, "export { startWebServer } from '../../web/web-server';\n")).toHaveLength(1);
    // What it may use: connectInProcess, the rest of shells/common, the shared contract, and the browser-mode entry.
    expect(
      layerErrors(
        cli,
        [
          "export { connectInProcess } from '../../common/connect-in-process';",
          "export { apiContract } from '../../../../src-shared/api/contract';",
          "export { startBrowserMode } from '../../web/browser-mode';",
        ].join('\n') + '\n',
      ),
    ).toEqual([]);
  });

  it("keeps the engine's services from the shells", () => {
    const messages = (file: string, code: string) =>
      new Linter({ cwd: ROOT })
        .verify(code, untyped, { filename: path.join(ROOT, file) })
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => m.message);
    const probe = 'src-main/shells/web/probe.ts';
    expect(
      messages(
        probe,
        "import { createEngineWithServices } from '../../engine/create-engine';\nexport const c = createEngineWithServices;\n",
      ),
    ).toEqual([expect.stringContaining('Shells use createEngine')]);
    expect(
      messages(probe, "import type { EngineServices } from '../../engine/create-engine';\nexport type S = EngineServices;\n"),
    ).toHaveLength(1);
    expect(messages(probe, "import { createEngine } from '../../engine/create-engine';\nexport const c = createEngine;\n")).toEqual([]);
  });

  it('lets type-only and allowed imports through', () => {
    expect(
      layerErrors('src-main/rpc/probe.ts', "import type { Engine } from '../engine/create-engine';\nexport type E = Engine;\n"),
    ).toEqual([]);
    expect(layerErrors('src-main/shells/electron/probe.ts', "export { readStatic } from '../common/static-files';\n")).toEqual([]);
  });
});
