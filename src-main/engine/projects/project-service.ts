import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type {
  ProjectAddExampleResult,
  ProjectCreateResult,
  SetupJob,
  SetupStep,
  TemplateId,
  TemplateInfo,
} from '../../../src-shared/api/schemas/project';
import type { Clock } from '../base/clock';
import { JobRegistry, type JobControl } from '../jobs/job-registry';
import { resolveCommand } from '../servers/resolve-command';
import type { ServerManager } from '../servers/server-manager';
import { isInside } from '../workspace/safe-path';
import { runStep } from './run-step';
import { StepFailure, setupPlan } from './setup-plan';
import { TEMPLATES, projectNames, serverConfigFor, templateFiles, writeProject } from './scaffold';

const OUTPUT_TAIL = 400;
/** Finished setup jobs still shown (a server's last setup, "Set up again" after a failure). */
const KEEP_FINISHED = 20;
const MAX_EXAMPLE_FOLDERS = 20;
const EXAMPLE_NAMES: Record<TemplateId, string> = { typescript: 'Example server (TypeScript)', fastmcp: 'Example server (FastMCP)' };

export interface ProjectServiceDeps {
  servers: ServerManager;
  workspaceDir: string;
  /** Where new projects may go (browser mode); empty = anywhere. */
  allowedRoots: string[];
  clock: Clock;
  /** The environment setup commands run with (PATH decides which python/uv/npm is found). */
  env: NodeJS.ProcessEnv;
}

/**
 * New projects from templates and the setup of their environments. Setup runs as a job whose
 * steps and output stream to the UI; a failed job leaves the files in place for "Set up again".
 */
export class ProjectService extends Disposable {
  private readonly jobs: JobRegistry<SetupJob>;
  readonly onDidChangeJob;

  constructor(private readonly deps: ProjectServiceDeps) {
    super();
    this.jobs = this._register(
      new JobRegistry<SetupJob>({
        kind: 'setup',
        noun: 'setup job',
        keepFinished: KEEP_FINISHED,
        clock: deps.clock,
        markCrashed: (job, message) => {
          job.state = 'failed';
          job.endedAt ??= deps.clock.now();
          const step = job.steps.find((s) => s.state === 'running' || s.state === 'pending');
          if (step) Object.assign(step, { state: 'failed', detail: `unexpected error: ${message}` });
        },
      }),
    );
    this.onDidChangeJob = this.jobs.onDidChange;
  }

  async templates(): Promise<TemplateInfo[]> {
    const has = async (cmd: string) => {
      try {
        return await resolveCommand(cmd, this.deps.env as Record<string, string>, this.deps.workspaceDir);
      } catch {
        return undefined;
      }
    };
    const [uv, python, npm] = await Promise.all([has('uv'), has('python3'), has('npm')]);
    return [
      {
        id: 'fastmcp',
        title: TEMPLATES.fastmcp.title,
        description: TEMPLATES.fastmcp.description,
        requirements: [
          { what: 'uv (optional, faster)', found: !!uv, detail: uv ?? 'not found: python3 -m venv + pip is used instead' },
          { what: 'Python 3.10+', found: !!(python || uv), detail: python ?? (uv ? 'uv provides one' : 'python3 not found on PATH') },
        ],
      },
      {
        id: 'typescript',
        title: TEMPLATES.typescript.title,
        description: TEMPLATES.typescript.description,
        requirements: [{ what: 'npm (Node.js 20+)', found: !!npm, detail: npm ?? 'npm not found on PATH' }],
      },
    ];
  }

  /** Resolve a project folder the UI sent: relative to the workspace, inside the allowed roots. */
  resolveDir(dir: string): string {
    const abs = path.resolve(this.deps.workspaceDir, dir);
    const roots = this.deps.allowedRoots;
    if (roots.length && !roots.some((r) => isInside(path.resolve(r), abs))) {
      throw new ApiError(
        'InvalidParams',
        `${abs} is outside the folders this MCP Lab may write to (${roots.join(', ')}). Start \`mcp-lab serve\` with --allow-root <dir> to allow another.`,
      );
    }
    return abs;
  }

  async create(req: {
    template: TemplateId;
    dir: string;
    name?: string | undefined;
    setUp: boolean;
    addServer: boolean;
  }): Promise<ProjectCreateResult> {
    const dir = this.resolveDir(req.dir);
    const names = projectNames(dir, req.name);
    const files = await templateFiles(req.template, names);
    await writeProject(dir, files);
    let serverId: string | undefined;
    if (req.addServer) {
      const cwd = isInside(this.deps.workspaceDir, dir) ? path.relative(this.deps.workspaceDir, dir).split(path.sep).join('/') || '.' : dir;
      serverId = (await this.deps.servers.add(serverConfigFor(req.template, names.title, cwd))).config.id;
    }
    const job = req.setUp ? this.setup({ template: req.template, dir, runTests: true, ...(serverId ? { serverId } : {}) }) : undefined;
    return { dir, files: files.map(([p]) => p), ...(serverId ? { serverId } : {}), ...(job ? { job } : {}) };
  }

  /**
   * A template's example server, added to any workspace (the default one also has the app's own
   * example from its first start). It goes in a folder that does not exist yet, so nothing of the
   * workspace is touched; after 20 such folders it refuses rather than guess further.
   */
  async addExample(template: TemplateId): Promise<ProjectAddExampleResult> {
    const base = `example-${template}`;
    for (let n = 1; n <= MAX_EXAMPLE_FOLDERS; n++) {
      const folder = n === 1 ? base : `${base}-${n}`;
      if (existsSync(path.join(this.deps.workspaceDir, folder))) continue;
      const created = await this.create({ template, dir: folder, name: EXAMPLE_NAMES[template], setUp: true, addServer: true });
      return { ...created, source: `${folder}/${TEMPLATES[template].sourceFile}` };
    }
    throw new ApiError(
      'Conflict',
      `the workspace already has ${base} and ${base}-2 … ${base}-${MAX_EXAMPLE_FOLDERS}: remove or rename one of these folders to add another example. Nothing was written.`,
    );
  }

  /** Start setting up a project's environment (again). One job per folder at a time. */
  setup(o: { template: TemplateId; dir: string; serverId?: string; runTests: boolean }): SetupJob {
    const dir = this.resolveDir(o.dir);
    // A second "Set up again" while one runs joins it.
    const joined = this.jobs.running().find((j) => j.dir === dir);
    if (joined) return joined;
    const plan = setupPlan(o.template, o.runTests);
    const job: SetupJob = {
      jobId: this.jobs.newId(),
      template: o.template,
      dir,
      ...(o.serverId ? { serverId: o.serverId } : {}),
      state: 'running',
      steps: plan.map((s) => ({ id: s.id, title: s.title, state: 'pending', output: [] })),
      startedAt: this.deps.clock.now(),
    };
    const started = this.jobs.start(job.jobId, job, (control) => this.runJob(control, plan));
    // Listeners hear of the job at once, before its first step starts.
    this.jobs.publish(job.jobId);
    return started;
  }

  get(jobId: string): SetupJob {
    const j = this.jobs.get(jobId);
    if (!j) throw new ApiError('NotFound', `no setup job ${jobId}`);
    return j;
  }

  list(): SetupJob[] {
    return this.jobs.list();
  }

  /** Resolves when the job has ended (tests, the CLI). */
  wait(jobId: string): Promise<SetupJob> {
    return this.jobs.result(jobId);
  }

  cancel(jobId: string): SetupJob {
    return this.jobs.cancel(jobId);
  }

  private async runJob(control: JobControl<SetupJob>, plan: ReturnType<typeof setupPlan>): Promise<void> {
    const { clock } = this.deps;
    const { snapshot: job, signal } = control;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        control.publish();
      }, 100);
    };
    const env = { ...this.deps.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONUNBUFFERED: '1', npm_config_update_notifier: 'false' };
    for (let i = 0; i < plan.length; i++) {
      const spec = plan[i]!;
      const step = job.steps[i]!;
      if (signal.aborted) {
        step.state = 'skipped';
        step.detail = 'cancelled';
        continue;
      }
      const push = (line: string) => {
        step.output.push(line);
        if (step.output.length > OUTPUT_TAIL) step.output.splice(0, step.output.length - OUTPUT_TAIL);
        changed();
      };
      Object.assign(step, { state: 'running', startedAt: clock.now() } satisfies Partial<SetupStep>);
      control.publish();
      try {
        await spec.run({
          dir: job.dir,
          env,
          signal,
          run: (command, args, timeoutMs) => {
            push(`$ ${[path.basename(command), ...args].join(' ')}`);
            return runStep(command, args, { cwd: job.dir, env, onLine: push, signal, ...(timeoutMs ? { timeoutMs } : {}) });
          },
          note: (line) => push(`MCP Lab: ${line}`),
          setCommand: (command) => {
            step.command = command;
            changed();
          },
        });
        step.state = 'succeeded';
      } catch (e) {
        step.state = 'failed';
        step.detail = e instanceof StepFailure ? e.message : `unexpected error: ${(e as Error).message}`;
        for (const rest of job.steps.slice(i + 1)) Object.assign(rest, { state: 'skipped', detail: `skipped: "${step.title}" failed` });
        job.state = signal.aborted ? 'cancelled' : 'failed';
        break;
      } finally {
        step.endedAt = clock.now();
      }
    }
    if (job.state === 'running') job.state = signal.aborted ? 'cancelled' : 'succeeded';
    job.endedAt = clock.now();
    clearTimeout(pending);
  }
}
