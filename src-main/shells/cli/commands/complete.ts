import type { CompletionRef } from '../../../../src-shared/api/schemas/completion';
import { CliError, EXIT } from '../exit-codes';
import { parseStringMap } from './json-option';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

export interface CompleteOptions extends RequestCommandOptions {
  prompt: string | undefined;
  resource: string | undefined;
  arg: string;
  value: string;
  context: string | undefined;
}

/** `mcp-lab complete (--prompt <name> | --resource <uri>) --arg <name> --value <v> -- <command>`: one suggestion per line. */
export function completeCommand(o: CompleteOptions, io: CommandIo): Promise<number> {
  if ((o.prompt === undefined) === (o.resource === undefined)) {
    throw new CliError(
      'give exactly one of --prompt <name> (a prompt argument) or --resource <uri-template> (a template variable)',
      EXIT.usage,
    );
  }
  const ref: CompletionRef = o.prompt !== undefined ? { type: 'ref/prompt', name: o.prompt } : { type: 'ref/resource', uri: o.resource! };
  const context = o.context === undefined ? undefined : { arguments: parseStringMap('--context', o.context, '{"department": "Sales"}') };
  return runRequestCommand(
    o,
    io,
    (s) =>
      s.api.call(
        'completion.complete',
        { serverId: s.serverId, ref, argument: { name: o.arg, value: o.value }, ...(context ? { context } : {}), timeoutMs: o.timeoutMs },
        { signal: io.signal },
      ),
    (r) => {
      // Explained on stderr so stdout stays one suggestion per line (empty) for scripts.
      if (r.values.length === 0)
        io.err.write(`mcp-lab: no completions: the server suggested nothing for ${o.arg} = ${JSON.stringify(o.value)}\n`);
      for (const v of r.values) io.out.write(v + '\n');
      if (r.hasMore || (r.total ?? 0) > r.values.length)
        io.out.write(`(${r.values.length} shown${r.total !== undefined ? ` of ${r.total}` : ''}; more available)\n`);
    },
  );
}
