import { z } from 'zod';
import { ServerIdSchema } from './common';

/** The debugpy release MCP Lab installs when asked (and was tested with); the app shows it in the command it asks consent for. */
export const DEBUGPY_VERSION = '1.8.22';

/** A breakpoint as a person sets it: a line, optionally only when a condition holds, or a log point that prints and goes on. */
export const BreakpointSpecSchema = z.object({
  line: z.number().int().min(1),
  condition: z.string().max(4096).optional(),
  /** A log point: `{expr}` parts are evaluated; the program does not stop. */
  logMessage: z.string().max(4096).optional(),
});
export type BreakpointSpec = z.infer<typeof BreakpointSpecSchema>;

/** Every breakpoint of one file. `path` is relative to the workspace (or absolute outside it); kept across server restarts. */
export const FileBreakpointsSchema = z.object({
  path: z.string().min(1).max(4096),
  breakpoints: z.array(BreakpointSpecSchema).max(1000),
});
export type FileBreakpoints = z.infer<typeof FileBreakpointsSchema>;

export const DebugLanguageSchema = z.enum(['python', 'node']);
export type DebugLanguage = z.infer<typeof DebugLanguageSchema>;

/** A place in the server's source: `path` as the debugger names it, `relPath` when it is inside the workspace. */
export const SourceLocationSchema = z.object({
  path: z.string(),
  relPath: z.string().optional(),
  line: z.number().int(),
  column: z.number().int().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const StackFrameInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  location: SourceLocationSchema.optional(),
});
export type StackFrameInfo = z.infer<typeof StackFrameInfoSchema>;

/**
 * A server run under the debugger. `attaching`: the process waits for MCP Lab to connect;
 * `running`; `paused` (where and why); `ended`: the process or the debugger connection went away.
 */
export const DebugStateSchema = z.object({
  serverId: ServerIdSchema,
  state: z.enum(['off', 'attaching', 'running', 'paused', 'ended']),
  language: DebugLanguageSchema.optional(),
  paused: z
    .object({
      threadId: z.number().int(),
      /** breakpoint | step | exception | pause | entry … as the debugger says. */
      reason: z.string(),
      description: z.string().optional(),
      location: SourceLocationSchema.optional(),
      since: z.number(),
    })
    .optional(),
  /** Why the debugger connection ended, in words. */
  message: z.string().optional(),
});
export type DebugState = z.infer<typeof DebugStateSchema>;

export const DebugScopeSchema = z.object({ name: z.string(), variablesReference: z.number().int(), expensive: z.boolean() });
export type DebugScope = z.infer<typeof DebugScopeSchema>;
export const DebugVariableSchema = z.object({
  name: z.string(),
  value: z.string(),
  type: z.string().optional(),
  /** Above 0: it has children, listed by debug.variables with this reference. */
  variablesReference: z.number().int(),
});
export type DebugVariable = z.infer<typeof DebugVariableSchema>;

export const DebugStepRequestSchema = z.object({
  serverId: ServerIdSchema,
  action: z.enum(['continue', 'over', 'in', 'out']),
});
export const DebugEvaluateRequestSchema = z.object({
  serverId: ServerIdSchema,
  expression: z.string().min(1).max(65536),
  /** The frame to evaluate in (default: the top frame of the paused thread). */
  frameId: z.number().int().optional(),
});
export const DebugEvaluateResultSchema = z.object({
  result: z.string(),
  type: z.string().optional(),
  variablesReference: z.number().int(),
});
export type DebugEvaluateResult = z.infer<typeof DebugEvaluateResultSchema>;

/** The outcome of installing the debugger package into the server's own environment. */
export const DebuggerInstallResultSchema = z.object({
  installed: z.boolean(),
  /** The interpreter it was installed for. */
  python: z.string(),
  version: z.string().optional(),
  /** The installer's last lines when it failed. */
  output: z.string().optional(),
});
