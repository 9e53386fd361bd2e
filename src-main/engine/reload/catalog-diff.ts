import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { ReloadEvent, ToolChange } from '../../../src-shared/api/schemas/reload';

/** What a person compares when a tool changed: its schemas and metadata. */
function shapeOf(t: ToolInfo): Record<string, unknown> {
  return {
    ...(t.title ? { title: t.title } : {}),
    ...(t.description ? { description: t.description } : {}),
    inputSchema: t.inputSchema,
    ...(t.outputSchema ? { outputSchema: t.outputSchema } : {}),
    ...(t.annotations ? { annotations: t.annotations } : {}),
  };
}

export function diffTools(before: ToolInfo[], after: ToolInfo[]): ToolChange[] {
  const b = new Map(before.map((t) => [t.name, t]));
  const a = new Map(after.map((t) => [t.name, t]));
  const out: ToolChange[] = [];
  for (const [name, t] of a) {
    const old = b.get(name);
    if (!old) out.push({ name, change: 'added', after: shapeOf(t) });
    else if (JSON.stringify(shapeOf(old)) !== JSON.stringify(shapeOf(t)))
      out.push({ name, change: 'changed', before: shapeOf(old), after: shapeOf(t) });
  }
  for (const [name, t] of b) if (!a.has(name)) out.push({ name, change: 'removed', before: shapeOf(t) });
  return out;
}

export function diffNames(kind: ReloadEvent['others'][number]['kind'], before: string[], after: string[]): ReloadEvent['others'] {
  const b = new Set(before);
  const a = new Set(after);
  return [
    ...[...a].filter((n) => !b.has(n)).map((name) => ({ kind, name, change: 'added' as const })),
    ...[...b].filter((n) => !a.has(n)).map((name) => ({ kind, name, change: 'removed' as const })),
  ];
}
