import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerConfigInput } from '../../../src-shared/api/schemas/server';
import { appRoot } from './app-paths';

/**
 * The example server a first-time user finds in the default workspace. It runs with the `node`
 * on the user's PATH (the app itself may be Electron, whose binary is not a plain Node).
 */
export function exampleServerSeed(): ServerConfigInput[] {
  const root = appRoot();
  const built = path.join(root, 'out', 'main', 'example-server.js');
  if (existsSync(built)) {
    // In a packaged app the code lives in app.asar, which only Electron can read: the system node
    // runs the unpacked copy electron-builder puts beside it (package.json build.asarUnpack).
    const runnable = built.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    return [{ id: 'example', name: 'Example server (TypeScript)', transport: 'stdio', command: 'node', args: [runnable], env: [] }];
  }
  // Running from source (development): the TypeScript file through tsx.
  const source = path.join(root, 'src-main', 'examples', 'example-server.ts');
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [
    { id: 'example', name: 'Example server (TypeScript)', transport: 'stdio', command: 'node', args: ['--import', tsx, source], env: [] },
  ];
}
