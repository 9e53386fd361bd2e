import { describe, expect, it } from 'vitest';
import { appSandboxCspFor, appSandboxUrl, buildAppCsp } from '../../../../src-shared/security/app-sandbox';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('the MCP App policy', () => {
  it('allows nothing but inline code when the resource declares nothing, and never our own origin', () => {
    const csp = buildAppCsp(undefined);
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'none'");
    expect(directive(csp, 'frame-src')).toBe("frame-src 'none'");
    expect(csp).not.toContain("'self' ");
    expect(csp).not.toMatch(/src[^;]*'self'/);
  });

  it('maps declared origins to their directives', () => {
    const csp = buildAppCsp({
      connectDomains: ['https://api.example.com', 'wss://rt.example.com'],
      resourceDomains: ['https://*.cdn.example'],
      frameDomains: ['https://www.youtube.com'],
    });
    expect(directive(csp, 'connect-src')).toBe('connect-src https://api.example.com wss://rt.example.com');
    expect(directive(csp, 'script-src')).toBe("script-src 'unsafe-inline' 'unsafe-eval' https://*.cdn.example");
    expect(directive(csp, 'img-src')).toBe('img-src data: blob: https://*.cdn.example');
    expect(directive(csp, 'frame-src')).toBe('frame-src https://www.youtube.com');
  });

  it('drops a declared source that would add a directive of its own or widen to everything', () => {
    const csp = buildAppCsp({ connectDomains: ['https://a.example; img-src *', '*', 'https://ok.example', "'self'", 'data:'] });
    expect(directive(csp, 'connect-src')).toBe('connect-src https://ok.example');
    expect(csp).not.toContain('img-src *');
    expect(csp.split('; ').filter((d) => d.startsWith('img-src'))).toHaveLength(1);
  });

  it('round-trips the declaration through the sandbox URL; an unreadable one counts as none', () => {
    const url = new URL(appSandboxUrl('http://127.0.0.1:5000', { connectDomains: ['https://api.example.com'] }));
    expect(url.pathname).toBe('/app-sandbox.html');
    expect(directive(appSandboxCspFor(url.search), 'connect-src')).toBe('connect-src https://api.example.com');
    expect(appSandboxCspFor('?csp=%7Bnot-json')).toBe(buildAppCsp(undefined));
  });
});
