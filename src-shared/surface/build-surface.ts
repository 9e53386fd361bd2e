import type { PromptInfo } from '../api/schemas/prompt';
import type { ResourceInfo, ResourceTemplateInfo } from '../api/schemas/resource';
import type { ServerInfo } from '../api/schemas/server';
import { SURFACE_FORMAT, SURFACE_FORMAT_VERSION, type ServerSurface } from '../api/schemas/surface';
import type { ToolInfo } from '../api/schemas/tool';
import { isSchemaObject } from '../json-schema/schema-node';

export interface SurfaceParts {
  info: Pick<ServerInfo, 'name' | 'version' | 'protocolVersion' | 'capabilities'>;
  tools: ToolInfo[];
  resources: ResourceInfo[];
  resourceTemplates: ResourceTemplateInfo[];
  prompts: PromptInfo[];
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Only the fields that are there: a snapshot never says `"title": undefined`. */
function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A server's surface from what it listed. `_meta`, sizes and other run-to-run details are left
 * out: a snapshot holds what a client relies on, so that saving it twice gives the same file.
 */
export function buildSurface(p: SurfaceParts): ServerSurface {
  return orderedSurface({
    format: SURFACE_FORMAT,
    formatVersion: SURFACE_FORMAT_VERSION,
    server: defined({ name: p.info.name, version: p.info.version, protocolVersion: p.info.protocolVersion }),
    capabilities: p.info.capabilities,
    tools: [...p.tools].sort(byKey((t) => t.name)).map((t) =>
      defined({
        name: t.name,
        title: t.title,
        description: t.description,
        inputSchema: t.inputSchema,
        outputSchema: t.outputSchema,
        annotations: t.annotations,
        execution: isSchemaObject(t.execution) ? t.execution : undefined,
      }),
    ),
    resources: [...p.resources]
      .sort(byKey((r) => r.uri))
      .map((r) => defined({ uri: r.uri, name: r.name, title: r.title, description: r.description, mimeType: r.mimeType })),
    resourceTemplates: [...p.resourceTemplates]
      .sort(byKey((r) => r.uriTemplate))
      .map((r) => defined({ uriTemplate: r.uriTemplate, name: r.name, title: r.title, description: r.description, mimeType: r.mimeType })),
    prompts: [...p.prompts].sort(byKey((x) => x.name)).map((x) =>
      defined({
        name: x.name,
        title: x.title,
        description: x.description,
        arguments: (x.arguments ?? []).map((a) =>
          defined({ name: a.name, title: a.title, description: a.description, required: a.required }),
        ),
      }),
    ),
  });
}

/**
 * The same value with every object's keys in order (arrays keep theirs: `prefixItems` and
 * `anyOf` mean something by it). Two equal surfaces print as the same text.
 */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => canonical(v)) as T;
  if (!isSchemaObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = canonical(value[k]);
  return out as T;
}

/** The format marker first, then the parts in a fixed order, each with its keys in order. */
function orderedSurface(s: ServerSurface): ServerSurface {
  return {
    format: s.format,
    formatVersion: s.formatVersion,
    server: canonical(s.server),
    capabilities: canonical(s.capabilities),
    tools: canonical(s.tools),
    resources: canonical(s.resources),
    resourceTemplates: canonical(s.resourceTemplates),
    prompts: canonical(s.prompts),
  };
}

/** The snapshot file's text: two-space JSON with a final newline, what `git diff` reads best. */
export function surfaceText(s: ServerSurface): string {
  return JSON.stringify(orderedSurface(s), null, 2) + '\n';
}
