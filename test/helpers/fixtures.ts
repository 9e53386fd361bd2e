import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSync, type BuildResult } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StdioServerConfigInput } from '../../src-shared/api/schemas/server';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/servers');
const require = createRequire(import.meta.url);
/** tsx as an --import hook, by absolute URL so it resolves from any working directory. */
export const TSX_IMPORT = pathToFileURL(require.resolve('tsx')).href;

/** The command that runs a TypeScript fixture server (bundled once: see fixtureScript). */
export function tsFixture(file: string): { command: string; args: string[] } {
  return { command: process.execPath, args: [fixtureScript(file)] };
}

const BUNDLES = path.join(REPO_ROOT, '.cache', 'fixture-servers');
const SDK_MANIFEST = path.join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'sdk', 'package.json');

/**
 * A TypeScript fixture server as one plain ES module that node runs directly. Tests start fixture
 * servers hundreds of times; through the tsx loader each start sends every module of the SDK
 * through the loader's hooks, which makes the start two to four times slower. The bundle is rebuilt
 * when the source or the installed SDK is newer, and written under a temporary name then renamed,
 * so test processes that build the same fixture at once never see half a file.
 */
export function fixtureScript(file: string): string {
  const source = path.join(FIXTURES, file);
  const out = path.join(BUNDLES, file.replace(/\.ts$/, '.mjs'));
  const newest = Math.max(statSync(source).mtimeMs, statSync(SDK_MANIFEST).mtimeMs);
  if (existsSync(out) && statSync(out).mtimeMs >= newest) return out;
  mkdirSync(BUNDLES, { recursive: true });
  const built = bundle(source, false) ?? bundle(source, true)!;
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, built.outputFiles[0]!.contents);
  renameSync(tmp, out);
  return out;
}

export function fixtureServer(file: string, extra: Partial<StdioServerConfigInput> = {}): StdioServerConfigInput {
  const isPy = file.endsWith('.py');
  const cmd = isPy ? { command: 'python3', args: [path.join(FIXTURES, file)] } : tsFixture(file);
  return { name: path.basename(file).replace(/\.\w+$/, ''), transport: 'stdio', env: [], ...cmd, ...extra };
}

/**
 * Everything in one file starts fastest. A fixture with optional imports that are not installed
 * (a library that tries several schema packages) cannot be bundled whole: its packages then stay
 * imports that node resolves itself, from the repository's node_modules above the bundle.
 */
function bundle(source: string, packagesExternal: boolean): BuildResult<{ write: false }> | undefined {
  try {
    return buildSync({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      ...(packagesExternal
        ? { packages: 'external' as const }
        : // Some of the SDK's dependencies are CommonJS and call require().
          {
            banner: {
              js: "import { createRequire as fixtureRequire } from 'node:module'; const require = fixtureRequire(import.meta.url);",
            },
          }),
    });
  } catch (e) {
    if (packagesExternal) throw e;
    return undefined;
  }
}
