import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SuiteStore } from '../../../../../src-main/engine/testing/suite-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'suite-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SuiteStore', () => {
  it("creates a suite for a workspace server, then appends to it keeping a person's comments", async () => {
    const store = new SuiteStore(dir);
    const created = await store.saveCase({
      newSuite: { name: 'Greeting', serverId: 'example' },
      case: { name: 'first', tool: 'greet', arguments: { name: 'Ada' }, expect: [{ status: 'ok' }] },
    });
    expect(created.id).toBe('greeting.test.json');
    const file = path.join(dir, '.mcp-lab/tests/greeting.test.json');
    // Someone adds a comment by hand and commits it.
    const text = (await readFile(file, 'utf8')).replace('"cases": [', '// reviewed by Grace\n  "cases": [');
    await writeFile(file, text);
    const after = await store.saveCase({
      suiteId: created.id,
      case: { name: 'second', tool: 'greet', arguments: { name: 'Bob' }, expect: [] },
    });
    expect(after.cases.map((c) => c.name)).toEqual(['first', 'second']);
    expect(await readFile(file, 'utf8')).toContain('// reviewed by Grace');
    const replaced = await store.saveCase({
      suiteId: created.id,
      caseIndex: 0,
      case: { name: 'first, edited', tool: 'greet', expect: [] },
    });
    expect(replaced.cases.map((c) => c.name)).toEqual(['first, edited', 'second']);
    const deleted = await store.deleteCase(created.id, 0);
    expect(deleted.cases.map((c) => c.name)).toEqual(['second']);
    const second = await store.saveCase({
      newSuite: { name: 'Greeting', serverId: 'example' },
      case: { name: 'x', tool: 'greet', expect: [] },
    });
    expect(second.id).toBe('greeting-2.test.json');
  });

  it('lists every suite and the problems of the broken ones; suite ids cannot leave the tests folder', async () => {
    const tests = path.join(dir, '.mcp-lab/tests');
    await mkdir(path.join(tests, 'nested'), { recursive: true });
    await writeFile(path.join(tests, 'ok.test.json'), '{"server": "a", "cases": [{"name": "x", "tool": "t"}]}');
    await writeFile(path.join(tests, 'nested', 'deep.test.jsonc'), '{"server": "a", "cases": []}');
    await writeFile(path.join(tests, 'broken.test.json'), '{"server": "a", "cases": [');
    const list = await new SuiteStore(dir).list();
    expect(list.suites.map((s) => s.id).sort()).toEqual(['nested/deep.test.jsonc', 'ok.test.json']);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]!.file).toContain('broken.test.json');
    await expect(
      new SuiteStore(dir).saveCase({ suiteId: '../../evil.test.json', case: { name: 'x', tool: 't', expect: [] } }),
    ).rejects.toThrow('is not a suite file');
  });
});
