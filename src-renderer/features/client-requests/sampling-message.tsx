import { JsonView } from '../../components/json-view';
import { formatBytes } from '../../components/format';
import { AUDIO_TYPES, IMAGE_TYPES, base64Size, safeDataUrl } from '../console/content-blocks';

type Block = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * One block of a sampling message, from an untrusted server: text as text, images and audio only
 * as data: URLs of whitelisted types, tool use and tool results as JSON.
 */
function SamplingBlock({ block, where }: { block: unknown; where: string }) {
  if (typeof block !== 'object' || block === null) return <JsonView value={block} />;
  const b = block as Block;
  if (b.type === 'text') {
    return <pre className="sampling-text">{str(b.text) ?? ''}</pre>;
  }
  if (b.type === 'image' || b.type === 'audio') {
    const kind = b.type;
    const data = str(b.data) ?? '';
    const url = safeDataUrl(b.mimeType, b.data, kind === 'image' ? IMAGE_TYPES : AUDIO_TYPES);
    return (
      <div className={`block block-${kind}`}>
        <span className="block-kind">
          {kind} · {str(b.mimeType) ?? '(no mimeType)'} · {formatBytes(base64Size(data))}
        </span>
        {url === null ? (
          <p className="muted small">Not previewed: unsupported type or data that is not plain base64.</p>
        ) : kind === 'image' ? (
          <img className="result-image sampling-image" src={url} alt={`Image in ${where}`} />
        ) : (
          <audio className="result-audio" controls src={url} aria-label={`Audio in ${where}`} />
        )}
      </div>
    );
  }
  const label =
    b.type === 'tool_use'
      ? `tool use · ${str(b.name) ?? '?'} · id ${str(b.id) ?? '?'}`
      : b.type === 'tool_result'
        ? `tool result · for ${str(b.toolUseId) ?? '?'}${b.isError ? ' · error' : ''}`
        : `${str(b.type) ?? 'unknown'} block`;
  return (
    <div className="block">
      <span className="block-kind">{label}</span>
      <JsonView value={b.type === 'tool_use' ? b.input : b.type === 'tool_result' ? b.content : b} />
    </div>
  );
}

export function SamplingMessage({ message, index }: { message: unknown; index: number }) {
  const m = (typeof message === 'object' && message !== null ? message : {}) as Block;
  const role = str(m.role) ?? '(no role)';
  const blocks = Array.isArray(m.content) ? m.content : [m.content];
  return (
    <li className={`sampling-message role-${role === 'user' || role === 'assistant' ? role : 'other'}`}>
      <span className="sampling-role">{role}</span>
      <div className="sampling-blocks">
        {blocks.map((b, i) => (
          <SamplingBlock key={i} block={b} where={`message ${index + 1}`} />
        ))}
      </div>
    </li>
  );
}
