import { describe, expect, it } from 'vitest';
import { initialFormState } from '../../../../../src-renderer/features/servers/server-form-model';
import {
  remoteFieldsOf,
  remoteUpdate,
  suggestTransport,
  validateRemoteForm,
} from '../../../../../src-renderer/features/servers/remote-form-model';
import { EMPTY_OAUTH_FIELDS } from '../../../../../src-renderer/features/servers/oauth-form-model';

describe('the URL form', () => {
  let id = 0;
  const next = () => ++id;

  it('reads a remote config back: an unchanged secret header goes without its value, a typed one with it', () => {
    const f = initialFormState(
      {
        id: 'r',
        name: 'R',
        transport: 'sse',
        url: 'http://h/sse',
        headers: [
          { key: 'Authorization', secret: true },
          { key: 'X-Team', value: 'lab', secret: false },
        ],
      },
      next,
    );
    expect(f.kind).toBe('url');
    const fields = remoteFieldsOf(f);
    expect(fields.remoteTransport).toBe('sse');
    const r = validateRemoteForm(f.name, fields);
    expect(r.ok && r.value).toEqual({
      name: 'R',
      transport: 'sse',
      url: 'http://h/sse',
      headers: [
        { key: 'Authorization', secret: true },
        { key: 'X-Team', value: 'lab', secret: false },
      ],
    });
    const typed = { ...fields, headers: fields.headers.map((h) => (h.key === 'Authorization' ? { ...h, value: 'Bearer new' } : h)) };
    const r2 = validateRemoteForm('R', typed);
    expect(r2.ok && r2.value.headers[0]).toEqual({ key: 'Authorization', value: 'Bearer new', secret: true });
  });

  it('validates inline: URL scheme, credentials in the URL, header names, headers the transport owns, duplicates, renamed secrets', () => {
    const bad = validateRemoteForm('', {
      url: 'file:///etc/passwd',
      remoteTransport: 'http',
      headers: [
        { rowId: 1, key: 'Bad Name', value: 'x', secret: false },
        { rowId: 2, key: 'Content-Type', value: 'x', secret: false },
        { rowId: 3, key: 'X-A', value: '1', secret: false },
        { rowId: 4, key: 'x-a', value: '2', secret: false },
        { rowId: 5, key: 'Token2', value: '', secret: true, storedSecretKey: 'Token' },
      ],
      oauth: EMPTY_OAUTH_FIELDS,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.name).toBeTruthy();
    expect(bad.errors.url).toMatch(/http:\/\/ or https:\/\//);
    expect(bad.errors.headers[1]).toMatch(/no spaces or colons/);
    expect(bad.errors.headers[2]).toMatch(/sets Content-Type itself/);
    expect(bad.errors.headers[4]).toMatch(/set twice/);
    expect(bad.errors.headers[5]).toMatch(/Enter the value again/);
    const creds = validateRemoteForm('x', { url: 'https://me:pw@h/mcp', remoteTransport: 'http', headers: [], oauth: EMPTY_OAUTH_FIELDS });
    expect(!creds.ok && creds.errors.url).toMatch(/header/);
  });

  it('suggests the transport from the path, and keeps id, restart and OAuth settings when a command becomes a URL', () => {
    expect(suggestTransport('http://h/sse')).toBe('sse');
    expect(suggestTransport('http://h/mcp/')).toBe('http');
    expect(suggestTransport('http://h/api')).toBeUndefined();
    const updated = remoteUpdate(
      {
        id: 's',
        name: 'S',
        transport: 'stdio',
        command: 'node',
        args: ['x.js'],
        env: [],
        restart: { onCrash: false, maxRestarts: 1, windowSeconds: 60 },
      },
      { name: 'S', transport: 'http', url: 'http://h/mcp', headers: [] },
      undefined,
    );
    expect(updated).toEqual({
      id: 's',
      name: 'S',
      transport: 'http',
      url: 'http://h/mcp',
      headers: [],
      restart: { onCrash: false, maxRestarts: 1, windowSeconds: 60 },
    });
  });

  it('OAuth settings: a stored secret is kept without its value, a typed one replaces it, "forget" drops it', () => {
    const f = initialFormState(
      {
        id: 'r',
        name: 'R',
        transport: 'http',
        url: 'http://h/mcp',
        headers: [],
        oauth: { clientId: 'pre-registered', clientSecret: {}, scope: 'mcp:read' },
      },
      next,
    );
    const fields = remoteFieldsOf(f);
    expect(fields.oauth.clientSecret).toEqual({ value: '', stored: true });
    const kept = validateRemoteForm('R', fields);
    expect(kept.ok && kept.value.oauth).toEqual({ clientId: 'pre-registered', clientSecret: {}, scope: 'mcp:read' });
    const typed = validateRemoteForm('R', { ...fields, oauth: { ...fields.oauth, clientSecret: { value: 's3cret', stored: true } } });
    expect(typed.ok && typed.value.oauth?.clientSecret).toEqual({ value: 's3cret' });
    const forgotten = validateRemoteForm('R', { ...fields, oauth: { ...fields.oauth, clientSecret: { value: '', stored: false } } });
    expect(forgotten.ok && forgotten.value.oauth).toEqual({ clientId: 'pre-registered', scope: 'mcp:read' });
    // Nothing configured: no oauth key at all (the usual sign-in).
    const plain = validateRemoteForm('R', { ...fields, oauth: EMPTY_OAUTH_FIELDS });
    expect(plain.ok && 'oauth' in plain.value).toBe(false);
  });

  it('OAuth settings are checked: a secret without a client id, an http metadata URL, client credentials without a secret, cross-app without its identity provider', () => {
    const base = { url: 'http://h/mcp', remoteTransport: 'http' as const, headers: [] };
    const noId = validateRemoteForm('R', { ...base, oauth: { ...EMPTY_OAUTH_FIELDS, clientSecret: { value: 'x', stored: false } } });
    expect(!noId.ok && noId.errors.oauth?.clientId).toMatch(/client id/);
    const cimd = validateRemoteForm('R', {
      ...base,
      oauth: { ...EMPTY_OAUTH_FIELDS, clientMetadataUrl: 'http://example.com/client.json' },
    });
    expect(!cimd.ok && cimd.errors.oauth?.clientMetadataUrl).toMatch(/https/);
    const cc = validateRemoteForm('R', { ...base, oauth: { ...EMPTY_OAUTH_FIELDS, flow: 'clientCredentials', clientId: 'machine' } });
    expect(!cc.ok && cc.errors.oauth?.clientSecret).toMatch(/secret/);
    const xaa = validateRemoteForm('R', { ...base, oauth: { ...EMPTY_OAUTH_FIELDS, flow: 'crossApp', clientId: 'c' } });
    expect(!xaa.ok && Object.keys(xaa.errors.oauth ?? {}).sort()).toEqual(['idpClientId', 'idpIdToken', 'idpTokenEndpoint']);
  });
});
