import { createHash, randomBytes } from 'node:crypto';
import { tokensMatch } from '../../rpc/serve-api';

/** One browser session: the cookie names it; the hello key is what its page sends in the WebSocket hello. */
export interface BrowserSession {
  readonly helloKey: string;
}

export type TradeResult = { ok: true; sessionId: string } | { ok: false; reason: 'used' | 'wrong' };

/** Used links we still recognise, to say "already used" rather than "wrong"; beyond this, just "wrong". */
const REMEMBERED_USED_LINKS = 32;

const random = () => randomBytes(32).toString('base64url');
/** Sessions are found by the hash of their id, so a lookup's timing says nothing about the id itself. */
const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The access token printed with the URL opens one browser session, once. A link that leaked after
 * use (terminal scrollback, shell history, a screen share) is worth nothing: trading it again is
 * refused. The session cookie is a fresh random id, never the token; a new link is issued on
 * request and replaces any unused one.
 */
export class SessionLinks {
  private pending: string | undefined;
  private readonly used: string[] = [];
  private readonly sessions = new Map<string, BrowserSession>();

  constructor(firstToken: string = random()) {
    this.pending = firstToken;
  }

  /** The token of the newest link, while nobody has used it. */
  get current(): string | undefined {
    return this.pending;
  }

  issue(): string {
    this.pending = random();
    return this.pending;
  }

  trade(given: string | undefined): TradeResult {
    if (this.pending !== undefined && tokensMatch(this.pending, given)) {
      this.remember(this.pending);
      this.pending = undefined;
      const sessionId = random();
      this.sessions.set(digest(sessionId), { helloKey: random() });
      return { ok: true, sessionId };
    }
    const wasUsed = given !== undefined && this.used.includes(digest(given));
    return { ok: false, reason: wasUsed ? 'used' : 'wrong' };
  }

  session(sessionId: string | undefined): BrowserSession | undefined {
    return sessionId === undefined ? undefined : this.sessions.get(digest(sessionId));
  }

  private remember(token: string): void {
    this.used.push(digest(token));
    if (this.used.length > REMEMBERED_USED_LINKS) this.used.shift();
  }
}
