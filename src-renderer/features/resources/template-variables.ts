/** One variable of a resource template, as the template form needs it. */
export interface TemplateVariable {
  name: string;
  /** RFC 6570 operator: '' (simple), '+', '#', '.', '/', ';', '?', '&'. */
  operator: string;
  /** `{path*}`: FastMCP's wildcard, which may span several path segments. */
  explode: boolean;
  /** `{?q,limit}` / `{&x}`: a query parameter, left out when empty. */
  query: boolean;
}

const OPERATORS = new Set(['+', '#', '.', '/', ';', '?', '&']);

/**
 * The variables of an RFC 6570 template, in order, each once: enough to build one form field per
 * variable. Only names are read here; expanding the template is the engine's job
 * (`resources.expandTemplate`), so the renderer holds no second RFC 6570 implementation.
 */
export function templateVariables(uriTemplate: string): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  const seen = new Set<string>();
  for (const m of uriTemplate.matchAll(/\{([^{}]*)\}/g)) {
    let expr = m[1]!.trim();
    const operator = OPERATORS.has(expr[0] ?? '') ? expr[0]! : '';
    expr = expr.slice(operator.length);
    for (const spec of expr.split(',')) {
      const raw = spec.trim();
      const explode = raw.endsWith('*');
      // `{var:3}` is a prefix modifier: the variable is still `var`.
      const name = raw.replace(/\*$/, '').replace(/:\d+$/, '');
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, operator, explode, query: operator === '?' || operator === '&' });
    }
  }
  return out;
}

/** Path variables must be filled for the URI to name anything; query variables may stay empty. */
export function missingVariables(vars: readonly TemplateVariable[], values: Record<string, string>): string[] {
  return vars.filter((v) => !v.query && !(values[v.name] ?? '').trim()).map((v) => v.name);
}
