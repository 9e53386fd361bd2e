import path from 'node:path';
import type { ApiClient } from '../../../../src-shared/api/api-client';
import { ApiError } from '../../../../src-shared/api/errors';
import { TemplateIdSchema, type SetupJob } from '../../../../src-shared/api/schemas/project';
import { appDataDir } from '../../common/app-paths';
import { connectInProcess } from '../../common/connect-in-process';
import { CliError, EXIT } from '../exit-codes';
import type { CommandIo } from './request-command';

export interface NewOptions {
  template: string;
  folder: string;
  name?: string;
  setup: boolean;
  tests: boolean;
  json: boolean;
  /** `mcp-lab setup`: the files exist already; only set up the environment (again). */
  again?: boolean;
}

/**
 * `mcp-lab new fastmcp|typescript <folder>`: the project folder becomes a workspace of its own
 * (its mcp-lab.json holds the server), so `mcp-lab tools --workspace <folder>` works next.
 */
export async function newCommand(o: NewOptions, io: CommandIo): Promise<number> {
  const template = TemplateIdSchema.safeParse(o.template);
  if (!template.success) throw new CliError(`unknown template "${o.template}": use fastmcp or typescript`, EXIT.usage);
  const dir = path.resolve(o.folder);
  const { api, dispose } = await connectInProcess({ workspaceDir: dir, appDataDir: appDataDir(), host: 'cli' });
  try {
    let created: { dir: string; files: string[]; serverId?: string | undefined };
    try {
      created = o.again
        ? { dir, files: [], serverId: (await api.call('servers.list', {}))[0]?.config.id }
        : await api.call('projects.create', {
            template: template.data,
            dir,
            ...(o.name ? { name: o.name } : {}),
            setUp: false,
            addServer: true,
          });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'Conflict' || e.code === 'InvalidParams')) throw new CliError(e.message, EXIT.usage);
      throw e;
    }
    if (!o.json && !o.again) io.out.write(`Created ${dir} (${created.files.length} files)\n`);
    let job: SetupJob | undefined;
    if (o.setup) {
      job = await api.call('projects.setup', {
        template: template.data,
        dir,
        runTests: o.tests,
        ...(created.serverId ? { serverId: created.serverId } : {}),
      });
      job = await follow(api, job.jobId, o.json ? undefined : io);
    }
    const data = { ...created, ...(job ? { job } : {}) };
    if (job && job.state !== 'succeeded') {
      const failed = job.steps.find((s) => s.state === 'failed');
      const reason = `setup failed${failed ? ` at "${failed.title}": ${failed.detail ?? ''}` : ''}`;
      io.err.write(
        `mcp-lab: ${reason}\nThe project's files are in place: fix the cause, then run \`mcp-lab setup ${template.data} ${o.folder}\` (or "Set up again" in the app).\n`,
      );
      if (o.json) io.report.set(EXIT.serverFailed, data, reason);
      return EXIT.serverFailed;
    }
    if (o.json) io.report.set(EXIT.ok, data);
    if (!o.json) {
      io.out.write(
        `\nReady. The server "${created.serverId}" is configured in ${path.join(dir, 'mcp-lab.json')}.\n` +
          `  List its tools:  mcp-lab tools --workspace ${o.folder}\n` +
          `  Open it:         mcp-lab serve --workspace ${o.folder}\n`,
      );
    }
    return EXIT.ok;
  } finally {
    await dispose();
  }
}

/** Print each step as it starts and ends, with its output when it fails. */
async function follow(api: ApiClient, jobId: string, io: CommandIo | undefined): Promise<SetupJob> {
  const printed = new Map<string, string>();
  const show = (j: SetupJob) => {
    if (!io || j.jobId !== jobId) return;
    for (const s of j.steps) {
      if (printed.get(s.id) === s.state || s.state === 'pending') continue;
      printed.set(s.id, s.state);
      if (s.state === 'running') io.out.write(`… ${s.title}${s.command ? `  (${s.command})` : ''}\n`);
      else if (s.state === 'succeeded') io.out.write(`✓ ${s.title}\n`);
      else if (s.state === 'skipped') io.out.write(`- ${s.title} (${s.detail ?? 'skipped'})\n`);
      else if (s.state === 'failed')
        io.out.write(
          `✗ ${s.title}\n${s.output
            .slice(-30)
            .map((l) => `    ${l}`)
            .join('\n')}\n  ${s.detail ?? ''}\n`,
        );
    }
  };
  // The stream sends the job as it is first, then each change: nothing between the start and here is missed.
  return new Promise<SetupJob>((resolve, reject) => {
    const sub = api.subscribe(
      'projects.setupProgressed',
      { jobId },
      (jobs) => {
        const job = jobs.find((j) => j.jobId === jobId);
        if (!job) return;
        show(job);
        if (job.state === 'running') return;
        queueMicrotask(() => sub.dispose());
        resolve(job);
      },
      (e) => {
        queueMicrotask(() => sub.dispose());
        reject(e);
      },
    );
  });
}
