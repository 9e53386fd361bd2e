import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../../../src-main/shells/electron/app-origin';
import {
  externalLinkTarget,
  isAllowedNavigation,
  isTrustedSender,
  permissionPolicy,
  windowOptions,
} from '../../../../../src-main/shells/electron/window-policy';

const ELECTRON_DIR = path.resolve(import.meta.dirname, '../../../../../src-main/shells/electron');

describe('the desktop window (DESIGN §6)', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node, no webview', () => {
    const wp = windowOptions('/x/preload.cjs').webPreferences!;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(wp.preload).toBe('/x/preload.cjs');
  });

  it('navigates only within its own app:// origin', () => {
    expect(isAllowedNavigation('app://mcp-lab/index.html')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'http://127.0.0.1:3000/',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('lets only http(s) links leave the app', () => {
    expect(externalLinkTarget('https://modelcontextprotocol.io/docs')).toBe('https://modelcontextprotocol.io/docs');
    expect(externalLinkTarget('http://localhost:8080/')).toBe('http://localhost:8080/');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'vscode://file/x',
      'ms-msdt:/id',
      'smb://host/share',
      'https://user:pw@evil.example/',
    ]) {
      expect(externalLinkTarget(url), url).toBeUndefined();
    }
  });

  it('trusts only its own main frame showing its own UI', () => {
    const ok = { senderId: 3, windowContentsId: 3, isMainFrame: true, frameUrl: 'app://mcp-lab/index.html' };
    expect(isTrustedSender(ok)).toBe(true);
    expect(isTrustedSender({ ...ok, senderId: 4 })).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined })).toBe(false);
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      expect(permissionPolicy.request(p)).toBe(false);
      expect(permissionPolicy.check(p)).toBe(false);
    }
  });

  it('has a strict CSP: scripts from the bundle only, no inline script, no eval', () => {
    const directives = Object.fromEntries(
      APP_CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});

/** Source checks for what cannot run here: the preload and main are read as code, not executed. */
describe('the preload and main process (static checks)', () => {
  const parse = (file: string) =>
    ts.createSourceFile(file, readFileSync(path.join(ELECTRON_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const calls = (sf: ts.SourceFile) => {
    const out: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) out.push(n.expression.getText(sf));
      if (ts.isNewExpression(n)) out.push(`new ${n.expression.getText(sf)}`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return out;
  };

  it('the preload exposes one object, uses send/on only, and posts the engine port to our own origin only', () => {
    const sf = parse('preload.ts');
    const c = calls(sf);
    expect(c.filter((x) => x.endsWith('exposeInMainWorld'))).toHaveLength(1);
    const ipc = c.filter((x) => x.startsWith('ipcRenderer.'));
    expect(new Set(ipc)).toEqual(new Set(['ipcRenderer.send', 'ipcRenderer.on']));
    expect(readFileSync(path.join(ELECTRON_DIR, 'preload.ts'), 'utf8')).not.toMatch(/ipcRenderer\.(invoke|sendSync)|require\(/);
    // A port posted with '*' would reach whatever page the window shows; ours names the app's origin.
    const targets: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.expression.getText(sf) === 'window.postMessage') targets.push(n.arguments[1]?.getText(sf) ?? '');
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['APP_ORIGIN']));
  });

  it('main answers a request for an engine port only after checking the sender', () => {
    const src = readFileSync(path.join(ELECTRON_DIR, 'main.ts'), 'utf8');
    expect(src).toMatch(/ipcMain\.on\(HOST_CHANNEL\.connect, onConnectRequest\)/);
    const handler = src.slice(src.indexOf('function onConnectRequest'), src.indexOf('new MessageChannelMain'));
    expect(handler).toContain('isTrustedSender(');
    expect(handler).toMatch(/\)\s*\n?\s*return;/);
  });

  it('main builds its only window from the checked options and sets every guard', () => {
    const src = readFileSync(path.join(ELECTRON_DIR, 'main.ts'), 'utf8');
    const c = calls(parse('main.ts'));
    expect(c.filter((x) => x === 'new BrowserWindow')).toHaveLength(1);
    expect(src).toMatch(/new BrowserWindow\(windowOptions\(/);
    for (const guard of [
      "'will-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setWindowOpenHandler',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'enableSandbox',
      'registerAppScheme',
    ]) {
      expect(src, guard).toContain(guard);
    }
    expect(src).not.toMatch(/loadFile\(|file:\/\//);
  });
});

describe('the page and the shells agree on one CSP', () => {
  it('the <meta> policy in index.html is the shared policy (frame-ancestors aside: meta cannot carry it)', () => {
    const html = readFileSync(path.resolve(ELECTRON_DIR, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(
      APP_CSP.split('; ')
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; '),
    );
  });
});
