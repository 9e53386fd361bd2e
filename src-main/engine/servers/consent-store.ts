import path from 'node:path';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';
import { consentFingerprint } from './consent';

type Approvals = Record<string, Record<string, string>>;

/**
 * Which server commands a person has agreed to run, per workspace: fingerprints kept in the
 * app-data folder. Never in the workspace itself: a repository must not be able to approve its
 * own commands for whoever clones it.
 */
export class ConsentStore {
  private constructor(
    private readonly file: string,
    private readonly workspaceDir: string,
    private approvals: Approvals,
  ) {}

  static async open(appDataDir: string, workspaceDir: string): Promise<ConsentStore> {
    const file = path.join(appDataDir, 'consent.json');
    let approvals: Approvals = {};
    try {
      approvals = JSON.parse((await readTextIfExists(file)) ?? '{}') as Approvals;
    } catch {
      approvals = {}; // a damaged file only means asking again
    }
    return new ConsentStore(file, path.resolve(workspaceDir), approvals);
  }

  isApproved(config: ServerConfig): boolean {
    return this.approvals[this.workspaceDir]?.[config.id] === consentFingerprint(config);
  }

  async approve(config: ServerConfig): Promise<void> {
    (this.approvals[this.workspaceDir] ??= {})[config.id] = consentFingerprint(config);
    await this.flush();
  }

  async forget(serverId: string): Promise<void> {
    const mine = this.approvals[this.workspaceDir];
    if (!mine || !(serverId in mine)) return;
    delete mine[serverId];
    await this.flush();
  }

  private flush(): Promise<void> {
    return writeFileAtomically(this.file, JSON.stringify(this.approvals, null, 2), 0o600);
  }
}
