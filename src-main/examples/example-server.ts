/**
 * MCP Lab's example server: a small MCP server that shows, one tool at a time, how a well-behaved
 * server is written. Call its tools, watch its logs and progress, then copy what you need.
 *
 *   node --import tsx src-main/examples/example-server.ts      (speaks MCP over stdio)
 *
 *   greet              constrained, described inputs; an enum with a default; annotations
 *   compound_interest  structured output declared with an outputSchema, plus readable text
 *   search_notes       filters (enum array, limit, date, flag) and a total count
 *   slow_task          progress notifications, cancellation, logging
 *   divide             expected failures are tool errors (isError), not crashes
 *   health_check       a cheap probe for monitoring
 *   notes://{id}       a resource template (each note is also listed as a resource)
 *   summarize_notes    a prompt with an argument
 */
import { setTimeout as delay } from 'node:timers/promises';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { NOTES, TAGS, noteUri, searchNotes } from './example-server/notes';

const NAME = 'mcp-lab-example';
const VERSION = '1.0.0';
const startedAt = Date.now();

const server = new McpServer(
  { name: NAME, version: VERSION, title: 'MCP Lab example server' },
  {
    // Declaring `logging` tells clients they may receive notifications/message and set a level.
    capabilities: { logging: {} },
    instructions: 'A demo server: greetings, interest maths, a small searchable notes dataset (also readable as notes://{id} resources).',
  },
);

/**
 * Log twice: a line on stderr for whoever runs the server, and an MCP log message for the client
 * (the SDK drops it if the client asked for a higher level). Never log to stdout: over stdio,
 * stdout carries the protocol, and one stray line corrupts it.
 */
async function log(level: LoggingLevel, logger: string, message: string): Promise<void> {
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} [${logger}] ${message}\n`);
  await server.sendLoggingMessage({ level, logger, data: message }).catch(() => {});
}

// Tool hints let a client decide without asking: these tools read nothing outside the process and
// change nothing (readOnly), give the same answer to the same input (idempotent), and reach no
// outside system (closed world).
const PURE = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

// ─── greet: every input has a type, limits and a description (clients build forms from them) ───
const GREETINGS = {
  formal: (n: string) => `Good day, ${n}. It is a pleasure to make your acquaintance.`,
  casual: (n: string) => `Hi ${n}! Nice to meet you.`,
  pirate: (n: string) => `Ahoy, ${n}! Welcome aboard, matey.`,
} as const;

server.registerTool(
  'greet',
  {
    title: 'Greet someone',
    description: 'Greets a person by name, in the chosen style.',
    inputSchema: {
      name: z.string().min(1).max(100).describe('Name of the person to greet (1 to 100 characters)'),
      style: z.enum(['formal', 'casual', 'pirate']).default('casual').describe('Tone of the greeting'),
    },
    annotations: PURE,
  },
  async ({ name, style }) => ({ content: [{ type: 'text', text: GREETINGS[style](name) }] }),
);

// ─── compound_interest: one focused calculation with a declared output shape ───
const PERIODS_PER_YEAR = { yearly: 1, monthly: 12, daily: 365 } as const;
const Compounding = z.enum(['yearly', 'monthly', 'daily']);
const cents = (n: number) => Math.round(n * 100) / 100;
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

server.registerTool(
  'compound_interest',
  {
    title: 'Compound interest',
    description: 'Final value of an investment with compound interest: A = P·(1 + r/n)^(n·t).',
    inputSchema: {
      principal: z.number().positive().max(1e9).describe('Amount invested: more than 0, at most 1,000,000,000'),
      annual_rate_percent: z.number().min(0).max(100).describe('Yearly interest rate in percent (5 means 5 %)'),
      years: z.number().int().min(1).max(100).describe('Whole years, 1 to 100'),
      compounding: Compounding.default('yearly').describe('How often interest is added to the balance'),
    },
    // An outputSchema promises the shape of structuredContent: clients can validate it and models
    // can rely on it. The SDK checks every result against it before sending.
    outputSchema: {
      final_amount: z.number().describe('Principal plus interest, rounded to cents'),
      interest_earned: z.number().describe('final_amount minus principal'),
      inputs: z
        .object({ principal: z.number(), annual_rate_percent: z.number(), years: z.number().int(), compounding: Compounding })
        .describe('The inputs used, defaults applied'),
    },
    annotations: PURE,
  },
  async (inputs) => {
    const n = PERIODS_PER_YEAR[inputs.compounding];
    const amount = inputs.principal * (1 + inputs.annual_rate_percent / 100 / n) ** (n * inputs.years);
    const out = { final_amount: cents(amount), interest_earned: cents(amount - inputs.principal), inputs };
    // Structured data for programs, and the same answer as text for clients that only show text.
    const text = `${money(inputs.principal)} at ${inputs.annual_rate_percent} % a year, compounded ${inputs.compounding}, grows to ${money(out.final_amount)} after ${inputs.years} years (interest: ${money(out.interest_earned)}).`;
    return { structuredContent: out, content: [{ type: 'text', text }] };
  },
);

// ─── search_notes: filters with sensible defaults; "no match" is an answer, not an error ───
const NoteHit = z.object({
  id: z.string(),
  uri: z.string(),
  title: z.string(),
  snippet: z.string(),
  tags: z.array(z.enum(TAGS)),
  created: z.string(),
  archived: z.boolean(),
});

server.registerTool(
  'search_notes',
  {
    title: 'Search notes',
    description: 'Searches the built-in notes by words in their title and body (every word must match). Newest first.',
    inputSchema: {
      query: z.string().min(1).max(200).describe('Words to look for, case-insensitive'),
      tags: z.array(z.enum(TAGS)).optional().describe('Only notes carrying at least one of these tags'),
      limit: z.number().int().min(1).max(50).default(10).describe('Maximum number of results (1 to 50)'),
      since: z.iso.date().optional().describe('Only notes created on or after this date (YYYY-MM-DD)'),
      include_archived: z.boolean().default(false).describe('Also search archived notes'),
    },
    outputSchema: {
      results: z.array(NoteHit),
      total_count: z.number().int().describe('How many notes matched before the limit was applied'),
      query: z.string(),
    },
    annotations: PURE,
  },
  async (args) => {
    const { hits, total } = searchNotes(args);
    const results = hits.map((n) => ({
      id: n.id,
      uri: noteUri(n),
      title: n.title,
      snippet: n.body.slice(0, 80),
      tags: n.tags,
      created: n.created,
      archived: n.archived,
    }));
    const summary =
      total === 0
        ? `No notes match "${args.query}".`
        : `${total} note(s) match "${args.query}"${total > hits.length ? `; showing ${hits.length}` : ''}.`;
    return {
      structuredContent: { results, total_count: total, query: args.query },
      // Resource links let a client open each hit without another search.
      content: [
        { type: 'text', text: summary },
        ...results.map((r) => ({ type: 'resource_link' as const, uri: r.uri, name: r.id, title: r.title, mimeType: 'application/json' })),
      ],
    };
  },
);

// ─── slow_task: long work reports progress and stops when the client cancels ───
server.registerTool(
  'slow_task',
  {
    title: 'Slow task (progress and cancellation)',
    description: 'Works for the given number of seconds, reporting progress twice a second. Cancel it to see it stop early.',
    inputSchema: { seconds: z.number().int().min(1).max(30).default(5).describe('How long to work, 1 to 30 seconds') },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ seconds }, extra) => {
    const steps = seconds * 2;
    // Progress goes only to clients that asked for it, by sending a progress token with the call.
    const token = extra._meta?.progressToken;
    await log('info', 'slow_task', `starting ${seconds} s of work in ${steps} steps`);
    for (let step = 1; step <= steps; step++) {
      try {
        // The request's signal fires when the client cancels: stop working, do not just ignore it.
        await delay(500, undefined, { signal: extra.signal });
      } catch {
        await log('warning', 'slow_task', `cancelled by the client after ${step - 1} of ${steps} steps`);
        throw new Error('cancelled'); // the SDK sends no response to a cancelled request
      }
      if (token !== undefined) {
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken: token, progress: step, total: steps, message: `step ${step} of ${steps}` },
        });
      }
    }
    await log('info', 'slow_task', `finished after ${seconds} s`);
    return { content: [{ type: 'text', text: `Done: worked for ${seconds} s in ${steps} steps.` }] };
  },
);

// ─── divide: an expected failure is a tool error with a message saying what to do ───
server.registerTool(
  'divide',
  {
    title: 'Divide',
    description: 'Divides a by b. Dividing by zero is reported as a tool error, with what to change.',
    inputSchema: { a: z.number().describe('The dividend'), b: z.number().describe('The divisor; must not be zero') },
    outputSchema: { quotient: z.number() },
    annotations: PURE,
  },
  async ({ a, b }) => {
    if (b === 0) {
      // Bad input the caller can fix is not a crash and not a protocol error: answer with
      // isError and a message the model (or person) can act on. The server keeps serving.
      return {
        isError: true,
        content: [
          { type: 'text', text: 'Cannot divide by zero: b must be a non-zero number. Call divide again with another value for b.' },
        ],
      };
    }
    const quotient = a / b;
    return { structuredContent: { quotient }, content: [{ type: 'text', text: `${a} / ${b} = ${quotient}` }] };
  },
);

// ─── health_check: cheap enough to poll; says what a monitor needs ───
const DEGRADED_RSS_BYTES = 1024 ** 3;

server.registerTool(
  'health_check',
  {
    title: 'Health check',
    description: 'Reports whether the server is healthy, with its version, uptime and memory use.',
    inputSchema: {},
    outputSchema: {
      status: z.enum(['ok', 'degraded']).describe('"degraded" when memory use is above 1 GiB'),
      version: z.string(),
      uptime_seconds: z.number(),
      memory: z.object({ rss_bytes: z.number().int(), heap_used_bytes: z.number().int() }),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async () => {
    const { rss, heapUsed } = process.memoryUsage();
    const health = {
      status: rss > DEGRADED_RSS_BYTES ? ('degraded' as const) : ('ok' as const),
      version: VERSION,
      uptime_seconds: Math.round((Date.now() - startedAt) / 100) / 10,
      memory: { rss_bytes: rss, heap_used_bytes: heapUsed },
    };
    return { structuredContent: health, content: [{ type: 'text', text: JSON.stringify(health) }] };
  },
);

// ─── notes://{id}: data a client reads (resources), next to actions it calls (tools) ───
/** An unknown resource is a JSON-RPC error with the MCP spec's code -32002 (the SDK sends `code`). */
class ResourceNotFound extends Error {
  readonly code = -32002;
}

server.registerResource(
  'note',
  new ResourceTemplate('notes://{id}', {
    // Listing makes every note discoverable without knowing the ids.
    list: async () => ({ resources: NOTES.map((n) => ({ uri: noteUri(n), name: n.id, title: n.title, mimeType: 'application/json' })) }),
    complete: { id: (prefix) => NOTES.map((n) => n.id).filter((id) => id.startsWith(prefix)) },
  }),
  { title: 'Note', description: 'One note of the built-in dataset, as JSON.', mimeType: 'application/json' },
  async (uri, { id }) => {
    const note = NOTES.find((n) => n.id === String(id));
    if (!note)
      throw new ResourceNotFound(`No note "${String(id)}". List the resources to see the ids (${NOTES[0]!.id} to ${NOTES.at(-1)!.id}).`);
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(note, null, 2) }] };
  },
);

// ─── summarize_notes: a reusable prompt the user picks, filled with the server's own data ───
server.registerPrompt(
  'summarize_notes',
  {
    title: 'Summarize notes',
    description: 'Asks the model for a short summary of the notes about a topic.',
    argsSchema: { topic: z.string().describe('What the summary is about, for example "testing" or "logging"') },
  },
  ({ topic }) => {
    const { hits } = searchNotes({ query: topic, limit: 50, include_archived: false });
    const notes = (hits.length ? hits : NOTES.filter((n) => !n.archived)).map((n) => `- ${n.title}: ${n.body}`).join('\n');
    return {
      description: `Summary of the notes about ${topic}`,
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Summarize what these notes say about "${topic}" in three bullet points:\n\n${notes}` },
        },
      ],
    };
  },
);

// ─── start, and stop cleanly when the client goes away ───
let closing = false;
async function shutdown(why: string): Promise<void> {
  if (closing) return;
  closing = true;
  process.stderr.write(`${NAME}: ${why}, shutting down\n`);
  await server.close().catch(() => {});
  process.exit(0);
}
// A host closes our input to ask us to stop, then waits a little before it kills us: exit promptly.
process.stdin.on('end', () => void shutdown('input closed'));
process.on('SIGTERM', () => void shutdown('SIGTERM received'));

await server.connect(new StdioServerTransport());
process.stderr.write(`${NAME} ${VERSION}: ready on stdio (pid ${process.pid}, node ${process.version})\n`);
