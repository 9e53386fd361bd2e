import type { ServerSurface, SurfaceChange, SurfacePrompt, SurfaceTool } from '../api/schemas/surface';
import { isSchemaObject } from '../json-schema/schema-node';
import { compareSchemas } from './schema-compat';

type Kind = SurfaceChange['kind'];
const KIND_ORDER: Kind[] = ['tool', 'resource', 'template', 'prompt', 'capability'];

/**
 * Every change between two surfaces of a server, each classified: breaking when a client written
 * against `before` can fail against `after` (something removed, a parameter removed or newly
 * required, a type narrowed, an enum value removed, an output field removed, a prompt argument
 * newly required), compatible otherwise (added, widened, described differently). Breaking
 * changes come first.
 */
export function compareSurfaces(before: ServerSurface, after: ServerSurface): SurfaceChange[] {
  const out: SurfaceChange[] = [];
  const push = (severity: SurfaceChange['severity'], kind: Kind, name: string, message: string, at?: string) =>
    out.push({ severity, kind, name, ...(at !== undefined ? { at } : {}), message });

  matchBy(before.tools, after.tools, (t) => t.name, {
    removed: (t) => push('breaking', 'tool', t.name, 'tool removed'),
    added: (t) => push('compatible', 'tool', t.name, 'tool added'),
    both: (b, a) => compareTool(b, a, (s, message, at) => push(s, 'tool', a.name, message, at)),
  });
  for (const [kind, key] of [
    ['resource', 'uri'],
    ['template', 'uriTemplate'],
  ] as const) {
    const list = (s: ServerSurface) =>
      (kind === 'resource' ? s.resources : s.resourceTemplates) as Array<Record<string, string | undefined>>;
    matchBy(list(before), list(after), (r) => r[key] ?? '', {
      removed: (r) => push('breaking', kind, r[key] ?? '', `${kind} removed`),
      added: (r) => push('compatible', kind, r[key] ?? '', `${kind} added`),
      both: (b, a) => {
        const name = a[key] ?? '';
        if (b.mimeType !== a.mimeType)
          push('breaking', kind, name, `MIME type changed from ${b.mimeType ?? 'none'} to ${a.mimeType ?? 'none'}`);
        for (const f of ['name', 'title', 'description'] as const) if (b[f] !== a[f]) push('compatible', kind, name, `${f} changed`);
      },
    });
  }
  matchBy(before.prompts, after.prompts, (p) => p.name, {
    removed: (p) => push('breaking', 'prompt', p.name, 'prompt removed'),
    added: (p) => push('compatible', 'prompt', p.name, 'prompt added'),
    both: (b, a) => comparePrompt(b, a, (s, message, at) => push(s, 'prompt', a.name, message, at)),
  });
  compareCapabilities(before.capabilities, after.capabilities, (s, name, message) => push(s, 'capability', name, message));

  const rank = (c: SurfaceChange) => (c.severity === 'breaking' ? 0 : 1) * 10 + KIND_ORDER.indexOf(c.kind);
  // A stable sort: within a kind, changes keep the order of the lists (sorted by name).
  return out
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i)
    .map((x) => x.c);
}

/** Whether any of the changes can break a client (what `mcp-lab surface --check` exits 1 for). */
export function hasBreaking(changes: SurfaceChange[]): boolean {
  return changes.some((c) => c.severity === 'breaking');
}

function matchBy<T>(
  before: T[],
  after: T[],
  key: (x: T) => string,
  on: { removed(x: T): void; added(x: T): void; both(b: T, a: T): void },
): void {
  const a = new Map(after.map((x) => [key(x), x]));
  const b = new Map(before.map((x) => [key(x), x]));
  for (const [k, x] of b) {
    const y = a.get(k);
    if (y === undefined) on.removed(x);
    else on.both(x, y);
  }
  for (const [k, y] of a) if (!b.has(k)) on.added(y);
}

type Report = (severity: SurfaceChange['severity'], message: string, at?: string) => void;

function compareTool(b: SurfaceTool, a: SurfaceTool, report: Report): void {
  for (const f of compareSchemas(b.inputSchema, a.inputSchema, 'input')) report(f.breaking ? 'breaking' : 'compatible', f.message, f.at);
  if (b.outputSchema && !a.outputSchema) report('breaking', 'output schema removed (no structured result promised any more)');
  else if (!b.outputSchema && a.outputSchema) report('compatible', 'output schema added');
  else if (b.outputSchema && a.outputSchema)
    for (const f of compareSchemas(b.outputSchema, a.outputSchema, 'output'))
      report(f.breaking ? 'breaking' : 'compatible', f.message, f.at);
  if (b.title !== a.title) report('compatible', 'title changed');
  if (b.description !== a.description) report('compatible', 'description changed');
  const hints = new Set([...Object.keys(b.annotations ?? {}), ...Object.keys(a.annotations ?? {})]);
  for (const h of [...hints].sort()) {
    const x = b.annotations?.[h];
    const y = a.annotations?.[h];
    if (JSON.stringify(x) !== JSON.stringify(y))
      report('compatible', `annotation ${h}: ${JSON.stringify(x) ?? 'unset'} → ${JSON.stringify(y) ?? 'unset'}`);
  }
  // A client that cannot run tasks cannot call a tool that now requires them; one that ran it as a task cannot once it forbids them.
  const ts = (t: SurfaceTool) =>
    isSchemaObject(t.execution) && typeof t.execution.taskSupport === 'string' ? t.execution.taskSupport : 'forbidden';
  const [tb, ta] = [ts(b), ts(a)];
  if (tb !== ta) {
    const breaking = ta === 'required' || (tb !== 'forbidden' && ta === 'forbidden');
    report(breaking ? 'breaking' : 'compatible', `task support ${tb} → ${ta}`, 'execution');
  }
}

function comparePrompt(b: SurfacePrompt, a: SurfacePrompt, report: Report): void {
  const ab = new Map(b.arguments.map((x) => [x.name, x]));
  const aa = new Map(a.arguments.map((x) => [x.name, x]));
  for (const [name, x] of ab) {
    const y = aa.get(name);
    const at = `argument ${name}`;
    if (!y) report('breaking', 'argument removed', at);
    else if (!x.required && y.required) report('breaking', 'argument became required', at);
    else if (x.required && !y.required) report('compatible', 'argument became optional', at);
    if (y && x.description !== y.description) report('compatible', 'description changed', at);
  }
  for (const [name, y] of aa)
    if (!ab.has(name))
      report(y.required ? 'breaking' : 'compatible', `${y.required ? 'required' : 'optional'} argument added`, `argument ${name}`);
  if (b.title !== a.title) report('compatible', 'title changed');
  if (b.description !== a.description) report('compatible', 'description changed');
}

/**
 * Capabilities one level deep (`tools`, `resources.subscribe`, `prompts.listChanged`): one that
 * goes away breaks clients that used it; a new one does not.
 */
function compareCapabilities(
  b: Record<string, unknown>,
  a: Record<string, unknown>,
  report: (s: SurfaceChange['severity'], name: string, message: string) => void,
): void {
  const flat = (caps: Record<string, unknown>) => {
    const names = new Set<string>();
    for (const [k, v] of Object.entries(caps)) {
      names.add(k);
      if (isSchemaObject(v))
        for (const [sub, flag] of Object.entries(v)) if (flag === true || isSchemaObject(flag)) names.add(`${k}.${sub}`);
    }
    return names;
  };
  const fb = flat(b);
  const fa = flat(a);
  // `tools` gone says it all: its `tools.listChanged` is not listed again.
  const parentGone = (n: string, gone: Set<string>) => n.includes('.') && !gone.has(n.split('.')[0]!);
  for (const n of [...fb].sort()) if (!fa.has(n) && !parentGone(n, fa)) report('breaking', n, 'capability no longer declared');
  for (const n of [...fa].sort()) if (!fb.has(n) && !parentGone(n, fb)) report('compatible', n, 'capability added');
}
