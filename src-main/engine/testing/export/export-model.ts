import type { Assertion, Suite, TestCase } from '../../../../src-shared/api/schemas/testing';
import type { ServerImport } from './server-import';

/** The first words of every exported file: how the exporter knows a file it may replace. */
export const EXPORT_MARKER = 'Exported by MCP Lab';

export const EXPORT_FORMATS = ['pytest', 'vitest'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a writer needs: the suite, its stored snapshots, and how to reach the server object. */
export interface ExportInput {
  suite: Suite;
  suiteName: string;
  /** The suite file as the header names it (relative to the exported file's folder when it can be). */
  suiteFile: string;
  /** The command that writes this file again. */
  reexport: string;
  serverImport: ServerImport;
  snapshot(key: string): unknown;
}

export interface ExportOutput {
  text: string;
  /** What did not translate (said on stderr and in the app, and as a comment in the file). */
  warnings: string[];
}

export type Status = 'ok' | 'toolError' | 'protocolError' | 'timeout' | 'crashed';

/** How a case's call is expected to end, from its status assertions. */
export type Expected =
  | { kind: 'answer'; isError: boolean | undefined } // returns; isError undefined = either
  | { kind: 'protocolError'; code: number | undefined }
  | { kind: 'unsupported'; why: string };

export function expectedEnd(c: TestCase): Expected {
  const statuses = c.expect.filter((a): a is Extract<Assertion, { status: unknown }> => 'status' in a);
  if (statuses.length === 0) return { kind: 'answer', isError: undefined };
  // Several status assertions all must hold: their intersection.
  let allowed = new Set<Status>(['ok', 'toolError', 'protocolError', 'timeout', 'crashed']);
  let code: number | undefined;
  for (const s of statuses) {
    const list: Status[] = Array.isArray(s.status) ? s.status : [s.status];
    allowed = new Set([...allowed].filter((x) => list.includes(x)));
    code = s.code ?? code;
  }
  if (allowed.has('timeout') || allowed.has('crashed')) {
    return {
      kind: 'unsupported',
      why: `expects status ${[...allowed].join(' or ')}: an in-memory client has no timeout or crash to observe`,
    };
  }
  if (allowed.has('protocolError')) {
    if (allowed.size > 1)
      return {
        kind: 'unsupported',
        why: `expects status ${[...allowed].join(' or ')}: a protocol error and an answer cannot be checked by one call`,
      };
    return { kind: 'protocolError', code };
  }
  if (c.tool === undefined && allowed.has('toolError') && !allowed.has('ok'))
    return { kind: 'unsupported', why: 'expects a tool error from a resource or prompt' };
  return { kind: 'answer', isError: allowed.size === 2 ? undefined : allowed.has('toolError') };
}

/** What the header says about the file. */
export function headerLines(input: ExportInput, runner: string): string[] {
  return [
    `${EXPORT_MARKER} from ${input.suiteFile} (suite "${input.suiteName.replace(/[\r\n]+/g, ' ')}").`,
    `Runs with ${runner} alone; MCP Lab is not needed. Export again rather than editing:`,
    `  ${input.reexport}`,
  ];
}

/** A short description of an assertion for the comments of what could not be exported. */
export function requestOf(c: TestCase | Suite['setup'][number]): string {
  return c.tool !== undefined ? `tool ${c.tool}` : c.resource !== undefined ? `resource ${c.resource}` : `prompt ${c.prompt}`;
}
