import { parseStringMap } from './json-option';
import { writeContentBlock } from './print-content';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

export interface PromptOptions extends RequestCommandOptions {
  name: string;
  args: string | undefined;
}

/** `mcp-lab prompt <name> [--args '<json>'] -- <command>`: the prompt's messages, one block per message. */
export function promptCommand(o: PromptOptions, io: CommandIo): Promise<number> {
  const args = parseStringMap('--args', o.args, '{"topic": "testing"}');
  return runRequestCommand(
    o,
    io,
    (s) =>
      s.api.call('prompts.get', { serverId: s.serverId, name: o.name, arguments: args, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    (r) => {
      if (r.description) io.out.write(`${r.description}\n\n`);
      r.messages.forEach((m, i) => {
        io.out.write(`${i ? '\n' : ''}[${m.role}]\n`);
        writeContentBlock(m.content, io.out);
      });
    },
  );
}
