import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { BreakpointSpecSchema, type BreakpointSpec } from '../../../src-shared/api/schemas/debug';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';

const BreakpointFileSchema = z.object({
  mcpLabBreakpoints: z.literal(1),
  files: z.record(z.string(), z.array(BreakpointSpecSchema)),
});

/** The file of a workspace's breakpoints in the app-data folder (beside its history and surfaces, keyed the same way). */
export function breakpointFileFor(appDataDir: string, workspaceDir: string): string {
  const key = createHash('sha256').update(path.resolve(workspaceDir)).digest('hex').slice(0, 16);
  return path.join(appDataDir, 'breakpoints', `${key}.json`);
}

/**
 * A workspace's breakpoints across runs of MCP Lab: one JSON file, rewritten atomically. Each save
 * reads the file again and changes only the file whose breakpoints changed, so another window's
 * breakpoints in the same workspace are kept. A file that cannot be read is never written over:
 * the breakpoints are then kept in memory only, and `problem` says why.
 */
export class BreakpointStore {
  private chain: Promise<void> = Promise.resolve();
  problem: string | undefined;

  private constructor(
    private readonly file: string | undefined,
    readonly initial: ReadonlyMap<string, BreakpointSpec[]>,
  ) {}

  /** Undefined `file`: nothing is kept (a one-shot CLI run). */
  static async open(file: string | undefined): Promise<BreakpointStore> {
    if (!file) return new BreakpointStore(undefined, new Map());
    const read = await readBreakpointFile(file);
    const store = new BreakpointStore(file, new Map(Object.entries(read.files ?? {})));
    store.problem = read.problem;
    return store;
  }

  /** Keep one file's breakpoints (none: forget the file). */
  save(key: string, specs: BreakpointSpec[]): void {
    const file = this.file;
    if (!file) return;
    this.chain = this.chain.then(async () => {
      const read = await readBreakpointFile(file);
      if (read.problem) {
        this.problem = read.problem;
        return;
      }
      const files = { ...read.files };
      if (specs.length) files[key] = specs;
      else delete files[key];
      try {
        await writeFileAtomically(file, JSON.stringify({ mcpLabBreakpoints: 1, files }, null, 1) + '\n', 0o600);
      } catch (e) {
        this.problem = `cannot save the breakpoints to ${file}: ${e instanceof Error ? e.message : String(e)}`;
      }
    });
  }

  /** Resolves when every save asked for so far is on disk (or failed). */
  flushed(): Promise<void> {
    return this.chain;
  }
}

async function readBreakpointFile(file: string): Promise<{ files?: Record<string, BreakpointSpec[]>; problem?: string }> {
  let text: string | undefined;
  try {
    text = await readTextIfExists(file);
  } catch (e) {
    return { problem: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}; the breakpoints are kept in memory only` };
  }
  if (text === undefined) return { files: {} };
  let parsed: ReturnType<typeof BreakpointFileSchema.safeParse> | undefined;
  try {
    parsed = BreakpointFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success)
    return {
      problem: `${file} is not a breakpoint file MCP Lab can read; it is left as it is and the breakpoints are kept in memory only (move it away to keep them again)`,
    };
  return { files: parsed.data.files };
}
