import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { DebugState, DebugVariable, FileBreakpoints, StackFrameInfo } from '../../../src-shared/api/schemas/debug';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { CliError, EXIT } from './exit-codes';

/** One stop at a breakpoint as `call --break` reports it. */
export interface BreakStop {
  reason: string;
  location: StackFrameInfo['location'];
  function: string | undefined;
  locals: DebugVariable[];
}

/**
 * `--break FILE:LINE` (repeatable) as breakpoints by file. FILE is taken relative to this shell's
 * folder, else to the workspace's; it must exist (a typo would otherwise never stop).
 */
export function parseBreaks(specs: string[], workspace: string | undefined): FileBreakpoints[] {
  const byFile = new Map<string, number[]>();
  for (const spec of specs) {
    const m = /^(.+):(\d+)$/.exec(spec);
    if (!m || Number(m[2]) < 1) throw new CliError(`--break expects FILE:LINE, e.g. --break server.py:42, got "${spec}"`, EXIT.usage);
    const candidates = [path.resolve(m[1]!), ...(workspace !== undefined ? [path.resolve(workspace, m[1]!)] : [])];
    const file = candidates.find((f) => existsSync(f));
    if (!file) throw new CliError(`--break ${spec}: there is no file ${candidates.join(' or ')}`, EXIT.usage);
    byFile.set(file, [...(byFile.get(file) ?? []), Number(m[2])]);
  }
  return [...byFile].map(([p, lines]) => ({ path: p, breakpoints: lines.map((line) => ({ line })) }));
}

/** Start the server, under the debugger with these breakpoints when there are any. */
export async function startMaybeDebugged(
  api: ApiClient,
  serverId: string,
  breakpoints: FileBreakpoints[] | undefined,
): Promise<ServerSummary> {
  if (!breakpoints?.length) return api.call('servers.start', { serverId });
  for (const fb of breakpoints) await api.call('debug.setBreakpoints', fb);
  return api.call('debug.start', { serverId });
}

/**
 * While `work` runs, report every stop (where, and the top frame's locals) and let the program go
 * on, so the call still completes. Resolves with the stops once `work` settled and the last stop
 * was reported.
 */
export async function reportStops<T>(
  api: ApiClient,
  serverId: string,
  work: () => Promise<T>,
  onStop: (s: BreakStop) => void,
): Promise<{ value: T; stops: BreakStop[] }> {
  const stops: BreakStop[] = [];
  let chain = Promise.resolve();
  let lastSince: number | undefined;
  const sub = api.subscribe('debug.changed', { serverId }, (s: DebugState) => {
    if (s.state !== 'paused' || !s.paused || s.paused.since === lastSince) return;
    lastSince = s.paused.since;
    const reason = s.paused.reason;
    chain = chain.then(async () => {
      const stop = await describeStop(api, serverId, reason).catch((e: unknown) => ({
        reason,
        location: s.paused?.location,
        function: undefined,
        locals: [],
        error: String(e),
      }));
      stops.push(stop);
      onStop(stop);
      await api.call('debug.step', { serverId, action: 'continue' }).catch(() => undefined);
    });
  });
  try {
    const value = await work();
    await chain;
    return { value, stops };
  } finally {
    sub.dispose();
  }
}

async function describeStop(api: ApiClient, serverId: string, reason: string): Promise<BreakStop> {
  const [top] = await api.call('debug.stackTrace', { serverId });
  if (!top) return { reason, location: undefined, function: undefined, locals: [] };
  const scopes = await api.call('debug.scopes', { serverId, frameId: top.id });
  const locals = scopes.find((s) => /^locals$/i.test(s.name)) ?? scopes[0];
  return {
    reason,
    location: top.location,
    function: top.name,
    locals: locals ? await api.call('debug.variables', { serverId, variablesReference: locals.variablesReference }) : [],
  };
}

export function formatStop(s: BreakStop): string {
  const where = s.location ? `${s.location.relPath ?? s.location.path}:${s.location.line}` : '(unknown place)';
  const lines = [`paused at ${where}${s.function ? ` in ${s.function}` : ''} (${s.reason})`];
  for (const v of s.locals) lines.push(`  ${v.name} = ${v.value}${v.type ? `  (${v.type})` : ''}`);
  if (!s.locals.length) lines.push('  (no local variables)');
  return lines.join('\n') + '\n';
}
