import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import { CliError, EXIT } from './exit-codes';

/**
 * Sampling, elicitation and roots for unattended runs. A command line has nobody to ask, so a
 * capability is declared only when a flag says how to answer it; without flags the server sees
 * a client without them (and gets -32601 if it asks anyway).
 */
export interface ClientFeatureFlags {
  samplingReply?: string;
  elicit?: string;
  root?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function clientFeatureOptions(cmd: Command): Command {
  return cmd
    .option('--sampling-reply <text>', 'declare sampling and answer every sampling/createMessage with this text (model "mcp-lab")')
    .option('--elicit <answer>', "declare elicitation and answer every elicitation/create: accept:'<json>', accept, decline or cancel")
    .option('--root <dir>', 'declare roots and list this folder (repeatable)', collect, []);
}

function parseElicit(v: string): { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> } {
  if (v === 'decline' || v === 'cancel' || v === 'accept') return { action: v };
  if (!v.startsWith('accept:')) throw new CliError(`--elicit expects accept:'<json>', accept, decline or cancel, got "${v}"`, EXIT.usage);
  const json = v.slice('accept:'.length);
  let content: unknown;
  try {
    content = JSON.parse(json);
  } catch (e) {
    throw new CliError(`--elicit accept:<json>: ${(e as Error).message} (e.g. --elicit 'accept:{"name": "Ada"}')`, EXIT.usage);
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new CliError(`--elicit accept:<json> takes a JSON object of form values, e.g. 'accept:{"name": "Ada"}'`, EXIT.usage);
  }
  return { action: 'accept', content: content as Record<string, unknown> };
}

function rootEntry(dir: string): { uri: string; name: string } {
  const abs = path.resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new CliError(`--root ${dir}: ${abs} is not a folder`, EXIT.usage);
  return { uri: pathToFileURL(abs).href, name: path.basename(abs) || abs };
}

export function clientFeaturesFromFlags(f: ClientFeatureFlags): ClientFeaturesInput {
  const roots = f.root ?? [];
  return {
    sampling: f.samplingReply === undefined ? { enabled: false } : { enabled: true, rules: [{ text: f.samplingReply }] },
    elicitation: f.elicit === undefined ? { enabled: false } : { enabled: true, rules: [parseElicit(f.elicit)] },
    roots: roots.length === 0 ? { enabled: false } : { enabled: true, folders: roots.map(rootEntry) },
  };
}
