import type { ServerStatus } from '../../src-shared/api/schemas/server';

const LABELS: Record<ServerStatus['state'], string> = {
  stopped: 'stopped',
  starting: 'starting',
  ready: 'ready',
  stopping: 'stopping',
  crashed: 'crashed',
  failed: 'failed',
};

export function statusText(status: ServerStatus): string {
  if (status.state === 'starting') return `starting (${status.phase})`;
  // A remote server has no process to crash: its connection was lost.
  if (status.state === 'crashed' && status.message.startsWith('connection lost')) return 'connection lost';
  return LABELS[status.state];
}

export function statusPid(status: ServerStatus): number | undefined {
  return 'pid' in status ? status.pid : undefined;
}

export function isRunning(status: ServerStatus): boolean {
  return status.state === 'ready' || status.state === 'starting';
}

export function StatusDot({ status }: { status: ServerStatus }) {
  return <span className={`status-dot status-${status.state}`} aria-hidden="true" />;
}
