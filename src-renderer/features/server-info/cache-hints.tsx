import type { CacheHint } from '../../../src-shared/api/schemas/cache-hint';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useWorkbench } from '../../app-context';
import { formatClock, formatDuration } from '../../components/format';

const SCOPES = { public: 'public: may be shared across users', private: 'private: for this sign-in only' } as const;

/**
 * What a 2026-07-28 server said about caching its lists (`ttlMs`, `cacheScope`), per list: how
 * long it stays fresh and until when. While fresh, a reconnect keeps the list instead of asking
 * again; Refresh and a list_changed notification always ask.
 */
export function CacheHints({ serverId }: { serverId: ServerId }) {
  const tools = useWorkbench((s) => s.toolsByServer[serverId]?.cache);
  const prompts = useWorkbench((s) => s.promptsByServer[serverId]?.cache);
  const resources = useWorkbench((s) => s.resourcesByServer[serverId]?.cache);
  const templates = useWorkbench((s) => s.resourcesByServer[serverId]?.templateCache);
  const rows: [string, CacheHint | undefined][] = [
    ['tools/list', tools],
    ['prompts/list', prompts],
    ['resources/list', resources],
    ['resources/templates/list', templates],
  ];
  const given = rows.filter((r): r is [string, CacheHint] => r[1] !== undefined);
  if (!given.length)
    return <p className="muted small">None: the server’s list results carry no cache hints (servers of the initialize era send none).</p>;
  return (
    <dl className="info-facts" aria-label="Cache hints">
      {given.map(([method, h]) => (
        <div key={method}>
          <dt className="mono">{method}</dt>
          <dd>
            {h.ttlMs === 0
              ? 'stale at once (ttlMs 0): asked for again whenever needed'
              : `fresh for ${formatDuration(h.ttlMs)} (until ${formatClock(h.freshUntil)})`}{' '}
            · {SCOPES[h.cacheScope]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
