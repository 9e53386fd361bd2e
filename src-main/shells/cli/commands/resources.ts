import type { ResourceInfo, ResourceTemplateInfo } from '../../../../src-shared/api/schemas/resource';
import { describeEntry, listingHeader } from './listing';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

/** `mcp-lab resources -- <command>`: every resource the server lists (all pages). */
export function resourcesCommand(o: RequestCommandOptions, io: CommandIo): Promise<number> {
  return runRequestCommand(
    o,
    io,
    (s) => s.api.call('resources.list', { serverId: s.serverId, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    (r, s) => {
      io.out.write(listingHeader(s, r.resources.length, 'resource'));
      for (const x of r.resources) io.out.write(describeResource(x.uri, x) + '\n');
    },
  );
}

/** One resource or template: address, name and type on the first line, the description's first line below. */
export function describeResource(address: string, r: ResourceInfo | ResourceTemplateInfo): string {
  return describeEntry(`${address}  ${r.title ?? r.name}${r.mimeType ? `  (${r.mimeType})` : ''}`, r.description);
}
