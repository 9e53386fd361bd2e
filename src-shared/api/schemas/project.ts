import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';

/** New servers from a template, and the setup of their environment. */
export const TemplateIdSchema = z.enum(['fastmcp', 'typescript']);
export type TemplateId = z.infer<typeof TemplateIdSchema>;

export const TemplateInfoSchema = z.object({
  id: TemplateIdSchema,
  title: z.string(),
  description: z.string(),
  /** What setting up needs on this machine, and whether it was found. */
  requirements: z.array(z.object({ what: z.string(), found: z.boolean(), detail: z.string() })),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

export const ProjectCreateRequestSchema = z.object({
  template: TemplateIdSchema,
  /** The new project's folder: relative to the workspace, or absolute. It must not exist or be empty. */
  dir: z.string().min(1),
  /** A human name for the server (default: the folder's name). */
  name: z.string().min(1).max(120).optional(),
  /** Create the environment and run the project's tests (default true). */
  setUp: z.boolean().default(true),
  /** Add the server to the workspace (default true). */
  addServer: z.boolean().default(true),
});
export type ProjectCreateRequest = z.input<typeof ProjectCreateRequestSchema>;

export const SetupStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped']),
  /** The command line, as a person would type it. */
  command: z.string().optional(),
  /** The last lines of the step's output (stdout and stderr interleaved). */
  output: z.array(z.string()),
  /** What went wrong and what to do, when failed; why, when skipped. */
  detail: z.string().optional(),
  startedAt: EpochMsSchema.optional(),
  endedAt: EpochMsSchema.optional(),
});
export type SetupStep = z.infer<typeof SetupStepSchema>;

export const SetupJobSchema = z.object({
  jobId: z.string(),
  template: TemplateIdSchema,
  /** Absolute folder of the project. */
  dir: z.string(),
  serverId: ServerIdSchema.optional(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  steps: z.array(SetupStepSchema),
  startedAt: EpochMsSchema,
  endedAt: EpochMsSchema.optional(),
});
export type SetupJob = z.infer<typeof SetupJobSchema>;

export const ProjectCreateResultSchema = z.object({
  dir: z.string(),
  files: z.array(z.string()),
  serverId: ServerIdSchema.optional(),
  /** The setup job (follow it on projects.setupProgressed), when setUp was asked for. */
  job: SetupJobSchema.optional(),
});
export type ProjectCreateResult = z.infer<typeof ProjectCreateResultSchema>;

/** The example server of a template, added to the workspace in a folder of its own. */
export const ProjectAddExampleRequestSchema = z.object({ template: TemplateIdSchema });
export const ProjectAddExampleResultSchema = ProjectCreateResultSchema.extend({
  /** The example's main source file, relative to the workspace (what the editor opens). */
  source: z.string(),
});
export type ProjectAddExampleResult = z.infer<typeof ProjectAddExampleResultSchema>;

export const ProjectSetupRequestSchema = z.object({
  template: TemplateIdSchema,
  dir: z.string().min(1),
  serverId: ServerIdSchema.optional(),
  runTests: z.boolean().default(true),
});
