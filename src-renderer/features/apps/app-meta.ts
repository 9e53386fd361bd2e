import type { ToolInfo } from '../../../src-shared/api/schemas/tool';

/** The MIME type of an MCP App's HTML resource. */
export const APP_MIME = 'text/html;profile=mcp-app';

function uiMeta(meta: unknown): Record<string, unknown> | undefined {
  const ui = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).ui : undefined;
  return ui && typeof ui === 'object' ? (ui as Record<string, unknown>) : undefined;
}

/** The `ui://` resource a tool (or a tool's result) links, if any; older servers use the flat `ui/resourceUri` key. */
export function appUriOf(meta: unknown): string | undefined {
  const nested = uiMeta(meta)?.resourceUri;
  const flat = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)['ui/resourceUri'] : undefined;
  const uri = nested ?? flat;
  return typeof uri === 'string' && uri.startsWith('ui://') ? uri : undefined;
}

function visibility(tool: ToolInfo): string[] | undefined {
  const v = uiMeta(tool._meta)?.visibility;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** A tool only Apps may call (`visibility: ["app"]`): hosts keep it from the model. */
export function isAppOnlyTool(tool: ToolInfo): boolean {
  const v = visibility(tool);
  return !!v && v.length > 0 && v.every((x) => x === 'app');
}

export function isAppResource(r: { uri: string; mimeType?: string }): boolean {
  return r.uri.startsWith('ui://');
}

/**
 * Why an App may not call this tool, or undefined when it may: a tool the server marked as for
 * the model only is not the App's to call (the server's author said so).
 */
export function appToolRefusal(tools: ToolInfo[], name: string): string | undefined {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return undefined; // unknown to the list: the server answers for itself
  const v = visibility(tool);
  if (v && v.length > 0 && !v.includes('app'))
    return `the tool "${name}" is not visible to Apps (its _meta.ui.visibility is ${JSON.stringify(v)})`;
  return undefined;
}
