import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';
import { templateWheelhouseEnv } from '../../helpers/template-wheelhouse';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-new-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('mcp-lab new fastmcp <folder> makes a working project; tools --workspace lists its tools; a second new refuses', async () => {
  const dir = path.join(root, 'weather');
  // The whole setup (venv, pip install -r requirements.txt, pytest), from local wheels of the requirements:
  // installing from the index is templates-fastmcp.test.ts's part.
  const made = await runCli(['new', 'fastmcp', dir, '--name', 'Weather'], {
    timeoutMs: 240_000,
    env: { MCP_LAB_HOME: path.join(root, 'home'), ...(await templateWheelhouseEnv()) },
  });
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  expect(made.stdout).toMatch(/✓ Install FastMCP/);
  expect(made.stdout).toMatch(/✓ Run the project's tests/);
  const tools = await runCli(['tools', '--workspace', dir], { env: { MCP_LAB_HOME: path.join(root, 'home') } });
  expect(tools.code).toBe(0);
  expect(tools.stdout).toMatch(/6 tools/);
  expect(tools.stdout).toMatch(/^greet\(name: string\)/m);
  // The template follows the guide the linter checks, and the SDK's own answers are not held against it.
  const lint = await runCli(['lint', '--workspace', dir], { env: { MCP_LAB_HOME: path.join(root, 'home') } });
  expect(lint.stdout).toMatch(/^no findings$/m);
  expect(lint.code).toBe(0);
  const again = await runCli(['new', 'typescript', dir]);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/is not empty .*Nothing was written/);
  const both = await runCli(['tools', '--workspace', dir, '--', 'node', 'x.js']);
  expect(both.code).toBe(2);
  expect(both.stderr).toMatch(/either --workspace or a command/);
}, 300_000);

it('a project fresh from mcp-lab new typescript passes mcp-lab lint', async () => {
  const dir = path.join(root, 'notes-ts');
  const env = { MCP_LAB_HOME: path.join(root, 'home') };
  const made = await runCli(['new', 'typescript', dir, '--no-setup'], { env });
  expect(made.code, made.stdout + made.stderr).toBe(0);
  // The project's node_modules is this repository's (the same SDK, zod and tsx): lint starts the server, it
  // does not judge the install, which templates-typescript.test.ts checks.
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const lint = await runCli(['lint', '--workspace', dir], { env });
  expect(lint.stdout).toMatch(/^no findings$/m);
  expect(lint.code).toBe(0);
}, 300_000);
