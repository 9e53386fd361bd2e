import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations } from './layer-rules';
import { ROOT, importsOf, walk, type ImportFact } from './source-imports';

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

describe('ws in the engine: one file, the inspector client', () => {
  it('is allowed in inspector-socket.ts and nowhere else in the engine', () => {
    expect(layerViolations('src-main/engine/debug/node/inspector-socket.ts', 'ws', false)).toEqual([]);
    expect(layerViolations('src-main/engine/debug/node/node-debug-run.ts', 'ws', false)).toHaveLength(1);
    expect(layerViolations('src-main/engine/debug/node/inspector-socket.ts', 'electron', false)).toHaveLength(1);
    const importers = allImports()
      .filter((f) => f.specifier === 'ws' && f.file.startsWith('src-main/engine/'))
      .map((f) => f.file);
    expect(importers).toEqual(['src-main/engine/debug/node/inspector-socket.ts']);
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
