import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { ResourceContents, ResourceReadResult } from '../../../src-shared/api/schemas/resource';
import { writeFileAtomically } from '../workspace/atomic-file';
import { downloadFileName, INLINE_LIMITS, planInline, type ContentsSize, type InlineLimits } from './download-name';

const PREVIEW_CHARS = 2000;

type RawContents = ReadResourceResult['contents'][number];

/**
 * Keeps large resource contents out of replies: a 50 MB resource must never travel to the UI
 * whole. What is over the inline limits is written (atomically) to `<appData>/downloads/` and
 * replaced by where it was saved.
 */
export class DownloadStore {
  constructor(
    readonly dir: string,
    private readonly limits: InlineLimits = INLINE_LIMITS,
  ) {}

  async offload(result: ReadResourceResult): Promise<ResourceReadResult> {
    const sizes = result.contents.map(sizeOf);
    const inline = planInline(sizes, this.limits);
    const contents: ResourceContents[] = [];
    for (const [i, c] of result.contents.entries()) contents.push(inline[i] ? c : await this.save(c, i));
    return { ...result, contents };
  }

  /** Keep a whole tool result on disk (the UI got a trimmed view of it). */
  async saveCallResult(toolName: string, callId: string, result: unknown): Promise<{ savedTo: string; bytes: number }> {
    const safe = (x: string) => x.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
    const file = path.join(this.dir, `${safe(toolName)}-${safe(callId)}.result.json`);
    const data = Buffer.from(JSON.stringify(result, null, 2), 'utf8');
    await writeFileAtomically(file, data);
    return { savedTo: file, bytes: data.length };
  }

  /** Read back a file this store wrote: only inside its own folder, whatever path is asked for. */
  async read(file: string): Promise<string> {
    const full = path.resolve(file);
    if (path.dirname(full) !== path.resolve(this.dir)) throw new Error('only files MCP Lab saved in its downloads folder can be read back');
    return readFile(full, 'utf8');
  }

  private async save(c: RawContents, index: number): Promise<ResourceContents> {
    const kind = 'text' in c ? 'text' : 'blob';
    const data = 'text' in c ? Buffer.from(c.text, 'utf8') : Buffer.from(String(c.blob), 'base64');
    const file = path.join(this.dir, downloadFileName(c.uri, index, kind, c.mimeType));
    await writeFileAtomically(file, data);
    return {
      uri: c.uri,
      ...(c.mimeType ? { mimeType: c.mimeType } : {}),
      kind,
      savedTo: file,
      bytes: data.length,
      ...('text' in c ? { preview: c.text.slice(0, PREVIEW_CHARS) } : {}),
    };
  }
}

function sizeOf(c: RawContents): ContentsSize {
  if ('text' in c) return { kind: 'text', bytes: Buffer.byteLength(c.text, 'utf8'), chars: c.text.length };
  return { kind: 'blob', chars: String(c.blob).length };
}
