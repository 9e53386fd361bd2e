import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';

const SOURCE = `from fastmcp import FastMCP

mcp = FastMCP("outside")


@mcp.tool
def greet(name: str) -> str:
    """Say hello."""
    return f"Hello, {name}!"


if __name__ == "__main__":
    mcp.run()
`;

let outside: string;
let h: Harness | undefined;

beforeEach(async () => {
  outside = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-outside-'));
  await writeFile(path.join(outside, 'server.py'), SOURCE);
});
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  await rm(outside, { recursive: true, force: true });
});

const tool = { name: 'shout', description: 'Say it loudly.', params: [], output: { kind: 'text' as const }, annotations: {} };

async function addOutsideServer(harness: Harness, cwd: string): Promise<string> {
  const s = await harness.api.call('servers.add', {
    name: 'Outsider',
    transport: 'stdio',
    command: 'python3',
    args: ['server.py'],
    cwd,
    env: [],
    source: { language: 'python', file: 'server.py' },
  });
  return s.config.id;
}

describe('the tool builder stays inside the workspace and the allowed folders', () => {
  it('refuses to read, plan or write a source whose folder lies outside, and leaves the file alone', async () => {
    h = await startHarness();
    const serverId = await addOutsideServer(h, outside);
    const refused = /tool builder edits files inside the workspace only.*outside/;
    await expect(h.api.call('toolBuilder.read', { serverId })).rejects.toThrow(refused);
    await expect(h.api.call('toolBuilder.plan', { serverId, tool })).rejects.toThrow(refused);
    await expect(
      h.api.call('toolBuilder.apply', { serverId, content: 'import os\n', baseVersion: { mtimeMs: 0, size: 0, hash: 'x' } }),
    ).rejects.toThrow(refused);
    expect(await readFile(path.join(outside, 'server.py'), 'utf8')).toBe(SOURCE);
  });

  it('refuses a folder inside the workspace that is a symlink to one outside', async () => {
    h = await startHarness();
    await mkdir(h.workspaceDir, { recursive: true });
    await symlink(outside, path.join(h.workspaceDir, 'linked'));
    const serverId = await addOutsideServer(h, 'linked');
    await expect(h.api.call('toolBuilder.read', { serverId })).rejects.toThrow(/outside/);
  });

  it('reads a source in a folder allowed with --allow-root', async () => {
    h = await startHarness({ allowedRoots: [outside] });
    const serverId = await addOutsideServer(h, outside);
    const read = await h.api.call('toolBuilder.read', { serverId });
    expect(read, JSON.stringify(read)).toMatchObject({ tools: [{ model: { name: 'greet' } }] });
  });
});
