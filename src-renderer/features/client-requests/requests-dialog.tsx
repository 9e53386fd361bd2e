import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClientRequestResponse, EndedClientRequest, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import { useActions, useWorkbench } from '../../app-context';
import { formatUptime } from '../../components/format';
import { useNow } from '../../components/use-now';
import { clientRequestSelectors } from '../../store/slices/client-requests-slice';
import { ElicitationFormView } from './elicitation-form-view';
import { EndedNotice } from './ended-notice';
import { SamplingRequestView } from './sampling-request-view';
import { UrlElicitationView } from './url-elicitation-view';
import { WaitingPill } from './waiting-pill';
import { safeName } from '../../components/server-name';

/**
 * "Requests from the server": sampling and elicitation requests of the selected server, one at a
 * time, in a modal that opens when one arrives. Requests of other servers wait behind a badge in
 * the sidebar and a pill; "Later" hides a request without answering it (it keeps waiting).
 */
export function ClientRequestsHost() {
  const selectedId = useWorkbench((s) => s.selectedServerId);
  const here = useWorkbench(useShallow(clientRequestSelectors.forServer(selectedId)));
  const allIds = useWorkbench(useShallow((s) => s.pendingRequests.map((r) => r.id)));
  const [later, setLater] = useState<ReadonlySet<string>>(() => new Set());
  const [shownId, setShownId] = useState<string | null>(null);
  const ended = useWorkbench((s) => (shownId ? s.endedRequests[shownId] : undefined));
  const answeredHere = useWorkbench((s) => (shownId ? s.answeredHere[shownId] === true : false));
  const visible = here.filter((r) => !later.has(r.id));

  // The request on screen went away without this window answering it: say why instead of vanishing.
  // (The engine sends the reason before the pending list that drops the request.)
  const notice: EndedClientRequest | undefined =
    shownId && !allIds.includes(shownId) && !answeredHere && ended && ended.reason !== 'answered' && ended.serverId === selectedId
      ? ended
      : undefined;
  const current = notice ? undefined : (visible.find((r) => r.id === shownId) ?? visible[0]);
  // Follow what is on screen (adjusting state while rendering: React re-renders at once).
  if (!notice && (current?.id ?? null) !== shownId) setShownId(current?.id ?? null);

  const hiddenHere = here.length - visible.length;
  if (!current && !notice) {
    return <WaitingPill hiddenHere={hiddenHere} onShow={() => setLater(new Set())} />;
  }
  const index = current ? visible.indexOf(current) : -1;
  return (
    <RequestDialog
      title={notice ? 'Request from the server' : titleOf(current!)}
      queue={
        current && visible.length > 1
          ? { index, total: visible.length, go: (d) => setShownId(visible[(index + d + visible.length) % visible.length]!.id) }
          : undefined
      }
      onLater={current ? () => setLater((s) => new Set([...s, current.id])) : undefined}
    >
      {notice ? <EndedNotice ended={notice} onClose={() => setShownId(null)} /> : <RequestBody key={current!.id} request={current!} />}
    </RequestDialog>
  );
}

function titleOf(r: PendingClientRequest): string {
  if (r.kind === 'sampling') return 'The server asks for an LLM completion';
  return r.params.mode === 'url' ? 'The server asks you to open a link' : 'The server asks for information';
}

/** Escape presses the view's Cancel / Reject (or Close) button, so the key and the button do the same thing. */
function pressEscapeAction(dialog: HTMLDialogElement | null): void {
  dialog?.querySelector<HTMLButtonElement>('[data-escape-action]:not(:disabled)')?.click();
}

function RequestBody({ request }: { request: PendingClientRequest }) {
  const { respondToRequest } = useActions();
  const server = useWorkbench((s) => safeName(s.serversById[request.serverId]?.config.name ?? request.serverId));
  const now = useNow(1000);
  const respond = (r: ClientRequestResponse) => respondToRequest(request.id, r);
  const left = Math.max(0, request.expiresAt - now);
  return (
    <>
      <p className="request-meta small">
        {request.inputRequired ? (
          <span>
            <strong>{server}</strong> asks <code>{request.method}</code> “{request.inputRequired.key}” in its <code>input_required</code>{' '}
            answer to <code>{request.inputRequired.method}</code> (round {request.inputRequired.round})
          </span>
        ) : (
          <span>
            <strong>{server}</strong> sent <code>{request.method}</code> #{String(request.jsonRpcId)}
          </span>
        )}
        <span className="muted">{formatUptime(Math.max(0, now - request.receivedAt))} ago</span>
        <span className={left < 60_000 ? 'request-expiry soon' : 'request-expiry'} title="After this MCP Lab answers with a timeout error">
          answer within {formatUptime(left)}
        </span>
        <span className="muted">
          {request.inputRequired
            ? `MCP Lab sends ${request.inputRequired.method} again with your answer (2026-07-28).`
            : 'The call that asked keeps running; its timeout is paused while you answer.'}
        </span>
      </p>
      {request.kind === 'sampling' ? (
        <SamplingRequestView request={request} onRespond={respond} />
      ) : request.params.mode === 'url' ? (
        <UrlElicitationView request={request} onRespond={respond} />
      ) : (
        <ElicitationFormView request={request} onRespond={respond} />
      )}
    </>
  );
}

interface DialogProps {
  title: string;
  onLater: (() => void) | undefined;
  queue: { index: number; total: number; go(delta: number): void } | undefined;
  children: React.ReactNode;
}

function RequestDialog({ title, onLater, queue, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof el.showModal === 'function' && !el.open) el.showModal();
    else el.setAttribute('open', '');
    const onCancel = (e: Event) => {
      e.preventDefault();
      pressEscapeAction(el);
    };
    el.addEventListener('cancel', onCancel);
    return () => {
      el.removeEventListener('cancel', onCancel);
      if (el.open && typeof el.close === 'function') el.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal client-request-dialog"
      aria-labelledby="client-request-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          pressEscapeAction(ref.current);
        }
      }}
    >
      <header className="modal-header">
        <h2 id="client-request-title">{title}</h2>
        {queue ? (
          <span className="request-queue" role="group" aria-label="Waiting requests">
            <button type="button" className="icon-button" aria-label="Previous request" onClick={() => queue.go(-1)}>
              ‹
            </button>
            <span className="small">
              {queue.index + 1} of {queue.total}
            </span>
            <button type="button" className="icon-button" aria-label="Next request" onClick={() => queue.go(1)}>
              ›
            </button>
          </span>
        ) : null}
        {onLater ? (
          <button type="button" className="button small" title="Hide this request without answering; it keeps waiting" onClick={onLater}>
            Later
          </button>
        ) : null}
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
