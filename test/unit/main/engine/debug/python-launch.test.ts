import { describe, expect, it } from 'vitest';
import { DebugLaunchError, debugpyCommand, isPythonCommand } from '../../../../../src-main/engine/debug/python-launch';

const LISTEN = ['-m', 'debugpy', '--listen', '127.0.0.1:5678', '--wait-for-client'];
const wrap = (command: string, ...args: string[]) => debugpyCommand({ command, args }, 5678);

describe('debugpyCommand', () => {
  it('puts debugpy between the interpreter (and its options) and the script or module, on 127.0.0.1 only', () => {
    expect(wrap('.venv/bin/python', 'server.py', '--flag')).toEqual({
      command: '.venv/bin/python',
      args: [...LISTEN, 'server.py', '--flag'],
    });
    expect(wrap('python3.12', '-u', '-X', 'dev', 'server.py')).toEqual({
      command: 'python3.12',
      args: ['-u', '-X', 'dev', ...LISTEN, 'server.py'],
    });
    expect(wrap('python', '-m', 'my_server')).toEqual({ command: 'python', args: [...LISTEN, '-m', 'my_server'] });
  });

  it('understands uv run with a script or with python', () => {
    expect(wrap('uv', 'run', 'server.py')).toEqual({ command: 'uv', args: ['run', 'python', ...LISTEN, 'server.py'] });
    expect(wrap('uv', 'run', '--with', 'fastmcp', 'python', 'server.py')).toEqual({
      command: 'uv',
      args: ['run', '--with', 'fastmcp', 'python', ...LISTEN, 'server.py'],
    });
  });

  it('refuses what it cannot wrap, saying what to do', () => {
    expect(() => wrap('fastmcp', 'run', 'server.py')).toThrow(DebugLaunchError);
    expect(() => wrap('python', '-c', 'print(1)')).toThrow(/"python -c" server/);
    expect(() => wrap('uv', 'run', 'my-entry-point')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('uv run server.py') }),
    );
  });

  it('tells Python commands from others', () => {
    expect(isPythonCommand({ command: '.venv/bin/python', args: ['server.py'] })).toBe(true);
    expect(isPythonCommand({ command: 'node', args: ['--import', 'tsx', 'src/main.ts'] })).toBe(false);
  });
});
