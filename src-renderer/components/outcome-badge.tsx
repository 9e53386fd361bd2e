import type { ToolCallStatus } from '../../src-shared/api/schemas/tool';

export const STATUS_LABELS: Record<ToolCallStatus, string> = {
  ok: 'OK',
  toolError: 'Tool error',
  protocolError: 'Protocol error',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  crashed: 'Server crashed',
};

/** How a request ended, as a coloured label (console, requests, history). */
export function OutcomeBadge({ status }: { status: ToolCallStatus }) {
  return <span className={`outcome-badge outcome-${status}`}>{STATUS_LABELS[status]}</span>;
}
