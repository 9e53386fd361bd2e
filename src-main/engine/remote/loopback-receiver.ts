import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';

/** Why a sign-in ended without a code: the person refused, time ran out, or it was called off. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly reason: 'denied' | 'timeout' | 'cancelled',
  ) {
    super(message);
  }
}

/**
 * The OAuth redirect target (RFC 8252 loopback redirect): listens on 127.0.0.1 on a free port for
 * exactly one `GET /callback?code=…&state=…`. Another path or method, a wrong state, a second
 * callback: refused, and the wait goes on (only the right state ends it). Times out; closes itself.
 */
export class LoopbackReceiver {
  /** A fresh value per sign-in: a callback that does not carry it is not ours. */
  readonly state = randomBytes(24).toString('base64url');
  private settle: { resolve(code: string): void; reject(e: Error): void } | undefined;
  private readonly result: Promise<string>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  private constructor(
    private readonly server: Server,
    readonly redirectUrl: string,
    timeoutMs: number,
  ) {
    this.result = new Promise<string>((resolve, reject) => (this.settle = { resolve, reject }));
    this.result.catch(() => {}); // observed by waitForCode; never an unhandled rejection
    this.timer = setTimeout(
      () =>
        this.finish(
          new SignInError(
            `nobody completed the sign-in within ${Math.round(timeoutMs / 1000)} s: start the server again to get a new sign-in link`,
            'timeout',
          ),
        ),
      timeoutMs,
    );
    this.timer.unref?.();
  }

  static async start(timeoutMs: number): Promise<LoopbackReceiver> {
    let receiver: LoopbackReceiver | undefined;
    const server = createServer((req, res) => {
      if (receiver) receiver.handle(req, res);
      else refuse(res, 503, 'not ready');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    receiver = new LoopbackReceiver(server, `http://127.0.0.1:${port}${CALLBACK_PATH}`, timeoutMs);
    return receiver;
  }

  /** The authorization code, once the authorization server redirected the browser back here. */
  waitForCode(): Promise<string> {
    return this.result;
  }

  /** Stop listening; a wait still pending ends as cancelled. */
  close(reason = 'the sign-in was called off'): void {
    this.finish(new SignInError(reason, 'cancelled'));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(res, 400, 'bad request');
    }
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return refuse(res, 404, 'not found');
    if (this.done) return refuse(res, 410, 'This sign-in is already finished. You can close this tab.');
    if (url.searchParams.get('state') !== this.state)
      return refuse(res, 400, 'This sign-in link does not belong to the sign-in MCP Lab is waiting for.');
    const error = url.searchParams.get('error');
    if (error) {
      const why = url.searchParams.get('error_description');
      page(
        res,
        200,
        'Sign-in was not completed',
        'The authorization server did not grant access; MCP Lab shows its reason. You can close this tab.',
      );
      this.finish(new SignInError(`the authorization server refused the sign-in: ${error}${why ? ` (${why})` : ''}`, 'denied'));
      return;
    }
    const code = url.searchParams.get('code');
    if (!code) return refuse(res, 400, 'The redirect carries no authorization code.');
    page(res, 200, 'Signed in', 'MCP Lab received the authorization. You can close this tab and return to MCP Lab.');
    this.finish(undefined, code);
  }

  private finish(error: Error | undefined, code?: string): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    if (error) this.settle?.reject(error);
    else this.settle?.resolve(code!);
    // Let the answer page reach the browser, then stop listening.
    setTimeout(() => this.server.close(), 50).unref?.();
    this.server.closeIdleConnections?.();
  }
}

function refuse(res: ServerResponse, status: number, text: string): void {
  page(res, status, 'MCP Lab', text);
}

/** A tiny static page: no script, nothing from the request echoed back. */
function page(res: ServerResponse, status: number, title: string, text: string): void {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  res.end(`<!doctype html><meta charset="utf-8"><title>${esc(title)}</title><h1>${esc(title)}</h1><p>${esc(text)}</p>`);
}
