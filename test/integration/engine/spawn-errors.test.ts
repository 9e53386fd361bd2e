import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAndStart, startHarness, waitForLog, type Harness } from '../../helpers/harness';
import type { ServerStatus } from '../../../src-shared/api/schemas/server';

let h: Harness;
let tmp: string;
beforeEach(async () => {
  h = await startHarness();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-spawn-'));
});
afterEach(async () => {
  await h.dispose();
  await rm(tmp, { recursive: true, force: true });
});

function failed(s: ServerStatus): Extract<ServerStatus, { state: 'failed' }> {
  expect(s.state).toBe('failed');
  return s as Extract<ServerStatus, { state: 'failed' }>;
}

describe('spawn errors a person can act on', () => {
  it('names the command and the PATH it searched when the command does not exist', async () => {
    const searched = `${path.join(tmp, 'bin-a')}:${path.join(tmp, 'bin-b')}`;
    const s = await addAndStart(h, {
      name: 'missing',
      transport: 'stdio',
      command: 'mcp-lab-no-such-command',
      env: [{ key: 'PATH', value: searched }],
    });
    const st = failed(s.status);
    expect(st.kind).toBe('commandNotFound');
    expect(st.message).toContain('mcp-lab-no-such-command');
    expect(st.message).toContain(searched);
    expect(st.hint).toBeTruthy();
  });

  it('searches the base PATH (MCP Lab’s own) when the server sets none', async () => {
    const s = await addAndStart(h, { name: 'missing', transport: 'stdio', command: 'mcp-lab-no-such-command' });
    const st = failed(s.status);
    expect(st.kind).toBe('commandNotFound');
    expect(st.message).toContain(process.env.PATH!);
  });

  it('reports a file without the execute bit as not executable, with a chmod hint', async () => {
    const script = path.join(tmp, 'server.sh');
    await writeFile(script, '#!/bin/sh\necho hi\n');
    await chmod(script, 0o644);
    const s = await addAndStart(h, { name: 'noexec', transport: 'stdio', command: script });
    const st = failed(s.status);
    expect(st.kind).toBe('notExecutable');
    expect(st.message).toContain(script);
    expect(st.hint).toContain(`chmod +x ${script}`);
  });

  it('reports a missing working directory as such, not as a missing command', async () => {
    const cwd = path.join(tmp, 'does', 'not', 'exist');
    const s = await addAndStart(h, { name: 'nocwd', transport: 'stdio', command: process.execPath, args: ['-e', '0'], cwd });
    const st = failed(s.status);
    expect(st.kind).toBe('cwdMissing');
    expect(st.message).toContain(cwd);
  });

  it('keeps the failure in the log as a lifecycle entry', async () => {
    const s = await addAndStart(h, { name: 'missing', transport: 'stdio', command: 'mcp-lab-no-such-command' });
    const entries = await waitForLog(h, s.config.id, (e) => e.source === 'lifecycle' && e.level === 'error');
    expect(entries.at(-1)!.text).toContain('failed to start');
    expect(entries.at(-1)!.text).toContain('mcp-lab-no-such-command');
  });
});
