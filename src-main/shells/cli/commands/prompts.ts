import type { PromptInfo } from '../../../../src-shared/api/schemas/prompt';
import { describeEntry, listingHeader } from './listing';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

/** `mcp-lab prompts -- <command>`: the server's prompts and their arguments (all pages). */
export function promptsCommand(o: RequestCommandOptions, io: CommandIo): Promise<number> {
  return runRequestCommand(
    o,
    io,
    (s) => s.api.call('prompts.list', { serverId: s.serverId, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    (r, s) => {
      io.out.write(listingHeader(s, r.prompts.length, 'prompt'));
      for (const p of r.prompts) io.out.write(describePrompt(p) + '\n');
    },
  );
}

function describePrompt(p: PromptInfo): string {
  const args = (p.arguments ?? []).map((a) => `${a.name}${a.required ? '' : '?'}`).join(', ');
  return describeEntry(`${p.name}(${args})${p.title ? `  — ${p.title}` : ''}`, p.description);
}
