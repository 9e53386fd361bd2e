import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Resizer, useStoredNumber } from '../../components/resizer';
import { ServerView } from '../servers/server-view';
import { EditorArea } from './editor-area';

/** Below this window width two columns leave neither the code nor the console a usable width: they stack. */
const STACK_QUERY = '(max-width: 1199px)';
const DEFAULT_SHARE = 50;

function useStacked(): boolean {
  const [stacked, setStacked] = useState(() => window.matchMedia(STACK_QUERY).matches);
  useEffect(() => {
    const mq = window.matchMedia(STACK_QUERY);
    const on = () => setStacked(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return stacked;
}

/** The editor beside (or above, in a narrow window) the server view; the editor's share is remembered. */
export function SplitView() {
  const stacked = useStacked();
  const [share, setShare] = useStoredNumber('mcp-lab.splitShare', DEFAULT_SHARE, 25, 75);
  const box = useRef<HTMLElement>(null);
  const size = () => {
    const r = box.current?.getBoundingClientRect();
    return (stacked ? r?.height : r?.width) || 1;
  };
  return (
    <main
      ref={box}
      className={`split-view ${stacked ? 'split-stacked' : 'split-columns'}`}
      aria-label="Editor and server"
      style={{ '--split-share': `${share}%` } as CSSProperties}
    >
      <EditorArea embedded />
      <Resizer
        className="split-resizer"
        label="Resize the editor and the server view"
        orientation={stacked ? 'horizontal' : 'vertical'}
        value={share}
        min={25}
        max={75}
        step={5}
        defaultValue={DEFAULT_SHARE}
        onChange={setShare}
        unitsPerPixel={() => 100 / size()}
      />
      <ServerView embedded />
    </main>
  );
}
