/**
 * The desktop window's security settings and link rules as plain data and pure functions, so the
 * tests can check them without Electron (which cannot run on every machine that runs our tests).
 * Only types come from electron here.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from './app-origin';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'MCP Lab',
    backgroundColor: '#15171c',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click opens links in new windows without window.open: off, like every other way out.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  };
}

/** The window may only ever show our own UI. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * What to do with a link a page wants to open: only http(s) may leave the app, and only after the
 * user confirms (the caller shows the dialog). Everything else (file:, javascript:, data:, custom
 * schemes that launch other programs) is dropped.
 */
export function externalLinkTarget(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (u.username || u.password) return undefined; // credentials in a link are a phishing tell
    return u.href;
  } catch {
    return undefined;
  }
}

/** Every permission request (camera, notifications, clipboard, …) is denied: MCP Lab needs none. */
export const permissionPolicy = { request: (_permission: string) => false, check: (_permission: string) => false };

export interface SenderFacts {
  senderId: number;
  windowContentsId: number;
  isMainFrame: boolean;
  frameUrl: string | undefined;
}

/** Only our window's main frame, showing our own UI, may speak on the RPC channel. */
export function isTrustedSender(s: SenderFacts): boolean {
  return s.senderId === s.windowContentsId && s.isMainFrame && s.frameUrl !== undefined && isAllowedNavigation(s.frameUrl);
}
