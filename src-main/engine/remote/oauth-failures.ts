import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { SignInError } from './loopback-receiver';
import { UnsafeOAuthMetadataError } from './oauth-guard';
import { errorCode } from './observed-fetch';
import { describeNetworkError } from './remote-errors';
import type { Challenge } from './oauth-session';
import { challengeParams, formOf, jsonOf } from './oauth-step-texts';
import type { FailureReason, TraceRaw } from './oauth-trace';

/**
 * Why a sign-in ended without tokens, from what the SDK threw and what the wire showed: the
 * reason picks the step to mark in the sign-in debugger, the message is said in words.
 */
export function classifySignInFailure(e: unknown, raw: TraceRaw): { reason: FailureReason; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof UnsafeOAuthMetadataError) return { reason: 'unsafeMetadata', message };
  if (e instanceof SignInError) return { reason: e.reason, message: e.message };
  if (/does not match expected/.test(message))
    return { reason: 'resourceMismatch', message: 'the protected resource metadata names another resource than this server' };
  if (/does not support dynamic client registration/.test(message)) {
    return {
      reason: 'noRegistration',
      message: 'the authorization server offers no dynamic client registration, and no client id is configured for it',
    };
  }
  if (/code challenge method|response type/.test(message)) return { reason: 'pkceUnsupported', message };
  if (/identity provider/.test(message)) return { reason: 'idp', message };
  const lastPost = raw.exchanges.findLast((x) => x.method === 'POST');
  if (lastPost && noOAuthHere(raw, lastPost)) {
    return { reason: 'noOAuth', message: 'the server wants credentials (HTTP 401) and offers no OAuth sign-in' };
  }
  if (e instanceof OAuthError || lastPost?.status !== undefined) {
    const registration = !!lastPost && !formOf(lastPost).has('grant_type') && !!jsonOf(lastPost.requestBody);
    const code = e instanceof OAuthError ? e.errorCode : undefined;
    return { reason: registration ? 'registration' : 'token', message: code ? `${code}${message ? `: ${message}` : ''}` : message };
  }
  const code = errorCode(e);
  const net = raw.exchanges.findLast((x) => x.error);
  if (net && code) {
    const host = (() => {
      try {
        return new URL(net.url).host;
      } catch {
        return net.url;
      }
    })();
    return { reason: 'other', message: describeNetworkError(code, host, net.error ?? message).message };
  }
  return { reason: 'other', message };
}

/**
 * Nothing OAuth answers: no metadata of either kind, and the 2025-03-26 default registration
 * endpoint is not there either. The server wants some other credential.
 */
function noOAuthHere(raw: TraceRaw, lastPost: { url: string; status?: number | undefined }): boolean {
  const found = (re: RegExp) => raw.exchanges.some((x) => re.test(x.url) && x.status !== undefined && x.status < 300);
  if (found(/\/\.well-known\/oauth-protected-resource/) || found(/\/\.well-known\/(oauth-authorization-server|openid-configuration)/))
    return false;
  if (raw.challenge && challengeParams(raw.challenge.responseHeaders?.find(([k]) => k === 'www-authenticate')?.[1]).resource_metadata)
    return false;
  return /\/register$/.test(new URL(lastPost.url).pathname) && (lastPost.status === 404 || lastPost.status === 405);
}

/** The error a request ends with when a fresh sign-in did not satisfy the server. */
export function refusedAgain(ch: Challenge): string {
  const p = challengeParams(ch.wwwAuthenticate);
  const what =
    ch.status === 403 ? `HTTP 403${p.error ? ` ${p.error}` : ''}${p.scope ? `, it asks for scope "${p.scope}"` : ''}` : 'HTTP 401';
  return `the server still refuses after a new sign-in (${what}): MCP Lab does not sign in again for the same challenge. The sign-in steps show what was granted.`;
}
