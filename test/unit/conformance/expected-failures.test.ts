import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';

const FILE = 'test/conformance/expected-failures.json';

interface Entry {
  scenario: string;
  why: string;
}

function entries(text: string): Entry[] {
  return (JSON.parse(text) as { client?: Entry[] }).client ?? [];
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** Every committed version of the list, oldest first, then the one on disk. */
function versions(): { label: string; names: string[] }[] {
  const out: { label: string; names: string[] }[] = [];
  let commits: string[] = [];
  try {
    commits = git(['log', '--format=%H', '--', FILE]).split('\n').filter(Boolean).reverse();
  } catch {
    // Not a git checkout (a source tarball): only the file on disk can be checked.
  }
  for (const c of commits) {
    let text: string;
    try {
      text = git(['show', `${c}:${FILE}`]);
    } catch {
      continue; // the commit deleted or renamed it
    }
    out.push({ label: `commit ${c.slice(0, 10)}`, names: entries(text).map((e) => e.scenario) });
  }
  out.push({ label: 'the working tree', names: entries(readFileSync(path.join(REPO_ROOT, FILE), 'utf8')).map((e) => e.scenario) });
  return out;
}

describe('the conformance suite expected-failures list', () => {
  it('only ever shrinks: no version names a scenario the version before it did not', () => {
    const all = versions();
    for (let i = 1; i < all.length; i++) {
      const added = all[i]!.names.filter((n) => !all[i - 1]!.names.includes(n));
      expect(added, `${all[i]!.label} adds to the list of ${all[i - 1]!.label}: fix the scenario instead`).toEqual([]);
    }
  });

  it('says why each scenario fails, once per scenario', () => {
    const list = entries(readFileSync(path.join(REPO_ROOT, FILE), 'utf8'));
    for (const e of list) expect(e.why.trim(), e.scenario).not.toBe('');
    expect(new Set(list.map((e) => e.scenario)).size).toBe(list.length);
  });
});
