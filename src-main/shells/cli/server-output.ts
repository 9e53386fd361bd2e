import type { LogEntry } from '../../../src-shared/api/schemas/log';
import type { AdhocSession } from './adhoc-server';
import { snapshotOf } from './follow-stream';
import { escapeControls } from './terminal-text';

/**
 * `--stderr` / `-v`: what the server says besides its answers (its stderr, stray stdout, its log
 * messages and progress notifications), on our stderr as it arrives, each line marked so it is not
 * taken for MCP Lab's own. The log stream replays from the start, so the handshake's output is
 * there too; what arrived after the last batch is printed once the server has stopped.
 */
export function withServerOutput(s: AdhocSession, err: NodeJS.WritableStream): AdhocSession {
  let lastSeq = 0;
  const print = (entries: LogEntry[]) => {
    for (const e of entries) {
      if (e.seq <= lastSeq) continue;
      lastSeq = e.seq;
      const progress = progressLine(e);
      if (progress !== undefined) err.write(`[server progress] ${escapeControls(progress)}\n`);
      if (e.source !== 'stderr' && e.source !== 'stdout' && e.source !== 'notification') continue;
      const tag = e.source === 'notification' ? e.level : e.source;
      for (const line of e.text.split('\n')) if (line) err.write(`[server ${tag}] ${escapeControls(line)}\n`);
    }
  };
  const sub = s.api.subscribe('logs.appended', { serverId: s.serverId }, (batch) => print(batch.entries));
  return {
    ...s,
    dispose: async () => {
      // Stop first: the server's last stderr lines (read from a pipe of their own) are in the log once it has exited.
      await s.api.call('servers.stop', { serverId: s.serverId }).catch(() => undefined);
      sub.dispose();
      print((await snapshotOf(s.api, 'logs.appended', { serverId: s.serverId, afterSeq: lastSeq })).entries);
      await s.dispose();
    },
  };
}

/** A progress notification from the server (kept in the protocol log) as one line: `2/5 step 2 of 5`. */
function progressLine(e: LogEntry): string | undefined {
  if (e.source !== 'protocol' || e.protocol?.dir !== 'in' || e.protocol.method !== 'notifications/progress') return undefined;
  const p = (e.data as { params?: { progress?: unknown; total?: unknown; message?: unknown } } | undefined)?.params;
  if (typeof p?.progress !== 'number') return undefined;
  const done = typeof p.total === 'number' ? `${p.progress}/${p.total}` : String(p.progress);
  return typeof p.message === 'string' && p.message ? `${done} ${p.message.split('\n')[0]}` : done;
}
