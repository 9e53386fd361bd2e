/**
 * The Node side (Electron main, the engine, the CLI, the example server) loads its packages from
 * node_modules at run time: the build bundles the renderer, not them. So each must be in
 * `dependencies`, or an install without dev packages (a packaged app, `npm ci --omit=dev`) breaks; and
 * a dependency nothing loads at run time belongs in devDependencies.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, importsOf, walk } from './source-imports';

interface PackageJson {
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const readPackage = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
const pkg = readPackage(ROOT);

const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const builtins = new Set(builtinModules);
// Electron provides itself at run time; electron-builder wants it among the devDependencies.
const PROVIDED = new Set(['electron']);

const runtime = new Set(
  ['src-main', 'src-shared']
    .flatMap((d) => walk(path.join(ROOT, d)))
    .flatMap(importsOf)
    .filter((f) => !f.typeOnly && !f.specifier.startsWith('.') && !f.specifier.startsWith('node:'))
    .map((f) => packageOf(f.specifier))
    .filter((p) => !builtins.has(p) && !PROVIDED.has(p)),
);

describe('runtime dependencies', () => {
  it('finds the packages the Node side loads', () => {
    expect(runtime.has('@modelcontextprotocol/sdk')).toBe(true);
    // Deferred loads count too.
    expect(runtime.has('jsonc-parser')).toBe(true);
  });

  it('every package the Node side loads at run time is in dependencies', () => {
    expect([...runtime].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([]);
  });

  it('every dependency is loaded at run time, or is a peer that a loaded package needs', () => {
    const peers = new Set([...runtime].flatMap((p) => Object.keys(readPackage(path.join(ROOT, 'node_modules', p)).peerDependencies ?? {})));
    expect(Object.keys(pkg.dependencies).filter((d) => !runtime.has(d) && !peers.has(d))).toEqual([]);
  });
});
