import type { LintCategory, LintSeverity } from '../../../src-shared/api/schemas/lint';

export interface LintRule {
  id: string;
  severity: LintSeverity;
  category: LintCategory;
  title: string;
  rationale: string;
}

/**
 * Every rule of the linter: the checklist of fastmcp-best-practices.md made concrete. The
 * rationale is shown next to each finding, so it says why in the guide's terms.
 */
export const LINT_RULES: readonly LintRule[] = [
  // ─── from the server's own lists ───
  {
    id: 'tool-description-missing',
    severity: 'error',
    category: 'description',
    title: 'Tool without a description',
    rationale:
      'Models pick tools by their description; without one the tool is a guess. The guide gives every tool a docstring (FastMCP turns it into the description).',
  },
  {
    id: 'tool-description-weak',
    severity: 'warning',
    category: 'description',
    title: 'Tool description too short to be useful',
    rationale:
      'A description that only repeats the name tells a model nothing about when to call the tool or what it returns. Say what it does, on what input, and what comes back.',
  },
  {
    id: 'param-description-missing',
    severity: 'warning',
    category: 'description',
    title: 'Parameter without a description',
    rationale:
      'The guide annotates every parameter with Field(description=…): clients build forms from it and models read it to fill the argument correctly.',
  },
  {
    id: 'param-type-missing',
    severity: 'error',
    category: 'schema',
    title: 'Parameter without a type',
    rationale:
      'An untyped parameter (a Python argument without an annotation) accepts anything, so nothing is validated and clients cannot build an input for it. Annotate every parameter.',
  },
  {
    id: 'string-unconstrained',
    severity: 'warning',
    category: 'schema',
    title: 'Free-text string without a length limit',
    rationale:
      'The guide bounds text inputs (Field(min_length=1, max_length=200)): a limit documents what is sensible and stops a huge or empty input before it reaches your code.',
  },
  {
    id: 'number-unconstrained',
    severity: 'warning',
    category: 'schema',
    title: 'Count or size without bounds',
    rationale:
      'Counts, limits, sizes and durations have natural ranges (the guide: max_results with ge=1, le=100). Declaring them rejects 0, negative and absurd values with a clear tool error.',
  },
  {
    id: 'object-free-form',
    severity: 'warning',
    category: 'schema',
    title: 'Free-form object parameter',
    rationale:
      'A dict/object parameter with no declared properties gives the model no idea what to send and your code no validation. Use a model (pydantic BaseModel, zod object) with named fields.',
  },
  {
    id: 'tool-catch-all',
    severity: 'warning',
    category: 'schema',
    title: 'Catch-all tool',
    rationale:
      'Single responsibility: the guide warns against do_everything(data: dict). One tool per action, each with its own typed inputs, is easier for a model to use and for you to test.',
  },
  {
    id: 'naming-inconsistent',
    severity: 'warning',
    category: 'naming',
    title: 'Mixed naming styles',
    rationale:
      'Tool and parameter names in one server should follow one convention (snake_case is the MCP norm); mixed styles make names harder to guess and to remember.',
  },
  {
    id: 'schema-huge',
    severity: 'warning',
    category: 'schema',
    title: 'Very large input schema',
    rationale:
      'Every tool schema is sent to the model on each turn. A huge schema costs context and attention; split the tool or simplify its input.',
  },
  {
    id: 'prompt-description-missing',
    severity: 'warning',
    category: 'description',
    title: 'Prompt or prompt argument without a description',
    rationale: 'Users pick prompts from a list and fill their arguments by hand: the description is the only help they get.',
  },
  {
    id: 'resource-description-missing',
    severity: 'info',
    category: 'description',
    title: 'Resource without a title or description',
    rationale:
      'Resources are chosen by people and models from a list: a title or a description says what the data is before anyone reads it.',
  },
  // ─── from the protocol ───
  {
    id: 'stdout-pollution',
    severity: 'error',
    category: 'protocol',
    title: 'Non-protocol output on stdout',
    rationale:
      'Over stdio, stdout carries JSON-RPC only. One print() corrupts the stream for clients that are less forgiving than MCP Lab: log to stderr.',
  },
  {
    id: 'unknown-method',
    severity: 'error',
    category: 'protocol',
    title: 'Unknown method not answered with -32601',
    rationale:
      'JSON-RPC requires "Method not found" (-32601) for a method a server does not implement; clients rely on it to detect optional features.',
  },
  {
    id: 'ping-unanswered',
    severity: 'error',
    category: 'protocol',
    title: 'Ping not answered',
    rationale:
      'MCP requires every peer to answer ping promptly with an empty result; clients use it to tell a busy server from a dead one.',
  },
  {
    id: 'cancellation-ignored',
    severity: 'warning',
    category: 'protocol',
    title: 'Cancellation ignored',
    rationale:
      'When a client cancels, the server should stop the work and send no result (MCP cancellation). A tool that keeps going wastes resources and often means it blocks the event loop.',
  },
  {
    id: 'dns-rebinding-unprotected',
    severity: 'error',
    category: 'protocol',
    title: 'HTTP server accepts a foreign Host or Origin',
    rationale:
      'Through DNS rebinding, any web page a user opens can send requests to a server on localhost or the local network with the page’s own Host and Origin. The MCP transport specification requires servers to validate Origin (and local servers to bind to 127.0.0.1): refuse what is not yours with 403, or the page can call your tools.',
  },
  // ─── from the source ───
  {
    id: 'missing-docstring',
    severity: 'warning',
    category: 'source',
    title: 'Tool function without a docstring',
    rationale: 'The guide gives every tool a docstring: FastMCP uses it as the tool description, and readers of the code need it too.',
  },
  {
    id: 'missing-annotation',
    severity: 'warning',
    category: 'source',
    title: 'Tool function without type annotations',
    rationale:
      'FastMCP builds the input schema from the annotations: an unannotated parameter is untyped and unvalidated (quality checklist: "parameter missing type annotation").',
  },
  {
    id: 'dangerous-call',
    severity: 'error',
    category: 'source',
    title: 'eval, exec or a shell command',
    rationale:
      "The guide's security checks flag eval/exec and os.system: with model-chosen input they run arbitrary code. Parse input, call programs without a shell, pass arguments as a list.",
  },
  {
    id: 'blocking-in-async',
    severity: 'error',
    category: 'source',
    title: 'Blocking call inside async code',
    rationale:
      'A blocking call (time.sleep, requests, a *Sync call) inside an async function stalls the event loop: every other request, ping and cancellation waits. Use the async equivalent (asyncio.sleep, httpx.AsyncClient).',
  },
  {
    id: 'hardcoded-secret',
    severity: 'error',
    category: 'source',
    title: 'Secret in the source',
    rationale:
      'Keys and tokens in code end up in git and in every copy of the server. The guide reads them from the environment (Field(..., env="API_KEY")).',
  },
  {
    id: 'print-to-stdout',
    severity: 'error',
    category: 'source',
    title: 'Printing to stdout in a stdio server',
    rationale:
      'print() and console.log write to stdout, which carries the protocol over stdio. Log to stderr (logging, print(..., file=sys.stderr), console.error).',
  },
];

export const RULES_BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));
