import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { SetupJob } from '../../../src-shared/api/schemas/project';
import type { ReloadEvent } from '../../../src-shared/api/schemas/reload';
import { waitForEvent, type Harness } from '../../helpers/harness';

/** Wait for a setup job to end; fails with the failed step's output when it did not succeed. */
export async function finishedJob(h: Harness, jobId: string): Promise<SetupJob> {
  const job = await h.engine.projects.wait(jobId);
  if (job.state !== 'succeeded') {
    const failed = job.steps.find((s) => s.state === 'failed');
    expect.fail(`setup ${job.state} at "${failed?.title}": ${failed?.detail}\n${failed?.output.slice(-40).join('\n')}`);
  }
  return job;
}

export function nextReload(h: Harness, serverId: string, pred: (e: ReloadEvent) => boolean, timeoutMs = 60_000): Promise<ReloadEvent> {
  return waitForEvent<ReloadEvent[]>(
    (cb) => h.api.subscribe('servers.reloaded', { serverId }, cb),
    (batch) => batch.some(pred),
    timeoutMs,
  ).then((batch) => batch.find(pred)!);
}

export async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${path.basename(file)} changed nothing (${String(from)})`);
  await writeFile(file, next);
}
