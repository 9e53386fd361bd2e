import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * What secrets of a workspace are filed under: the folder's canonical path on this machine
 * (symlinks resolved). A path, not an id kept in the folder, because anything kept in the folder
 * travels with it: a clone or a copy of a repository (or one that commits such an id on purpose)
 * would then open another workspace's secrets. A path cannot be forged by a repository's content;
 * the price is that a moved or renamed folder starts without its secrets (they are not lost: the
 * old path still holds them, and the folder gets them back if it returns there).
 *
 * A folder that does not exist yet (a new workspace, created on first save) gets the canonical
 * path of its nearest existing parent with the rest appended, which is what realpath gives once
 * it exists.
 */
export async function workspaceKey(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  const rest: string[] = [];
  let probe = abs;
  for (;;) {
    try {
      return path.join(await fs.realpath(probe), ...rest);
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) return abs;
      rest.unshift(path.basename(probe));
      probe = parent;
    }
  }
}
