import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === '.venv') return [];
    if (statSync(full).isDirectory()) return walk(full, ext);
    return ext.test(name) ? [full] : [];
  });
}
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

describe('comments say why, not which tracker entry', () => {
  it('no source, test or build file points at a numbered issue of a tracker the repository does not hold', () => {
    // Built from parts so this file does not match itself.
    const ref = new RegExp(['\\bissue', '\\s+#?\\d+'].join(''), 'i');
    const files = ['src-main', 'src-shared', 'src-renderer', 'test', 'build', 'bin'].flatMap((d) =>
      walk(path.join(ROOT, d), /\.(ts|tsx|mjs|cjs|js|css|html)$/),
    );
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (ref.test(line) ? [`${rel(f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // Electron is the runtime itself; electron-builder requires it among the devDependencies.
  const PROVIDED = new Set(['electron']);

  it('lists every package that main-process and shared code load at run time under "dependencies"', () => {
    const files = ['src-main', 'src-shared'].flatMap((d) => walk(path.join(ROOT, d), /\.tsx?$/)).filter((f) => !f.endsWith('.d.ts'));
    const missing = new Set<string>();
    // A text scan, not a parse: fast enough for every file, and `import type` (erased) is skipped.
    const specs = /^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gms;
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(specs)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!PROVIDED.has(name) && !(name in pkg.dependencies)) missing.add(`${name} (${rel(f)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('keeps one Playwright package: @playwright/test carries the browser API', () => {
    expect(pkg.devDependencies['@playwright/test']).toBeDefined();
    expect(pkg.dependencies['playwright-core'] ?? pkg.devDependencies['playwright-core']).toBeUndefined();
  });
});
