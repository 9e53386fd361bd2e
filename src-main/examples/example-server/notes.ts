/**
 * The example server's built-in dataset and its search, kept apart from the MCP wiring: plain
 * functions over plain data are easy to test without a server (keep your tools this thin).
 */
export const TAGS = ['mcp', 'python', 'typescript', 'testing', 'ops'] as const;
export type Tag = (typeof TAGS)[number];

export interface Note {
  id: string;
  title: string;
  body: string;
  tags: Tag[];
  /** YYYY-MM-DD: ISO dates compare correctly as strings. */
  created: string;
  archived: boolean;
}

export const NOTES: readonly Note[] = [
  {
    id: 'n1',
    title: 'Logs go to stderr',
    body: 'Over stdio, stdout carries JSON-RPC only. One stray print() corrupts the stream: log to stderr.',
    tags: ['mcp', 'python'],
    created: '2025-01-12',
    archived: false,
  },
  {
    id: 'n2',
    title: 'Validate inputs in the schema',
    body: 'Declare lengths, ranges, enums and formats in the input schema: clients build forms from it and bad calls fail early.',
    tags: ['mcp', 'typescript'],
    created: '2025-02-03',
    archived: false,
  },
  {
    id: 'n3',
    title: 'Tool errors are results',
    body: 'Return isError with a message the caller can act on; keep protocol errors for malformed requests.',
    tags: ['mcp'],
    created: '2025-03-21',
    archived: false,
  },
  {
    id: 'n4',
    title: 'Test tools in memory',
    body: 'Both FastMCP and the TypeScript SDK let a test call tools through an in-memory client, no process needed.',
    tags: ['testing', 'python'],
    created: '2025-04-09',
    archived: false,
  },
  {
    id: 'n5',
    title: 'Report progress on long calls',
    body: 'Send progress notifications when the client gave a progress token, and stop when the request is cancelled.',
    tags: ['mcp', 'ops'],
    created: '2025-05-30',
    archived: false,
  },
  {
    id: 'n6',
    title: 'Pin your dependencies',
    body: 'A server started with uvx or npx runs whatever is newest unless you pin its version.',
    tags: ['ops', 'python'],
    created: '2024-11-02',
    archived: true,
  },
  {
    id: 'n7',
    title: 'Structured output',
    body: 'Declare an outputSchema and return structuredContent, with a text block for clients that only show text.',
    tags: ['typescript', 'mcp'],
    created: '2025-06-18',
    archived: false,
  },
  {
    id: 'n8',
    title: 'Health checks',
    body: 'A cheap health_check tool with uptime and memory helps monitoring tell a hung server from a busy one.',
    tags: ['ops', 'testing'],
    created: '2025-07-01',
    archived: false,
  },
];

export const noteUri = (n: Note) => `notes://${n.id}`;

export interface NoteQuery {
  query: string;
  tags?: Tag[] | undefined;
  limit: number;
  since?: string | undefined;
  include_archived: boolean;
}

/** Every word of the query must appear in the title or body (case-insensitive). Newest first. */
export function searchNotes(q: NoteQuery): { hits: Note[]; total: number } {
  const words = q.query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = NOTES.filter(
    (n) =>
      (q.include_archived || !n.archived) &&
      (!q.tags?.length || n.tags.some((t) => q.tags!.includes(t))) &&
      (!q.since || n.created >= q.since) &&
      words.every((w) => `${n.title} ${n.body}`.toLowerCase().includes(w)),
  ).sort((a, b) => b.created.localeCompare(a.created));
  return { hits: matches.slice(0, q.limit), total: matches.length };
}
