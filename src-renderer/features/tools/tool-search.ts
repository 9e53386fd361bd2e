import type { ToolInfo } from '../../../src-shared/api/schemas/tool';

/** Case-insensitive substring search over name, title and description; every word must match. */
export function filterTools(tools: readonly ToolInfo[], query: string): ToolInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tools];
  return tools.filter((t) => {
    const hay = `${t.name}\n${t.title ?? ''}\n${t.annotations?.title ?? ''}\n${t.description ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
