/**
 * Values in other clients' server lists that are not values: VS Code's `${input:id}` (asked of the
 * user, kept in its secret storage), `${env:NAME}` (VS Code, Cursor) and `${NAME}` (Claude Code)
 * read from the environment, and the placeholder MCP Lab writes in place of a secret on export.
 * None of them is ever passed to a server literally.
 */
const REFERENCE = /\$\{(?:input:([^}]+)|env:([^}]+)|([A-Za-z_][A-Za-z0-9_]*))\}/g;
/** VS Code's predefined variables that name places, not secrets: substituted where known. */
const PLACE_VARIABLES = new Set(['workspaceFolder', 'workspaceFolderBasename', 'userHome', 'pathSeparator', '/']);
const PLACE = /\$\{(workspaceFolder|workspaceFolderBasename|userHome|pathSeparator|\/)\}/g;

/** What MCP Lab writes for a secret value in formats that cannot refer to one. */
export function secretPlaceholder(key: string): string {
  return `<secret ${key}: not exported, set it here>`;
}
const PLACEHOLDER = /^<secret [^:>]+: not exported, set it here>$/;

export interface ValueReference {
  /** The first reference as written (`${input:api-key}`). */
  reference: string;
  kind: 'input' | 'env' | 'placeholder';
  /** The input id or variable name. */
  name: string;
}

/** The first secret-like reference in a value, if any (place variables are not references). */
export function findReference(value: string): ValueReference | undefined {
  if (PLACEHOLDER.test(value)) return { reference: value, kind: 'placeholder', name: value };
  for (const m of value.matchAll(REFERENCE)) {
    if (m[1] !== undefined) return { reference: m[0], kind: 'input', name: m[1] };
    if (m[2] !== undefined) return { reference: m[0], kind: 'env', name: m[2] };
    if (m[3] !== undefined && !PLACE_VARIABLES.has(m[3])) return { reference: m[0], kind: 'env', name: m[3] };
  }
  return undefined;
}

export interface Places {
  workspaceFolder?: string;
  userHome?: string;
  pathSeparator: string;
}

/** Substitute `${workspaceFolder}`, `${userHome}`…; `missing` lists those that could not be. */
export function substitutePlaces(value: string, places: Places): { value: string; used: string[]; missing: string[] } {
  const used: string[] = [];
  const missing: string[] = [];
  const out = value.replace(PLACE, (whole, name: string) => {
    const v =
      name === 'workspaceFolder'
        ? places.workspaceFolder
        : name === 'workspaceFolderBasename'
          ? places.workspaceFolder?.split(/[\\/]/).filter(Boolean).pop()
          : name === 'userHome'
            ? places.userHome
            : places.pathSeparator;
    if (v === undefined) {
      missing.push(whole);
      return whole;
    }
    used.push(whole);
    return v;
  });
  return { value: out, used, missing };
}

const SECRET_KEY =
  /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|_KEY$|^KEY$|_PAT$|COOKIE|SESSION)/i;
const SECRET_VALUE = /^(sk-|sk_live_|rk_live_|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abpr]-|AKIA[0-9A-Z]{12}|AIza[0-9A-Za-z_-]{20})/;

/**
 * Whether an environment entry from another client's file should be kept as a secret (out of
 * mcp-lab.json, which is meant to be committed): by its name, or by a value shaped like a known
 * kind of token.
 */
export function looksSecret(key: string, value: string): boolean {
  return SECRET_KEY.test(key) || SECRET_VALUE.test(value);
}
