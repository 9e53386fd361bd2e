import { describeProtocol } from '../../../../src-shared/api/schemas/protocol';
import type { AdhocSession } from '../adhoc-server';
import { countOf } from '../../../../src-shared/base/count-of';

/** `<server> <version> — N things` and `protocol 2026-07-28 (stateless)`, the first lines of every listing. */
export function listingHeader(s: AdhocSession, count: number, noun: string): string {
  const info = s.summary.info;
  const protocol = info?.protocolVersion ? `\nprotocol ${describeProtocol(info)}` : '';
  return `${info?.name ?? 'server'} ${info?.version ?? ''} — ${countOf(count, noun)}${protocol}\n\n`;
}

/** One entry of a listing: its line, then the first line of its description, indented. */
export function describeEntry(line: string, description: string | undefined): string {
  const first = description?.trim().split('\n')[0];
  return first ? `${line}\n    ${first}` : line;
}
