import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { formatBytes } from '../../components/format';

/** Annotations as the spec defines them (audience, priority, lastModified); anything else as key: JSON. All text. */
export function annotationLabels(annotations: JsonObject | undefined): string[] {
  if (!annotations) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(annotations)) {
    if (k === 'audience' && Array.isArray(v)) out.push(`for ${v.map(String).join(', ')}`);
    else if (k === 'priority' && typeof v === 'number') out.push(`priority ${v}`);
    else if (k === 'lastModified' && typeof v === 'string') out.push(`modified ${v}`);
    else out.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return out;
}

/** MIME type, size and annotations of a resource or template, as small badges. */
export function ResourceMeta({
  mimeType,
  size,
  annotations,
}: {
  mimeType?: string | undefined;
  size?: number | undefined;
  annotations?: JsonObject | undefined;
}) {
  const labels = annotationLabels(annotations);
  if (!mimeType && size === undefined && labels.length === 0) return null;
  return (
    <span className="badges resource-meta">
      {mimeType ? <span className="badge mono">{mimeType}</span> : null}
      {size !== undefined ? (
        <span className="badge" title="Size the server listed">
          {formatBytes(size)}
        </span>
      ) : null}
      {labels.map((l) => (
        <span key={l} className="badge badge-annotation" title="Annotation">
          {l}
        </span>
      ))}
    </span>
  );
}
