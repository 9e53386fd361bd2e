import { useMemo } from 'react';
import type { MethodParams, MethodResult } from '../../../src-shared/api/contract';
import type { CompletionRef } from '../../../src-shared/api/schemas/completion';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { requestProblem } from '../../components/request-problem';
import type { CompletionFetch } from './completion-controller';

/** Whether the server said it answers `completion/complete`. */
export function offersCompletions(server: ServerSummary): boolean {
  return server.status.state === 'ready' && !!server.info?.capabilities.completions;
}

/**
 * Suggestions for one argument of a prompt or variable of a template. The other values already
 * filled in go along as `context.arguments`, so a server can narrow by them.
 */
export function completionSource(
  complete: (req: MethodParams<'completion.complete'>) => Promise<MethodResult<'completion.complete'>>,
  serverId: string,
  ref: CompletionRef,
  name: string,
  others: Record<string, string>,
): CompletionFetch {
  const filled = Object.fromEntries(Object.entries(others).filter(([k, v]) => k !== name && v !== ''));
  return async (value) => {
    const o = await complete({
      serverId,
      ref,
      argument: { name, value },
      ...(Object.keys(filled).length ? { context: { arguments: filled } } : {}),
    });
    return o.status === 'ok' ? o.result : { error: requestProblem(o) ?? o.status };
  };
}

/** A stable source per (server, ref, argument, other values); null when the server offers no completions. */
export function useCompletionSource(
  server: ServerSummary,
  ref: CompletionRef,
  name: string,
  values: Record<string, string>,
): CompletionFetch | null {
  const { complete } = useActions();
  const enabled = offersCompletions(server);
  const serverId = server.config.id;
  const refType = ref.type;
  const target = ref.type === 'ref/prompt' ? ref.name : ref.uri;
  const othersKey = JSON.stringify(
    Object.entries(values)
      .filter(([k, v]) => k !== name && v !== '')
      .sort(),
  );
  return useMemo(() => {
    if (!enabled) return null;
    const stableRef: CompletionRef = refType === 'ref/prompt' ? { type: refType, name: target } : { type: 'ref/resource', uri: target };
    return completionSource(complete, serverId, stableRef, name, Object.fromEntries(JSON.parse(othersKey) as [string, string][]));
  }, [enabled, complete, serverId, refType, target, name, othersKey]);
}
