import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../../src-shared/api/schemas/workspace';
import { readTextIfExists, writeFileAtomically } from './atomic-file';

const MAX_RECENT = 12;
const RecentFileSchema = z.object({ recent: z.array(z.object({ dir: z.string(), openedAt: z.number() })) });

/** Recently opened workspace folders, newest first, in the app-data folder. */
export class RecentWorkspaces {
  private readonly file: string;
  constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'recent-workspaces.json');
  }

  async list(): Promise<RecentWorkspace[]> {
    return (await this.read()).map((r) => ({ ...r, name: path.basename(r.dir), exists: existsSync(r.dir) }));
  }

  async touch(dir: string, now: number): Promise<void> {
    const abs = path.resolve(dir);
    const rest = (await this.read()).filter((r) => r.dir !== abs);
    await writeFileAtomically(this.file, JSON.stringify({ recent: [{ dir: abs, openedAt: now }, ...rest].slice(0, MAX_RECENT) }, null, 2));
  }

  private async read(): Promise<{ dir: string; openedAt: number }[]> {
    const text = await readTextIfExists(this.file).catch(() => undefined);
    if (!text) return [];
    try {
      return RecentFileSchema.parse(JSON.parse(text)).recent;
    } catch {
      return [];
    }
  }
}
