import { SESSION_FORMAT, SessionFileSchema, type SessionFile } from '../api/schemas/session-file';

/** A session file read back: the session, or why it cannot be opened, in words. */
export function readSessionFile(text: string): { session: SessionFile } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON: ${(e as Error).message}` };
  }
  const parsed = SessionFileSchema.safeParse(json);
  if (parsed.success) return { session: parsed.data };
  const marked = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === SESSION_FORMAT;
  const issue = parsed.error.issues[0];
  return {
    error: marked
      ? `a session file this MCP Lab cannot read (${issue?.path.join('.') || 'top'}: ${issue?.message}); it may come from a newer version`
      : `not an MCP Lab session file (it has no "format": "${SESSION_FORMAT}"); export one from a server's Info tab`,
  };
}
