import { createReadStream } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResourceContents } from '../../../../src-shared/api/schemas/resource';
import { base64Bytes, writeText } from './print-content';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

export interface ReadOptions extends RequestCommandOptions {
  uri: string;
  out: string | undefined;
}

/**
 * `mcp-lab read <uri> -- <command>`: text is printed; a blob is summarized unless `--out <file>`
 * asks for it to be written (the first content, text or blob, inline or saved by the engine).
 */
export function readCommand(o: ReadOptions, io: CommandIo): Promise<number> {
  return runRequestCommand(
    o,
    io,
    (s) => s.api.call('resources.read', { serverId: s.serverId, uri: o.uri, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    async ({ contents }) => {
      if (o.out !== undefined) return writeFirst(contents, o.out, io.out);
      for (const c of contents) await printContents(c, io.out);
    },
  );
}

async function printContents(c: ResourceContents, out: NodeJS.WritableStream): Promise<void> {
  if ('text' in c) writeText(out, c.text);
  else if ('savedTo' in c && c.kind === 'text') {
    let last = '';
    for await (const chunk of createReadStream(c.savedTo, 'utf8')) {
      out.write(chunk);
      last = String(chunk).slice(-1);
    }
    if (last !== '\n') out.write('\n');
  } else {
    const bytes = 'blob' in c ? base64Bytes(c.blob) : c.bytes;
    out.write(`[blob ${c.mimeType ?? 'of unknown type'}, ${bytes} bytes] ${c.uri} — use --out <file> to save it\n`);
  }
}

async function writeFirst(contents: ResourceContents[], file: string, out: NodeJS.WritableStream): Promise<void> {
  const c = contents[0];
  if (!c) await writeFile(file, '');
  else if ('savedTo' in c) await copyFile(c.savedTo, file);
  else await writeFile(file, 'text' in c ? Buffer.from(c.text, 'utf8') : Buffer.from(c.blob, 'base64'));
  const bytes = !c ? 0 : 'savedTo' in c ? c.bytes : 'text' in c ? Buffer.byteLength(c.text) : base64Bytes(c.blob);
  const more = contents.length > 1 ? ` (${contents.length - 1} more content${contents.length > 2 ? 's' : ''} not written)` : '';
  out.write(`wrote ${bytes} bytes${c?.mimeType ? ` (${c.mimeType})` : ''} to ${path.resolve(file)}${more}\n`);
}
