/** The desktop UI's own origin (a custom scheme, not file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://mcp-lab';

/** The UI's policy, shared with browser mode. */
export { UI_CSP as APP_CSP } from '../../../src-shared/security/csp';
