import { useMemo, useState } from 'react';
import type { ResourceContents, SavedResourceContents } from '../../../src-shared/api/schemas/resource';
import { formatBytes } from '../../components/format';
import { AUDIO_TYPES, IMAGE_TYPES, base64Size, safeDataUrl } from '../console/content-blocks';
import { base64ToBytes, downloadBase64, safeDownloadName } from './binary-download';
import { CopyButton } from './copy-button';
import { TextContents } from './text-contents';

/** Binaries up to this size can be shown decoded as text on request. */
const DECODE_AS_TEXT_MAX = 1024 * 1024;

/** Every part of a `resources/read` result, each by its kind: text, binary (image, audio, other) or saved to disk. */
export function ResourceContentsView({ contents, requestedUri }: { contents: readonly ResourceContents[]; requestedUri: string }) {
  if (contents.length === 0) return <p className="muted">The server returned no contents for this URI.</p>;
  return (
    <div className="resource-contents">
      {contents.map((c, i) => (
        <div key={i} className="resource-part">
          {contents.length > 1 || c.uri !== requestedUri ? (
            <p className="part-head small">
              {contents.length > 1 ? (
                <span className="muted">
                  Part {i + 1} of {contents.length} ·{' '}
                </span>
              ) : null}
              <code className="link-uri">{c.uri}</code>
            </p>
          ) : null}
          <ContentsPart contents={c} />
        </div>
      ))}
    </div>
  );
}

function ContentsPart({ contents: c }: { contents: ResourceContents }) {
  if ('savedTo' in c) return <SavedContents contents={c} />;
  if ('text' in c) return <TextContents text={c.text} mimeType={c.mimeType} label={`text${c.mimeType ? ` · ${c.mimeType}` : ''}`} />;
  return <BlobContents uri={c.uri} blob={c.blob} mimeType={c.mimeType} />;
}

function BlobContents({ uri, blob, mimeType }: { uri: string; blob: string; mimeType?: string | undefined }) {
  const [asText, setAsText] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const size = base64Size(blob);
  const image = safeDataUrl(mimeType, blob, IMAGE_TYPES);
  const audio = image ? null : safeDataUrl(mimeType, blob, AUDIO_TYPES);
  const fileName = safeDownloadName(uri, mimeType);
  const decoded = useMemo(() => {
    if (!asText) return null;
    try {
      return new TextDecoder('utf-8', { fatal: false }).decode(base64ToBytes(blob));
    } catch {
      return null;
    }
  }, [asText, blob]);

  return (
    <div className="block block-blob">
      <div className="block-head">
        <span className="block-kind">
          binary · {mimeType ?? 'no MIME type'} · {formatBytes(size)}
        </span>
        <span className="header-spacer" />
        {!image && !audio && size <= DECODE_AS_TEXT_MAX ? (
          <button type="button" className="button small pressable" aria-pressed={asText} onClick={() => setAsText((v) => !v)}>
            Show as text
          </button>
        ) : null}
        <button
          type="button"
          className="button small"
          title={`Save as ${fileName}`}
          onClick={() => {
            try {
              downloadBase64(blob, fileName);
              setProblem(null);
            } catch (e) {
              setProblem(`Cannot download: the server's base64 data is invalid (${e instanceof Error ? e.message : String(e)}).`);
            }
          }}
        >
          Download
        </button>
      </div>
      {image ? <img className="result-image" src={image} alt={`Image resource ${uri} (${mimeType})`} /> : null}
      {audio ? <audio className="result-audio" controls src={audio} aria-label={`Audio resource ${uri} (${mimeType})`} /> : null}
      {!image && !audio && !asText ? (
        <p className="muted small">Binary contents are not shown: download them, or show them decoded as UTF-8 text.</p>
      ) : null}
      {asText ? (
        decoded === null ? (
          <p className="field-error">The server's base64 data is invalid: it cannot be decoded.</p>
        ) : (
          <TextContents text={decoded} label="decoded as UTF-8" />
        )
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function SavedContents({ contents: c }: { contents: SavedResourceContents }) {
  return (
    <div className="block block-saved">
      <span className="block-kind">
        {c.kind === 'text' ? 'text' : 'binary'} · {c.mimeType ?? 'no MIME type'} · {formatBytes(c.bytes)} · saved to disk
      </span>
      <p className="saved-line">
        Too large to show here, so MCP Lab saved it to <code className="saved-path">{c.savedTo}</code>{' '}
        <CopyButton text={c.savedTo} what="file path" />
      </p>
      {c.preview !== undefined ? (
        <>
          <span className="block-kind">Beginning of the text</span>
          <pre className="result-text resource-text" tabIndex={0} aria-label="Preview of the saved text">
            {c.preview}
          </pre>
        </>
      ) : null}
    </div>
  );
}
