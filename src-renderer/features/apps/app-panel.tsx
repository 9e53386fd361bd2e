import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { appCspOf, type AppCspDeclaration } from '../../../src-shared/security/app-sandbox';
import { useActions, useWorkbench } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import type { WorkbenchState } from '../../store/workbench-store';
import { AppFrame, type AppEvent } from './app-frame';
import { APP_MIME } from './app-meta';

const NO_TOOLS: ToolInfo[] = [];

/** Frame sizes as hosts show Apps: a phone, a tablet, a desktop chat column, or the author's own. */
const SIZES = { phone: { w: 390, h: 0 }, tablet: { w: 768, h: 0 }, desktop: { w: 1024, h: 0 }, custom: { w: 600, h: 400 } } as const;
type SizeName = keyof typeof SIZES;

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; why: string }
  | { status: 'ready'; html: string; csp: AppCspDeclaration | undefined; mimeType?: string };

/**
 * An MCP App beside a tool result (or on its own, from the resource list): reads its `ui://`
 * resource, renders it sandboxed, and lets the author pick the frame's size and the host's theme.
 */
export function AppPanel({
  serverId,
  uri,
  toolCall,
}: {
  serverId: string;
  uri: string;
  toolCall?: { tool: ToolInfo; arguments: JsonObject; result?: CallToolResult };
}) {
  const actions = useActions();
  const tools = useWorkbench((s) => s.toolsByServer[serverId]?.tools ?? NO_TOOLS);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [size, setSize] = useState<SizeName>('desktop');
  const [custom, setCustom] = useState<{ w: number; h: number }>(SIZES.custom);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [events, setEvents] = useState<AppEvent[]>([]);
  const [linkAsk, setLinkAsk] = useState<{ url: string; answer(ok: boolean): void } | null>(null);

  useEffect(() => {
    // Mounted per App (keyed by its URI or call): a new App is a new panel, so no reset here.
    const ac = new AbortController();
    void readApp(actions, serverId, uri, ac.signal).then(
      (l) => !ac.signal.aborted && setLoaded(l),
      (e: unknown) => {
        if (!ac.signal.aborted) setLoaded({ status: 'failed', why: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ac.abort();
  }, [actions, serverId, uri]);

  const width = size === 'custom' ? custom.w : SIZES[size].w;
  const height = size === 'custom' ? custom.h : undefined;
  const context = useMemo<McpUiHostContext>(
    () => ({
      theme,
      locale: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      platform: size === 'phone' ? 'mobile' : 'web',
      displayMode: 'inline',
      availableDisplayModes: ['inline'],
      containerDimensions: height === undefined ? { width, maxHeight: 4000 } : { width, height },
      ...(toolCall ? { toolInfo: { tool: toolCall.tool as never } } : {}),
    }),
    [theme, size, width, height, toolCall],
  );

  const onEvent = useCallback((e: AppEvent) => setEvents((list) => [...list.slice(-49), e]), []);
  const pendingLink = useRef<((ok: boolean) => void) | null>(null);
  const confirmLink = useCallback(
    (url: string) =>
      new Promise<boolean>((resolve) => {
        pendingLink.current?.(false);
        pendingLink.current = resolve;
        setLinkAsk({ url, answer: resolve });
      }),
    [],
  );
  const answerLink = (ok: boolean) => {
    linkAsk?.answer(ok);
    pendingLink.current = null;
    setLinkAsk(null);
  };

  return (
    <section className={`app-panel app-theme-${theme}`} aria-label="MCP App">
      <div className="app-toolbar">
        <strong>App</strong> <code className="resource-uri">{uri}</code>
        <span className="header-spacer" />
        <label>
          Size{' '}
          <select value={size} onChange={(e) => setSize(e.target.value as SizeName)} aria-label="App frame size">
            <option value="phone">Phone (390)</option>
            <option value="tablet">Tablet (768)</option>
            <option value="desktop">Desktop (1024)</option>
            <option value="custom">Custom</option>
          </select>
        </label>
        {size === 'custom' ? (
          <>
            <input
              type="number"
              min={100}
              max={4000}
              value={custom.w}
              aria-label="App frame width"
              onChange={(e) => setCustom((c) => ({ ...c, w: clamp(e.target.valueAsNumber, c.w) }))}
            />
            ×
            <input
              type="number"
              min={100}
              max={4000}
              value={custom.h}
              aria-label="App frame height"
              onChange={(e) => setCustom((c) => ({ ...c, h: clamp(e.target.valueAsNumber, c.h) }))}
            />
          </>
        ) : null}
        <button
          type="button"
          className="button small"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}
        >
          {theme === 'dark' ? 'Dark host' : 'Light host'}
        </button>
      </div>
      {loaded.status === 'loading' ? <p className="muted">Reading the App…</p> : null}
      {loaded.status === 'failed' ? (
        <p className="args-problem error" role="alert">
          The App could not be read: {loaded.why}
        </p>
      ) : null}
      {loaded.status === 'ready' ? (
        <>
          {loaded.mimeType !== APP_MIME ? (
            <p className="args-problem warning" role="note">
              Its MIME type is {loaded.mimeType ? <code>{loaded.mimeType}</code> : 'not given'}; MCP Apps declare <code>{APP_MIME}</code>.
            </p>
          ) : null}
          <div className="app-stage">
            <AppFrame
              serverId={serverId}
              uri={uri}
              html={loaded.html}
              csp={loaded.csp}
              tools={tools}
              toolCall={toolCall}
              context={context}
              width={width}
              height={height}
              onEvent={onEvent}
              confirmLink={confirmLink}
            />
          </div>
        </>
      ) : null}
      {events.length > 0 ? (
        <ul className="app-events" aria-label="From the App">
          {events.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              <span className="block-kind">{e.kind}</span> {e.text}
            </li>
          ))}
        </ul>
      ) : null}
      {linkAsk ? (
        <ModalDialog
          title="The App wants to open a link"
          onClose={() => answerLink(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => answerLink(false)}>
                Don’t open
              </button>
              <button type="button" className="button primary" onClick={() => answerLink(true)}>
                Open link
              </button>
            </>
          }
        >
          <p>
            Open <code>{linkAsk.url}</code> in a new browser tab?
          </p>
        </ModalDialog>
      ) : null}
    </section>
  );
}

function clamp(v: number, fallback: number): number {
  return Number.isFinite(v) ? Math.min(4000, Math.max(100, Math.round(v))) : fallback;
}

async function readApp(
  actions: Pick<WorkbenchState, 'readResourceOnce' | 'readSavedResult'>,
  serverId: string,
  uri: string,
  signal: AbortSignal,
): Promise<Loaded> {
  const outcome = await actions.readResourceOnce({ serverId, uri }, signal);
  if (outcome.status !== 'ok') return { status: 'failed', why: outcome.status === 'protocolError' ? outcome.message : outcome.status };
  const c = outcome.result.contents[0];
  if (!c) return { status: 'failed', why: 'the resource has no contents' };
  let html: string;
  if ('text' in c) html = c.text;
  else if ('blob' in c) html = new TextDecoder().decode(Uint8Array.from(atob(c.blob), (ch) => ch.charCodeAt(0)));
  else html = await actions.readSavedResult(c.savedTo, signal);
  const meta = '_meta' in c ? c._meta : undefined;
  return { status: 'ready', html, csp: appCspOf(meta), ...(c.mimeType ? { mimeType: c.mimeType } : {}) };
}
