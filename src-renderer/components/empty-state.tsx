import type { ReactNode } from 'react';
import type { ServerState } from '../../src-shared/api/schemas/server';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h3>{title}</h3>
      {children ? <div className="empty-body">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/** A server's tools, prompts or resources while it is not running: why nothing shows, and the way out. */
export function NotRunningState({
  state,
  noun,
  onStart,
  children,
}: {
  state: ServerState;
  noun: string;
  onStart(): void;
  children: ReactNode;
}) {
  if (state === 'failed' || state === 'crashed') {
    return (
      <EmptyState title={`No ${noun} to show`}>
        The server is not running: see what went wrong above, fix it, then start it again.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={`Start the server to see its ${noun}`}
      action={
        <button type="button" className="button primary" onClick={onStart} disabled={state === 'stopping'}>
          Start server
        </button>
      }
    >
      {children}
    </EmptyState>
  );
}
