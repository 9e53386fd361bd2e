import { AppBridge, PostMessageTransport, type McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/client';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { appSandboxUrl, type AppCspDeclaration } from '../../../src-shared/security/app-sandbox';
import { APP_VERSION } from '../../../src-shared/version';
import { useActions } from '../../app-context';
import { appToolRefusal } from './app-meta';

export interface AppEvent {
  kind: 'message' | 'log' | 'link';
  text: string;
}

interface Props {
  serverId: string;
  /** The App's `ui://` resource. */
  uri: string;
  html: string;
  csp: AppCspDeclaration | undefined;
  /** The server's tools: an App may call those meant for Apps only. */
  tools: ToolInfo[];
  /** The call that opened it (absent when the resource is opened on its own). */
  toolCall?: { tool: ToolInfo; arguments: JsonObject; result?: CallToolResult };
  context: McpUiHostContext;
  /** Width and height in CSS pixels; height `undefined` follows what the App asks for. */
  width: number;
  height: number | undefined;
  onEvent(e: AppEvent): void;
  /** Resolves true when the person agreed to open the link. */
  confirmLink(url: string): Promise<boolean>;
}

const DEFAULT_HEIGHT = 360;
const MAX_HEIGHT = 4000;

/**
 * One MCP App in its sandbox (see src-shared/security/app-sandbox.ts). The App protocol is spoken
 * by the ext-apps AppBridge; what the App asks of the server goes through the engine's contract
 * like the person's own requests, marked with the App's URI.
 */
export function AppFrame({ serverId, uri, html, csp, tools, toolCall, context, width, height, onEvent, confirmLink }: Props) {
  const { callToolFromApp, readResourceOnce } = useActions();
  const frame = useRef<HTMLIFrameElement>(null);
  const bridgeRef = useRef<AppBridge | null>(null);
  const [asked, setAsked] = useState<number | undefined>(undefined);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const emit = useEffectEvent(onEvent);
  const confirm = useEffectEvent(confirmLink);
  const latest = useEffectEvent(() => ({ tools, toolCall, context }));

  useEffect(() => {
    const el = frame.current;
    const win = el?.contentWindow;
    if (!el || !win) return;
    const bridge = new AppBridge(
      null,
      { name: 'MCP Lab', version: APP_VERSION },
      { openLinks: {}, serverTools: {}, serverResources: {}, logging: {}, message: { text: {} } },
      { hostContext: latest().context },
    );
    bridgeRef.current = bridge;
    bridge.oncalltool = async (params, extra) => {
      const refusal = appToolRefusal(latest().tools, params.name);
      if (refusal) throw new Error(refusal);
      const outcome = await callToolFromApp(
        { serverId, toolName: params.name, arguments: (params.arguments ?? {}) as JsonObject, fromApp: uri },
        extra.mcpReq.signal,
      );
      if (outcome.status === 'ok' || outcome.status === 'toolError') return outcome.result as CallToolResult;
      throw new Error(outcome.status === 'protocolError' ? outcome.message : `the call ended: ${outcome.status}`);
    };
    bridge.onreadresource = async (params, extra) => {
      const outcome = await readResourceOnce({ serverId, uri: params.uri, fromApp: uri }, extra.mcpReq.signal);
      if (outcome.status !== 'ok')
        throw new Error(outcome.status === 'protocolError' ? outcome.message : `the read ended: ${outcome.status}`);
      const contents = outcome.result.contents.filter((c) => !('savedTo' in c));
      return { contents } as never;
    };
    bridge.onmessage = async (params) => {
      emit({ kind: 'message', text: textOf(params.content) });
      return {};
    };
    bridge.onloggingmessage = (params) =>
      emit({ kind: 'log', text: `${params.level}: ${typeof params.data === 'string' ? params.data : JSON.stringify(params.data)}` });
    bridge.onopenlink = async ({ url }) => {
      const ok = /^https?:\/\//i.test(url) && (await confirm(url));
      emit({ kind: 'link', text: `${ok ? 'opened' : 'declined'} ${url}` });
      if (ok) window.open(url, '_blank', 'noopener,noreferrer');
      return ok ? {} : { isError: true };
    };
    bridge.onsizechange = ({ height: h }) => {
      if (typeof h === 'number' && Number.isFinite(h)) setAsked(Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(h))));
    };
    bridge.onsandboxready = () => void bridge.sendSandboxResourceReady({ html, csp });
    bridge.oninitialized = () => {
      setState('ready');
      const call = latest().toolCall;
      if (!call) return;
      void bridge.sendToolInput({ arguments: call.arguments });
      if (call.result) void bridge.sendToolResult(call.result);
    };
    let closed = false;
    void bridge.connect(new PostMessageTransport(win, win)).then(
      () => {
        // Navigate only once the bridge listens, so the relay's "ready" is never missed.
        if (!closed) el.src = appSandboxUrl(location.origin, csp);
      },
      () => setState('failed'),
    );
    return () => {
      closed = true;
      bridgeRef.current = null;
      void bridge.close();
    };
  }, [callToolFromApp, readResourceOnce, serverId, uri, html, csp]);

  useEffect(() => {
    bridgeRef.current?.setHostContext(context);
  }, [context]);

  return (
    <div className="app-frame-wrap" data-state={state}>
      <iframe
        ref={frame}
        className="app-frame"
        title={`MCP App ${uri}`}
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        style={{ width, height: height ?? asked ?? DEFAULT_HEIGHT }}
      />
      {state === 'failed' ? <p className="args-problem error">The App could not be connected.</p> : null}
    </div>
  );
}

function textOf(content: ContentBlock[]): string {
  return content.map((b) => (b.type === 'text' ? b.text : `[${b.type}]`)).join('\n');
}
