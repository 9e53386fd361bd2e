import type { ToolInfo } from '../../../../src-shared/api/schemas/tool';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { EXIT } from '../exit-codes';
import { describeEntry, listingHeader } from './listing';

export async function toolsCommand(o: AdhocOptions & { json: boolean }, out: NodeJS.WritableStream): Promise<number> {
  const s = await startAdhocServer(o);
  try {
    const list = await s.api.call('tools.list', { serverId: s.serverId });
    if (o.json) {
      out.write(JSON.stringify({ server: s.summary.info, tools: list.tools }, null, 2) + '\n');
    } else {
      out.write(listingHeader(s, list.tools.length, 'tool'));
      for (const t of list.tools) out.write(describeTool(t) + '\n');
    }
    return EXIT.ok;
  } finally {
    await s.dispose();
  }
}

function describeTool(t: ToolInfo): string {
  const props = (t.inputSchema.properties ?? {}) as Record<string, { type?: unknown }>;
  const required = new Set((t.inputSchema.required as string[] | undefined) ?? []);
  const params = Object.entries(props)
    .map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${Array.isArray(v.type) ? v.type.join('|') : (v.type ?? 'any')}`)
    .join(', ');
  const hints = Object.entries(t.annotations ?? {})
    .filter(([k, v]) => k.endsWith('Hint') && v === true)
    .map(([k]) => k.replace(/Hint$/, ''));
  const title = t.title ?? (t.annotations?.title as string | undefined);
  return describeEntry(`${t.name}(${params})${title ? `  — ${title}` : ''}${hints.length ? `  [${hints.join(', ')}]` : ''}`, t.description);
}
