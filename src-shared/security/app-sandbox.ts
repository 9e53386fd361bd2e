/**
 * The frame an MCP App runs in. The UI embeds `/app-sandbox.html` with `sandbox="allow-scripts"`
 * (no allow-same-origin: the document gets an opaque origin, never ours). That page is served by
 * the shell with the App's own Content-Security-Policy as a response header, so the policy is in
 * force before one byte of the App is parsed; it then relays the App protocol between the UI and
 * an inner `srcdoc` frame that holds the App's HTML (the inner frame inherits the page's policy).
 * The policy is built only from what the resource declares in `_meta.ui.csp`: nothing else is
 * allowed, and in particular not our own origin (no `'self'` anywhere).
 */

export const APP_SANDBOX_PATH = '/app-sandbox.html';

/** What a resource may declare (the MCP Apps `McpUiResourceCsp`): origins per purpose. */
export interface AppCspDeclaration {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
}

/**
 * A CSP source is spliced into a header: anything but a plain origin (scheme, host with an optional
 * `*.` prefix, optional port) could end the directive and add one of its own, so it is refused.
 */
const ORIGIN_SOURCE = /^(https?|wss?):\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(\d{1,5}|\*))?$/;

export function isAcceptedCspSource(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 255 && ORIGIN_SOURCE.test(s);
}

function sources(list: unknown): string[] {
  return Array.isArray(list) ? list.filter(isAcceptedCspSource) : [];
}

/** Reads `_meta.ui.csp` loosely: a server may send anything there. */
export function appCspOf(meta: unknown): AppCspDeclaration | undefined {
  const ui = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).ui : undefined;
  const csp = ui && typeof ui === 'object' ? (ui as Record<string, unknown>).csp : undefined;
  if (!csp || typeof csp !== 'object') return undefined;
  const c = csp as Record<string, unknown>;
  return {
    connectDomains: sources(c.connectDomains),
    resourceDomains: sources(c.resourceDomains),
    frameDomains: sources(c.frameDomains),
    baseUriDomains: sources(c.baseUriDomains),
  };
}

/** The App's policy: inline code (Apps are single HTML files), declared origins, and nothing more. */
export function buildAppCsp(decl: AppCspDeclaration | undefined): string {
  const res = sources(decl?.resourceDomains).join(' ');
  const connect = sources(decl?.connectDomains);
  const frames = sources(decl?.frameDomains);
  const base = sources(decl?.baseUriDomains);
  const withRes = (head: string) => (res ? `${head} ${res}` : head);
  return [
    "default-src 'none'",
    // eval too: Apps evaluate code they are given (the three.js example runs its scene as a string);
    // it widens nothing an App can reach, which is what this policy is about.
    withRes("script-src 'unsafe-inline' 'unsafe-eval'"),
    withRes("style-src 'unsafe-inline'"),
    withRes('img-src data: blob:'),
    withRes('font-src data:'),
    withRes('media-src data: blob:'),
    `connect-src ${connect.length ? connect.join(' ') : "'none'"}`,
    `frame-src ${frames.length ? frames.join(' ') : "'none'"}`,
    `base-uri ${base.length ? base.join(' ') : "'none'"}`,
    "object-src 'none'",
    "form-action 'none'",
    // Only our UI may embed the relay page.
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The sandbox page's URL for one App: the declaration rides in the query, the shell turns it into the header. */
export function appSandboxUrl(base: string, decl: AppCspDeclaration | undefined): string {
  const u = new URL(APP_SANDBOX_PATH, base);
  if (decl) u.searchParams.set('csp', JSON.stringify(decl));
  return u.toString();
}

/** The shell's side: the policy for a request to the sandbox page (an unreadable `csp` counts as none declared). */
export function appSandboxCspFor(search: string): string {
  const raw = new URLSearchParams(search).get('csp');
  if (!raw) return buildAppCsp(undefined);
  try {
    return buildAppCsp(appCspOf({ ui: { csp: JSON.parse(raw) as unknown } }));
  } catch {
    return buildAppCsp(undefined);
  }
}

/**
 * The relay. It knows no secret and holds no state worth stealing: it forwards JSON-RPC messages
 * between its parent (the UI's AppBridge) and the inner App frame, and builds that frame when the
 * UI sends the HTML (`ui/notifications/sandbox-resource-ready`). Messages from any other window are
 * dropped. The inner frame is itself sandboxed (scripts only: no same-origin, popups, forms or
 * top navigation).
 */
const RELAY_JS = `(function () {
  var host = window.parent, inner = null;
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.source === host) {
      if (d && d.method === 'ui/notifications/sandbox-resource-ready') {
        if (inner || !d.params || typeof d.params.html !== 'string') return;
        inner = document.createElement('iframe');
        inner.setAttribute('sandbox', 'allow-scripts');
        inner.setAttribute('title', 'MCP App');
        inner.srcdoc = d.params.html;
        document.body.appendChild(inner);
        return;
      }
      if (inner && inner.contentWindow) inner.contentWindow.postMessage(d, '*');
    } else if (inner && e.source === inner.contentWindow) {
      host.postMessage(d, '*');
    }
  });
  host.postMessage({ jsonrpc: '2.0', method: 'ui/notifications/sandbox-proxy-ready', params: {} }, '*');
})();`;

export const APP_SANDBOX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>MCP App sandbox</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:transparent}iframe{border:0;width:100%;height:100%;display:block}</style>
</head><body><script>${RELAY_JS}</script></body></html>`;
