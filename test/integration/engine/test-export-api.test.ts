/**
 * `tests.export` as the app calls it: the suggested file beside the project's tests, written only
 * when asked and only inside the workspace, never over a file the export did not write.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  const project = path.join(h.workspaceDir, 'shop');
  await mkdir(project, { recursive: true });
  await writeFile(path.join(project, 'server.py'), 'from fastmcp import FastMCP\n\nmcp = FastMCP("Shop")\n');
  await h.api.call('servers.add', { name: 'Shop', transport: 'stdio', command: 'python3', args: ['server.py'], cwd: 'shop' });
  const tests = path.join(h.workspaceDir, '.mcp-lab', 'tests');
  await mkdir(tests, { recursive: true });
  const id = (await h.api.call('servers.list', {}))[0]!.config.id;
  await writeFile(
    path.join(tests, 'shop.test.json'),
    JSON.stringify({ server: id, cases: [{ name: 'greets', tool: 'greet', arguments: { name: 'A' }, expect: [{ textContains: 'A' }] }] }),
  );
});
afterEach(() => h.dispose());

it("previews without writing, beside the project's tests; writes when asked", async () => {
  const preview = await h.api.call('tests.export', { suiteId: 'shop.test.json', format: 'pytest' });
  expect(preview).toMatchObject({ out: 'shop/tests/test_mcp_lab_shop.py', fileName: 'test_mcp_lab_shop.py', written: false, warnings: [] });
  expect(preview.text).toContain('sys.path.insert(0, str((Path(__file__).resolve().parent / "..").resolve()))\nfrom server import mcp');
  expect(existsSync(path.join(h.workspaceDir, preview.out))).toBe(false);
  const written = await h.api.call('tests.export', { suiteId: 'shop.test.json', format: 'pytest', write: true });
  expect(written.written).toBe(true);
  expect(await readFile(path.join(h.workspaceDir, 'shop/tests/test_mcp_lab_shop.py'), 'utf8')).toBe(preview.text);
});

it('refuses a file outside the workspace, a suite outside the tests folder, and a file the export did not write', async () => {
  await expect(
    h.api.call('tests.export', { suiteId: 'shop.test.json', format: 'pytest', out: '../outside.py', write: true }),
  ).rejects.toMatchObject({ code: 'InvalidParams' });
  expect(existsSync(path.join(h.workspaceDir, '..', 'outside.py'))).toBe(false);
  await expect(h.api.call('tests.export', { suiteId: '../../mcp-lab.json', format: 'pytest' })).rejects.toMatchObject({
    code: 'InvalidParams',
  });
  await writeFile(path.join(h.workspaceDir, 'shop', 'mine.py'), 'mine\n');
  await expect(
    h.api.call('tests.export', { suiteId: 'shop.test.json', format: 'pytest', out: 'shop/mine.py', write: true }),
  ).rejects.toMatchObject({
    code: 'Conflict',
    message: expect.stringMatching(/mine\.py exists and was not written by MCP Lab's export/),
  });
  expect(await readFile(path.join(h.workspaceDir, 'shop', 'mine.py'), 'utf8')).toBe('mine\n');
});
