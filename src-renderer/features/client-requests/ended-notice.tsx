import type { EndedClientRequest } from '../../../src-shared/api/schemas/client-request';

const WHY: Record<EndedClientRequest['reason'], string> = {
  withdrawn: 'The server withdrew this request',
  serverStopped: 'The server stopped, so this request ended',
  timedOut: 'Nobody answered in time: MCP Lab told the server the request timed out',
  answered: 'This request was answered in another window',
};

/** Shown in place of a request that went away while it was on screen. */
export function EndedNotice({ ended, onClose }: { ended: EndedClientRequest; onClose(): void }) {
  return (
    <div className="request-view ended-notice" role="status">
      <p className="request-ended">{WHY[ended.reason]}.</p>
      {ended.detail ? <p className="muted small">{ended.reason === 'withdrawn' ? `Its reason: ${ended.detail}` : ended.detail}</p> : null}
      <p className="muted small">Nothing was sent. The server&apos;s log has the details.</p>
      <div className="request-actions">
        <span className="header-spacer" />
        <button type="button" className="button primary" data-escape-action="" autoFocus onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
