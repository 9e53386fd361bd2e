import type { ToolInfo } from '../../../../src-shared/api/schemas/tool';
import { withoutNull } from '../../../../src-shared/json-schema/refs';
import { declaredTypes, primaryType } from '../../../../src-shared/json-schema/schema-node';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { EXIT } from '../exit-codes';
import { describeEntry, listingHeader } from './listing';
import type { CommandIo } from './request-command';

export async function toolsCommand(o: AdhocOptions & { json: boolean }, io: CommandIo): Promise<number> {
  const out = io.out;
  const s = await startAdhocServer(o, io.signal);
  try {
    const t0 = performance.now();
    const list = await s.api.call('tools.list', { serverId: s.serverId });
    if (o.json) {
      // The shape of the other listings (resources, prompts…): server, status, durationMs, result.
      io.report.set(EXIT.ok, { server: s.summary.info, status: 'ok', durationMs: performance.now() - t0, result: { tools: list.tools } });
    } else {
      out.write(listingHeader(s, list.tools.length, 'tool'));
      for (const t of list.tools) out.write(describeTool(t) + '\n');
    }
    return EXIT.ok;
  } finally {
    await s.dispose();
  }
}

/** A parameter's type as a signature shows it: `integer`, `string|null`, `object` for a reference to a model. */
function typeLabel(root: ToolInfo['inputSchema'], param: unknown): string {
  const s = withoutNull(root, param);
  const declared = declaredTypes(s);
  if (declared.length) return declared.join('|');
  return primaryType(s) ?? 'any';
}

function describeTool(t: ToolInfo): string {
  const props = (t.inputSchema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((t.inputSchema.required as string[] | undefined) ?? []);
  const params = Object.entries(props)
    .map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeLabel(t.inputSchema, v)}`)
    .join(', ');
  const hints = Object.entries(t.annotations ?? {})
    .filter(([k, v]) => k.endsWith('Hint') && v === true)
    .map(([k]) => k.replace(/Hint$/, ''));
  const title = t.title ?? (t.annotations?.title as string | undefined);
  return describeEntry(`${t.name}(${params})${title ? `  — ${title}` : ''}${hints.length ? `  [${hints.join(', ')}]` : ''}`, t.description);
}
