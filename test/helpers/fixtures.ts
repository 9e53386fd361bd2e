import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StdioServerConfigInput } from '../../src-shared/api/schemas/server';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/servers');
const require = createRequire(import.meta.url);
/** tsx as an --import hook, by absolute URL so it resolves from any working directory. */
export const TSX_IMPORT = pathToFileURL(require.resolve('tsx')).href;

/** The command that runs a TypeScript fixture server. */
export function tsFixture(file: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', TSX_IMPORT, path.join(FIXTURES, file)] };
}

export function fixtureServer(file: string, extra: Partial<StdioServerConfigInput> = {}): StdioServerConfigInput {
  const isPy = file.endsWith('.py');
  const cmd = isPy ? { command: 'python3', args: [path.join(FIXTURES, file)] } : tsFixture(file);
  return { name: path.basename(file).replace(/\.\w+$/, ''), transport: 'stdio', env: [], ...cmd, ...extra };
}
