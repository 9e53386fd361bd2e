import { z } from 'zod';
import { ServerIdSchema } from './common';

/** Whether the secret store can be read. A damaged one is never written over. */
export const SecretStoreStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.literal('damaged'),
    /** The file that cannot be read (full path). */
    file: z.string(),
    /** What is wrong with it ("it is not valid JSON (…)"). */
    reason: z.string(),
    /** The whole story in one text: the file, the reason, what it means and what to do. */
    message: z.string(),
  }),
]);
export type SecretStoreStatus = z.infer<typeof SecretStoreStatusSchema>;

/** The state of what a workspace's servers are configured from: mcp-lab.json and the secret store. */
export const WorkspaceConfigStatusSchema = z.object({
  /** The workspace's mcp-lab.json (full path). */
  file: z.string(),
  /** mcp-lab.json exists but cannot be read: the servers stay as last read, and nothing is written until it is fixed. */
  problem: z.string().optional(),
  secrets: SecretStoreStatusSchema,
});
export type WorkspaceConfigStatus = z.infer<typeof WorkspaceConfigStatusSchema>;

/** A person's decision about secrets an earlier MCP Lab saved under the server id alone. */
export const SetAsideDecisionSchema = z.object({
  serverId: ServerIdSchema,
  /** `use`: they belong to this workspace's server; `discard`: to none. */
  decision: z.enum(['use', 'discard']),
});
export type SetAsideDecision = z.infer<typeof SetAsideDecisionSchema>;
