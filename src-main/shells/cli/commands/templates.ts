import { listingHeader } from './listing';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';
import { describeResource } from './resources';

/** `mcp-lab templates -- <command>`: the server's resource templates (all pages). */
export function templatesCommand(o: RequestCommandOptions, io: CommandIo): Promise<number> {
  return runRequestCommand(
    o,
    io,
    (s) => s.api.call('resources.templates', { serverId: s.serverId, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    (r, s) => {
      io.out.write(listingHeader(s, r.resourceTemplates.length, 'resource template'));
      for (const t of r.resourceTemplates) io.out.write(describeResource(t.uriTemplate, t) + '\n');
    },
  );
}
