import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { ApiError } from '../../../src-shared/api/errors';

/**
 * Expand a resource template with the SDK's RFC 6570 implementation: the one place MCP Lab turns
 * `notes://{id}`, `files://{path*}` or `search://notes{?q,limit}` plus values into a URI. Values
 * are percent-encoded as the RFC says (FastMCP decodes them again, slashes included). Empty values
 * are left out, so an unfilled query variable disappears instead of becoming `q=`.
 */
export function expandUriTemplate(uriTemplate: string, variables: Record<string, string | string[]>): string {
  let template: UriTemplate;
  try {
    template = new UriTemplate(uriTemplate);
  } catch (e) {
    throw new ApiError('InvalidParams', `"${uriTemplate}" is not a valid URI template: ${e instanceof Error ? e.message : String(e)}`);
  }
  const filled = Object.fromEntries(Object.entries(variables).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '')));
  try {
    return template.expand(filled);
  } catch (e) {
    throw new ApiError('InvalidParams', `cannot expand "${uriTemplate}": ${e instanceof Error ? e.message : String(e)}`);
  }
}
