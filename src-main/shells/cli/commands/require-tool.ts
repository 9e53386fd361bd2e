import type { AdhocSession } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';

/** A verb that works on one tool (bench, fuzz) checks it exists first, and names the ones that do. */
export async function requireTool(s: AdhocSession, name: string): Promise<void> {
  const { tools } = await s.api.call('tools.list', { serverId: s.serverId });
  if (!tools.some((t) => t.name === name))
    throw new CliError(`the server has no tool "${name}" (tools: ${tools.map((t) => t.name).join(', ') || 'none'})`, EXIT.usage);
}
