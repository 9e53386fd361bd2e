import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoadRunSchema, type LoadRun, type LoadRunSummary } from '../../../src-shared/api/schemas/load';
import { writeFileAtomically } from '../workspace/atomic-file';

/**
 * Finished load runs, one JSON file each under the workspace's `.mcp-lab/load-runs/`: plain files
 * a team can keep in git to compare runs over time.
 */
export class LoadRunStore {
  private readonly dir: string;

  constructor(workspaceDir: string) {
    this.dir = path.join(workspaceDir, '.mcp-lab', 'load-runs');
  }

  async save(run: LoadRun): Promise<void> {
    await writeFileAtomically(path.join(this.dir, `${run.runId}.json`), JSON.stringify(run, null, 2) + '\n');
  }

  async get(runId: string): Promise<LoadRun | undefined> {
    if (!/^[\w.-]+$/.test(runId)) return undefined;
    try {
      return LoadRunSchema.parse(JSON.parse(await fs.readFile(path.join(this.dir, `${runId}.json`), 'utf8')));
    } catch {
      return undefined;
    }
  }

  /** Newest first. Files that do not parse are skipped (a hand-edited file must not break the list). */
  async list(): Promise<LoadRunSummary[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const out: LoadRunSummary[] = [];
    for (const n of names) {
      const run = await this.get(n.slice(0, -5));
      if (run) {
        const { timeline: _t, ...summary } = run;
        out.push(summary);
      }
    }
    return out.sort((a, b) => b.startedAt - a.startedAt);
  }
}
