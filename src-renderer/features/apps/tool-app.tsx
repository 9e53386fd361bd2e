import type { CallToolResult } from '@modelcontextprotocol/client';
import { useMemo } from 'react';
import type { ToolCallOutcome, ToolInfo } from '../../../src-shared/api/schemas/tool';
import { AppPanel } from './app-panel';
import { appUriOf } from './app-meta';

/** The App a tool (or this call's result) links, shown beside the result; nothing when there is none. */
export function ToolApp({ serverId, tool, outcome }: { serverId: string; tool: ToolInfo; outcome: ToolCallOutcome }) {
  const result = outcome.status === 'ok' || outcome.status === 'toolError' ? (outcome.result as CallToolResult) : undefined;
  const uri = appUriOf(result?._meta) ?? appUriOf(tool._meta);
  const toolCall = useMemo(
    () => ({ tool, arguments: outcome.arguments, ...(result ? { result } : {}) }),
    [tool, outcome.arguments, result],
  );
  if (!uri) return null;
  // One App per call: a new call starts it afresh with that call's input and result.
  return <AppPanel key={outcome.callId} serverId={serverId} uri={uri} toolCall={toolCall} />;
}
