import type { ResourceInfo, ResourceTemplateInfo } from '../../../src-shared/api/schemas/resource';

const words = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

/** Case-insensitive: every word must appear in the name, title, URI, MIME type or description. */
export function filterResources(resources: readonly ResourceInfo[], query: string): ResourceInfo[] {
  const w = words(query);
  if (w.length === 0) return [...resources];
  return resources.filter((r) => {
    const hay = `${r.name}\n${r.title ?? ''}\n${r.uri}\n${r.mimeType ?? ''}\n${r.description ?? ''}`.toLowerCase();
    return w.every((x) => hay.includes(x));
  });
}

export function filterTemplates(templates: readonly ResourceTemplateInfo[], query: string): ResourceTemplateInfo[] {
  const w = words(query);
  if (w.length === 0) return [...templates];
  return templates.filter((t) => {
    const hay = `${t.name}\n${t.title ?? ''}\n${t.uriTemplate}\n${t.mimeType ?? ''}\n${t.description ?? ''}`.toLowerCase();
    return w.every((x) => hay.includes(x));
  });
}
