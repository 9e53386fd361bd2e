import type { HistoryKind } from '../../../src-shared/api/schemas/history';

/** How each kind of request reads in the History tab. */
export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  'tools.call': 'Tool call',
  'resources.read': 'Read resource',
  'resources.list': 'List resources',
  'resources.templates': 'List templates',
  'resources.subscribe': 'Subscribe',
  'resources.unsubscribe': 'Unsubscribe',
  'prompts.get': 'Get prompt',
  'prompts.list': 'List prompts',
  'completion.complete': 'Complete',
  'servers.ping': 'Ping',
  'logging.setLevel': 'Set log level',
};

/** Kinds that "Edit and resend" can put back where they were made, and where that is. */
export const EDIT_TARGETS: Partial<Record<HistoryKind, string>> = {
  'tools.call': 'the Tools tab',
  'prompts.get': 'the Prompts tab',
  'resources.read': 'the Resources tab',
  'servers.ping': 'the Info tab',
  'logging.setLevel': 'the Info tab',
};

export const ORIGIN_LABELS = { electron: 'app', websocket: 'app (browser)', 'in-memory': 'CLI' } as const;
