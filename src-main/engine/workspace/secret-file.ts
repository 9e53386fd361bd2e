import { z } from 'zod';

/** Secret values of servers: server id → key → value. */
export type SecretValues = Record<string, Record<string, string>>;

/** Everything the secret store holds. */
export interface SecretData {
  /** Canonical workspace path (see workspace-key.ts) → its servers' secrets. */
  workspaces: Record<string, SecretValues>;
  /**
   * Entries an earlier MCP Lab filed under a server id alone, whose workspace could not be told
   * for sure: they go to no server until a person says which workspace they belong to.
   */
  setAside: SecretValues;
}

export const SECRET_FILE_FORMAT = 2;

const ValuesSchema = z.record(z.string(), z.record(z.string(), z.string()));
const CurrentFileSchema = z.object({
  format: z.literal(SECRET_FILE_FORMAT),
  /** Present in the sealed file: which cipher sealed the values. */
  cipher: z.string().optional(),
  workspaces: z.record(z.string(), ValuesSchema),
  setAside: ValuesSchema.default({}),
});
/** Before secrets were kept per workspace: `{ serverId: { key: value } }`, or sealed `{ cipher, secrets }`. */
const LegacySealedSchema = z.object({ cipher: z.string(), secrets: ValuesSchema });

export type ParsedSecretFile =
  { kind: 'current'; cipher: string | undefined; data: SecretData } | { kind: 'legacy'; cipher: string | undefined; values: SecretValues };

/** A secret file that exists but cannot be used: nothing may write over it. */
export class UnreadableSecretFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export function emptySecretData(): SecretData {
  return { workspaces: {}, setAside: {} };
}

/** Parse a secret file's text (values still sealed when the file is); throws UnreadableSecretFile. */
export function parseSecretFile(file: string, text: string, sealed: boolean): ParsedSecretFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UnreadableSecretFile(file, `it is not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new UnreadableSecretFile(file, 'it does not hold a JSON object');
  const format = (json as { format?: unknown }).format;
  if (typeof format === 'number') {
    if (format > SECRET_FILE_FORMAT)
      throw new UnreadableSecretFile(
        file,
        `it was written by a newer MCP Lab (format ${format}; this one reads format ${SECRET_FILE_FORMAT})`,
      );
    const parsed = CurrentFileSchema.safeParse(json);
    if (!parsed.success) throw new UnreadableSecretFile(file, `it does not match the secret store format (${describeIssue(parsed.error)})`);
    if (sealed !== (parsed.data.cipher !== undefined))
      throw new UnreadableSecretFile(file, sealed ? 'it names no cipher' : 'it names a cipher, but this file holds plain values');
    return { kind: 'current', cipher: parsed.data.cipher, data: { workspaces: parsed.data.workspaces, setAside: parsed.data.setAside } };
  }
  if (sealed) {
    const parsed = LegacySealedSchema.safeParse(json);
    if (!parsed.success) throw new UnreadableSecretFile(file, `it does not match the secret store format (${describeIssue(parsed.error)})`);
    return { kind: 'legacy', cipher: parsed.data.cipher, values: parsed.data.secrets };
  }
  const parsed = ValuesSchema.safeParse(json);
  if (!parsed.success) throw new UnreadableSecretFile(file, `it does not match the secret store format (${describeIssue(parsed.error)})`);
  return { kind: 'legacy', cipher: undefined, values: parsed.data };
}

export function serializeSecretData(data: SecretData, cipher?: string): string {
  return JSON.stringify(
    { format: SECRET_FILE_FORMAT, ...(cipher ? { cipher } : {}), workspaces: data.workspaces, setAside: data.setAside },
    null,
    2,
  );
}

/** Apply `fn` to every value (sealing or unsealing them). */
export async function mapSecretData(data: SecretData, fn: (v: string) => Promise<string>): Promise<SecretData> {
  const out = emptySecretData();
  for (const [ws, servers] of Object.entries(data.workspaces)) out.workspaces[ws] = await mapValues(servers, fn);
  out.setAside = await mapValues(data.setAside, fn);
  return out;
}

export async function mapValues(values: SecretValues, fn: (v: string) => Promise<string>): Promise<SecretValues> {
  const out: SecretValues = {};
  for (const [server, keys] of Object.entries(values)) {
    const o: Record<string, string> = {};
    for (const [k, v] of Object.entries(keys)) o[k] = await fn(v);
    out[server] = o;
  }
  return out;
}

/** `b` over `a`, entry by entry. */
export function mergeSecretData(a: SecretData, b: SecretData): SecretData {
  const out: SecretData = { workspaces: structuredClone(a.workspaces), setAside: structuredClone(a.setAside) };
  for (const [ws, servers] of Object.entries(b.workspaces)) mergeValues((out.workspaces[ws] ??= {}), servers);
  mergeValues(out.setAside, b.setAside);
  return out;
}

export function mergeValues(into: SecretValues, from: SecretValues): void {
  for (const [server, keys] of Object.entries(from)) Object.assign((into[server] ??= {}), keys);
}

function describeIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return `at ${i?.path.join('.') || 'top level'}: ${i?.message ?? 'unexpected content'}`;
}
