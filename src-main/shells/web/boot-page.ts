/**
 * The only page served without a session: it trades the one-time token in the URL fragment (never
 * sent to any server, never in logs or Referer) for an HttpOnly session cookie, then reloads
 * without the token. A used or outdated link says where a new one comes from.
 */
export const BOOT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MCP Lab</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:14px system-ui,sans-serif;background:#15171c;color:#d7dae0;display:grid;place-items:center;height:100vh;margin:0}
main{max-width:34rem;line-height:1.5}code{background:#22252c;padding:.1rem .3rem;border-radius:4px}</style>
</head><body><main id="msg">Connecting to MCP Lab…</main><script src="/boot.js"></script></body></html>`;

export const BOOT_JS = `(function () {
  var msg = document.getElementById('msg');
  var m = location.hash.match(/token=([A-Za-z0-9_-]+)/);
  if (!m) {
    msg.innerHTML = 'This MCP Lab page needs its access token. Open the full URL that <code>mcp-lab serve</code> printed in your terminal (it ends with <code>#token=…</code>).';
    return;
  }
  // The token works once: take it out of the address bar now, whatever the answer.
  history.replaceState(null, '', location.pathname + location.search);
  var newLink = ' In the terminal running <code>mcp-lab serve</code>, type <code>n</code> and press Enter to print a new link.';
  fetch('/session', { method: 'POST', headers: { Authorization: 'Bearer ' + m[1] } }).then(function (r) {
    if (r.ok) location.replace('/');
    else if (r.status === 410) msg.innerHTML = 'This link was already used: each link opens one browser session.' + newLink;
    else msg.innerHTML = 'The access token was refused: the link is outdated (a newer one was printed) or MCP Lab was restarted.' + newLink;
  }, function () { msg.textContent = 'Could not reach the MCP Lab server. Is mcp-lab serve still running?'; });
})();`;
