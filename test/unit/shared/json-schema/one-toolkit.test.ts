/**
 * One JSON Schema toolkit: every validation goes through src-shared/json-schema/validate.ts, and
 * no code-generating validator (Ajv) comes back, in the engine, the UI or their dependencies'
 * entry points we import.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const files = ['src-shared', 'src-main', 'src-renderer'].flatMap((d) => sources(path.join(ROOT, d)));
const importers = (pkg: RegExp) =>
  files
    .filter((f) => [...readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].some((m) => pkg.test(m[1]!)))
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));

describe('one schema toolkit', () => {
  it('only the toolkit imports the validator library', () => {
    expect(importers(/^@cfworker\/json-schema/)).toEqual([
      'src-shared/json-schema/issue-messages.ts',
      'src-shared/json-schema/validate.ts',
    ]);
  });

  it('nothing imports Ajv or the form library validator that wraps it', () => {
    expect(importers(/^(ajv|ajv-formats|@rjsf\/validator-ajv8)(\/|$)/)).toEqual([]);
    // @rjsf/core's package entry re-exports a test registry that imports @rjsf/validator-ajv8.
    expect(importers(/^@rjsf\/core$/)).toEqual([]);
  });

  it('the package no longer depends on Ajv directly', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).filter((d) => /^(ajv|ajv-formats|@rjsf\/validator-ajv8)$/.test(d))).toEqual([]);
    expect(pkg.dependencies['@cfworker/json-schema']).toBeDefined();
  });
});
