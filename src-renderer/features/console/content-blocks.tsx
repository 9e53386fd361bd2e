import { useMemo } from 'react';
import type { ResourceContents } from '../../../src-shared/api/schemas/resource';
import { JsonView } from '../../components/json-view';
import { formatBytes } from '../../components/format';
import { useResourceOpener } from '../resources/open-resource-context';

/**
 * Content blocks of a tool result. Everything here comes from an untrusted server: it is shown as
 * text, media only as data: URLs built from base64 and a whitelisted MIME type, links never followed.
 */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif']);
export const AUDIO_TYPES: ReadonlySet<string> = new Set([
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/mpeg',
  'audio/mp3',
  'audio/ogg',
  'audio/webm',
  'audio/flac',
  'audio/aac',
  'audio/mp4',
]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Block = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A data: URL, or null when the type is not whitelisted or the data is not plain base64. */
export function safeDataUrl(mimeType: unknown, data: unknown, allowed: ReadonlySet<string>): string | null {
  if (typeof mimeType !== 'string' || typeof data !== 'string') return null;
  const mime = mimeType.toLowerCase().trim();
  if (!allowed.has(mime)) return null;
  const clean = data.replace(/\s+/g, '');
  if (!BASE64.test(clean)) return null;
  return `data:${mime};base64,${clean}`;
}

export function base64Size(data: string): number {
  const clean = data.replace(/\s+/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

function TextBlock({ text }: { text: string }) {
  const parsed = useMemo(() => {
    const t = text.trim();
    if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
    try {
      return { value: JSON.parse(t) as unknown };
    } catch {
      return undefined;
    }
  }, [text]);
  if (parsed) {
    return (
      <div className="block block-text">
        <span className="block-kind">text · JSON</span>
        <JsonView value={parsed.value} />
      </div>
    );
  }
  return (
    <div className="block block-text">
      <span className="block-kind">text</span>
      <pre className="result-text">{text}</pre>
    </div>
  );
}

function MediaBlock({ block, kind }: { block: Block; kind: 'image' | 'audio' }) {
  const mime = str(block.mimeType) ?? '(no mimeType)';
  const data = str(block.data) ?? '';
  const url = safeDataUrl(block.mimeType, block.data, kind === 'image' ? IMAGE_TYPES : AUDIO_TYPES);
  return (
    <div className={`block block-${kind}`}>
      <span className="block-kind">
        {kind} · {mime} · {formatBytes(base64Size(data))}
      </span>
      {url === null ? (
        <p className="muted small">
          Not previewed: {kind === 'image' ? 'only PNG, JPEG, GIF, WebP, BMP and AVIF' : 'only common audio types'} with plain base64 data
          are shown.
        </p>
      ) : kind === 'image' ? (
        <img className="result-image" src={url} alt={`Image returned by the tool (${mime})`} />
      ) : (
        <audio className="result-audio" controls src={url} aria-label={`Audio returned by the tool (${mime})`} />
      )}
    </div>
  );
}

/** "Open" shows the resource in the Resources tab (of the server that sent it); outside a server view there is none. */
function OpenButton({ uri, embedded, label }: { uri: string | undefined; embedded?: ResourceContents; label: string }) {
  const opener = useResourceOpener();
  if (!opener || !uri) return null;
  return (
    <button type="button" className="button small" title={label} aria-label={`${label}: ${uri}`} onClick={() => opener.open(uri, embedded)}>
      Open
    </button>
  );
}

function ResourceLinkBlock({ block }: { block: Block }) {
  return (
    <div className="block block-link">
      <span className="block-kind">resource link{str(block.mimeType) ? ` · ${str(block.mimeType)}` : ''}</span>
      <div className="link-row">
        <span className="link-name">{str(block.title) ?? str(block.name) ?? '(unnamed)'}</span>
        <code className="link-uri" title="Links from servers are not opened automatically">
          {str(block.uri) ?? '(no uri)'}
        </code>
        <OpenButton uri={str(block.uri)} label="Read this resource in the Resources tab" />
      </div>
      {str(block.description) ? <p className="small">{str(block.description)}</p> : null}
    </div>
  );
}

function EmbeddedResourceBlock({ block }: { block: Block }) {
  const r = (typeof block.resource === 'object' && block.resource !== null ? block.resource : {}) as Block;
  const text = str(r.text);
  const blob = str(r.blob);
  const uri = str(r.uri);
  const mimeType = str(r.mimeType);
  // Rebuilt from checked strings: only a well-formed text or blob content travels to the Resources tab.
  const contents: ResourceContents | undefined =
    uri === undefined
      ? undefined
      : text !== undefined
        ? { uri, text, ...(mimeType ? { mimeType } : {}) }
        : blob !== undefined
          ? { uri, blob, ...(mimeType ? { mimeType } : {}) }
          : undefined;
  return (
    <div className="block block-resource">
      <span className="block-kind">
        embedded resource{mimeType ? ` · ${mimeType}` : ''}
        {blob !== undefined ? ` · ${formatBytes(base64Size(blob))} binary` : ''}
      </span>
      <div className="link-row">
        <code className="link-uri">{uri ?? '(no uri)'}</code>
        {contents ? <OpenButton uri={uri} embedded={contents} label="Show these contents in the Resources tab" /> : null}
      </div>
      {text !== undefined ? <TextBlock text={text} /> : null}
    </div>
  );
}

export function ContentBlock({ block }: { block: unknown }) {
  if (typeof block !== 'object' || block === null) return <JsonView value={block} />;
  const b = block as Block;
  switch (b.type) {
    case 'text':
      return <TextBlock text={str(b.text) ?? ''} />;
    case 'image':
      return <MediaBlock block={b} kind="image" />;
    case 'audio':
      return <MediaBlock block={b} kind="audio" />;
    case 'resource_link':
      return <ResourceLinkBlock block={b} />;
    case 'resource':
      return <EmbeddedResourceBlock block={b} />;
    default:
      return (
        <div className="block">
          <span className="block-kind">{typeof b.type === 'string' ? b.type : 'unknown'} (unknown content type)</span>
          <JsonView value={b} />
        </div>
      );
  }
}
