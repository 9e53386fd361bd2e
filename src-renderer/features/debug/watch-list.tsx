import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions, useWorkbench } from '../../app-context';
import { debugSelectors } from '../../store/slices/debug-slice';

type Value = { text: string; failed: boolean };

/**
 * A server's watch expressions, evaluated in the selected frame each time the debugger pauses it
 * (the panel mounts afresh for every pause) and when another frame is chosen. They are kept per
 * server, so the next pause, or the next run under the debugger, shows them again.
 */
export function WatchList({ serverId, frameId }: { serverId: ServerId; frameId: number | undefined }) {
  const watches = useWorkbench(useShallow(debugSelectors.watches(serverId)));
  const { addWatch, removeWatch, evaluate } = useActions();
  const [values, setValues] = useState<Record<string, Value>>({});
  const [draft, setDraft] = useState('');

  useEffect(() => {
    if (frameId === undefined) return;
    let live = true;
    for (const expression of watches) {
      evaluate(serverId, expression, frameId).then(
        (r) => live && setValues((v) => ({ ...v, [expression]: { text: r.result, failed: false } })),
        (e: unknown) =>
          live && setValues((v) => ({ ...v, [expression]: { text: e instanceof Error ? e.message : String(e), failed: true } })),
      );
    }
    return () => {
      live = false;
    };
  }, [evaluate, serverId, frameId, watches]);

  return (
    <>
      <ul className="debug-watches" aria-label="Watch">
        {watches.map((w) => {
          const v = values[w];
          return (
            <li key={w} className={v?.failed ? 'failed' : ''}>
              <code>{w}</code> = <code>{v ? v.text : '…'}</code>
              <button type="button" className="link-button small" aria-label={`Remove watch ${w}`} onClick={() => removeWatch(serverId, w)}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          addWatch(serverId, draft);
          setDraft('');
        }}
      >
        <input
          className="input"
          aria-label="Add a watch expression"
          placeholder="an expression to evaluate at every pause"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </form>
    </>
  );
}
