import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SURFACE_FORMAT, ServerSurfaceSchema, type ServerSurface, type SurfaceChange } from '../../../../src-shared/api/schemas/surface';
import { countOf } from '../../../../src-shared/base/count-of';
import { surfaceText } from '../../../../src-shared/surface/build-surface';
import { compareSurfaces, hasBreaking } from '../../../../src-shared/surface/compare-surfaces';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';
import type { CommandIo } from './request-command';

export interface SurfaceOptions extends AdhocOptions {
  json: boolean;
  save?: string | undefined;
  check?: string | undefined;
}

/** What a file holds: nothing, a snapshot, or something else (which is never overwritten). */
type FileState = { kind: 'missing' } | { kind: 'snapshot'; surface: ServerSurface } | { kind: 'other'; why: string };

function readSnapshot(file: string): FileState {
  let text: string;
  try {
    if (statSync(file).isDirectory()) return { kind: 'other', why: 'it is a folder' };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'other', why: (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'other', why: 'it is not JSON' };
  }
  const parsed = ServerSurfaceSchema.safeParse(json);
  if (parsed.success) return { kind: 'snapshot', surface: parsed.data };
  const marked = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === SURFACE_FORMAT;
  const issue = parsed.error.issues[0];
  return {
    kind: 'other',
    why: marked
      ? `it is a surface snapshot this MCP Lab cannot read (${issue?.path.join('.') || 'top'}: ${issue?.message})`
      : `it has no "format": "${SURFACE_FORMAT}"`,
  };
}

function parts(s: ServerSurface): string {
  return [
    countOf(s.tools.length, 'tool'),
    countOf(s.resources.length, 'resource'),
    countOf(s.resourceTemplates.length, 'template'),
    countOf(s.prompts.length, 'prompt'),
  ].join(', ');
}

function changeLine(c: SurfaceChange): string {
  return `  ${c.kind} ${c.name}${c.at ? `  ${c.at}` : ''}: ${c.message}`;
}

/**
 * `mcp-lab surface -- <command>`: the server's surface (tools with their schemas, resources,
 * templates, prompts, capabilities) as a snapshot; `--save FILE` writes it, `--check FILE`
 * compares the server with it and exits 1 when a change can break a client.
 */
export async function surfaceCommand(o: SurfaceOptions, io: CommandIo): Promise<number> {
  if (o.save !== undefined && o.check !== undefined)
    throw new CliError(
      '--save and --check go one at a time: check first, then save the new surface once its changes are accepted',
      EXIT.usage,
    );
  // Files are looked at before the server starts: a wrong path is a usage error, not a wasted start.
  const file = o.save ?? o.check;
  const state = file === undefined ? undefined : readSnapshot(path.resolve(file));
  if (o.check !== undefined && state?.kind === 'missing')
    throw new CliError(
      `--check ${o.check}: there is no such file; write one first with: mcp-lab surface --save ${o.check} -- <command>`,
      EXIT.usage,
    );
  if (state?.kind === 'other') {
    const what =
      o.save !== undefined
        ? `--save ${o.save}: the file exists and is not a surface snapshot (${state.why}); MCP Lab does not overwrite it: choose another file, or remove this one`
        : `--check ${o.check}: not a surface snapshot (${state.why}); write one with --save`;
    throw new CliError(what, EXIT.usage);
  }

  const s = await startAdhocServer(o, io.signal);
  try {
    const surface = await s.api.call('surface.get', { serverId: s.serverId });
    if (o.save !== undefined) return await save(o.save, surface, state, o.json, io);
    if (o.check !== undefined && state?.kind === 'snapshot') return check(o.check, state.surface, surface, o.json, io);
    if (o.json) io.report.set(EXIT.ok, { surface });
    else io.out.write(surfaceText(surface));
    return EXIT.ok;
  } finally {
    await s.dispose();
  }
}

async function save(file: string, surface: ServerSurface, state: FileState | undefined, json: boolean, io: CommandIo): Promise<number> {
  const text = surfaceText(surface);
  const before = state?.kind === 'snapshot' ? state.surface : undefined;
  const unchanged = before !== undefined && surfaceText(before) === text;
  if (!unchanged) {
    // A snapshot people keep in git: the whole file or the old one, never a truncated one.
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(path.resolve(file), text, { encoding: 'utf8', fsync: true });
  }
  const changes = before ? compareSurfaces(before, surface) : [];
  if (json) io.report.set(EXIT.ok, { savedTo: path.resolve(file), written: !unchanged, replaced: before !== undefined, changes, surface });
  else {
    const what = unchanged ? 'unchanged' : before ? `updated (${countOf(changes.length, 'change')} since the last save)` : 'written';
    io.out.write(`${file}: ${what} — ${surface.server.name} ${surface.server.version}, ${parts(surface)}\n`);
  }
  return EXIT.ok;
}

function check(file: string, saved: ServerSurface, now: ServerSurface, json: boolean, io: CommandIo): number {
  const changes = compareSurfaces(saved, now);
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const compatible = changes.filter((c) => c.severity === 'compatible');
  const code = hasBreaking(changes) ? EXIT.toolError : EXIT.ok;
  const reason = breaking.length
    ? `${countOf(breaking.length, 'breaking change')} since ${file}: ${breaking.map((c) => changeLine(c).trim()).join('; ')}`
    : undefined;
  if (json) {
    io.report.set(
      code,
      { against: path.resolve(file), breaking: breaking.length, compatible: compatible.length, changes, surface: now },
      reason,
    );
    return code;
  }
  const head = `${now.server.name} ${now.server.version} against ${file} (${saved.server.name} ${saved.server.version})`;
  if (!changes.length) {
    io.out.write(`${head}: no changes\n`);
    return code;
  }
  io.out.write(`${head}: ${countOf(breaking.length, 'breaking change')}, ${countOf(compatible.length, 'compatible change')}\n`);
  if (breaking.length) io.out.write(`\nBreaking\n${breaking.map(changeLine).join('\n')}\n`);
  if (compatible.length) io.out.write(`\nCompatible\n${compatible.map(changeLine).join('\n')}\n`);
  if (breaking.length) io.err.write(`mcp-lab: ${countOf(breaking.length, 'breaking change')} since ${file}\n`);
  return code;
}
