import { describe, expect, it } from 'vitest';
import {
  INSPECT_FLAG,
  inspectorUrlFrom,
  isNodeCommand,
  nodeInspectCommand,
} from '../../../../../../src-main/engine/debug/node/node-launch';
import { InspectorSocket } from '../../../../../../src-main/engine/debug/node/inspector-socket';
import { condition } from '../../../../../../src-main/engine/debug/node/node-breakpoints';

const cmd = (command: string, ...args: string[]) => ({ command, args });

describe('nodeInspectCommand', () => {
  it('puts the inspector on node itself, keeping its loader (the TypeScript template runs node --import tsx)', () => {
    expect(nodeInspectCommand(cmd('node', '--import', 'tsx', 'src/main.ts'))).toEqual(
      cmd('node', INSPECT_FLAG, '--import', 'tsx', 'src/main.ts'),
    );
    expect(nodeInspectCommand(cmd('/usr/bin/node', 'build/index.js'))).toEqual(cmd('/usr/bin/node', INSPECT_FLAG, 'build/index.js'));
    expect(INSPECT_FLAG).toBe('--inspect-brk=127.0.0.1:0');
  });

  it('hands the flag to the node that tsx starts, also when npx runs tsx', () => {
    expect(nodeInspectCommand(cmd('tsx', 'src/main.ts'))).toEqual(cmd('tsx', INSPECT_FLAG, 'src/main.ts'));
    expect(nodeInspectCommand(cmd('npx', 'tsx', 'src/main.ts'))).toEqual(cmd('npx', 'tsx', INSPECT_FLAG, 'src/main.ts'));
    expect(nodeInspectCommand(cmd('npx', '-y', 'tsx', 'src/main.ts'))).toEqual(cmd('npx', '-y', 'tsx', INSPECT_FLAG, 'src/main.ts'));
  });

  it('refuses what would put the inspector on the wrong process, saying what to run instead', () => {
    expect(() => nodeInspectCommand(cmd('npm', 'start'))).toThrow(/cannot run "npm start" under the Node debugger/);
    expect(() => nodeInspectCommand(cmd('npx', '-y', '@modelcontextprotocol/server-everything'))).toThrow(/cannot tell which Node process/);
    expect(() => nodeInspectCommand(cmd('tsx', 'watch', 'src/main.ts'))).toThrow(/"tsx watch" restarts the program/);
    expect(() => nodeInspectCommand(cmd('node', '-e', 'console.log(1)'))).toThrow(/"node --eval" server/);
    expect(() => nodeInspectCommand(cmd('node', '--inspect=9229', 'a.js'))).toThrow(/already turns on Node's inspector/);
    expect(() => nodeInspectCommand(cmd('node', '--import', 'tsx'))).toThrow(/node is given no script/);
    try {
      nodeInspectCommand(cmd('npm', 'start'));
    } catch (e) {
      expect((e as { hint: string }).hint).toContain('node --import tsx src/main.ts');
    }
  });

  it('knows Node commands from others', () => {
    expect(isNodeCommand(cmd('node', 'a.js'))).toBe(true);
    expect(isNodeCommand(cmd('npx', 'tsx', 'a.ts'))).toBe(true);
    expect(isNodeCommand(cmd('docker', 'run', 'img'))).toBe(false);
  });
});

describe("the inspector's address", () => {
  it('is read from the line Node prints, on 127.0.0.1 only', () => {
    expect(inspectorUrlFrom('Debugger listening on ws://127.0.0.1:40123/0f6c8d2e-1b2a-4c3d-9e8f-0123456789ab')).toBe(
      'ws://127.0.0.1:40123/0f6c8d2e-1b2a-4c3d-9e8f-0123456789ab',
    );
    // A server may print anything on stderr: an address elsewhere is not taken.
    expect(inspectorUrlFrom('Debugger listening on ws://example.com:9229/abc')).toBeUndefined();
    expect(inspectorUrlFrom('Debugger listening on ws://0.0.0.0:9229/abc')).toBeUndefined();
  });

  it('the socket connects to nothing but 127.0.0.1', async () => {
    await expect(InspectorSocket.connect('ws://192.0.2.1:9229/x')).rejects.toThrow(/127\.0\.0\.1 only/);
  });
});

describe('log points', () => {
  it('are conditions that write to the inspector console (never stdout) and are false', () => {
    const c = condition({ line: 3, logMessage: 'n is {n}, `tick` \\ $done' }).condition!;
    expect(c).toContain("getBuiltinModule?.('node:inspector')?.console");
    expect(c).not.toMatch(/console\.log\(/);
    const logged: unknown[][] = [];
    const process = { getBuiltinModule: () => ({ console: { log: (...a: unknown[]) => logged.push(a) } }) };
    // Evaluated as V8 would, with `n` in scope.
    const result = new Function('n', 'globalThis', `return (${c});`)(7, { process }) as boolean;
    expect(result).toBe(false);
    expect(logged[0]![1]).toBe('n is 7, `tick` \\ $done');
  });

  it('with a condition, log only when it holds', () => {
    expect(condition({ line: 3, condition: 'n > 1', logMessage: 'x' }).condition).toMatch(/^\(n > 1\) && /);
    expect(condition({ line: 3, condition: 'n > 1' })).toEqual({ condition: 'n > 1' });
    expect(condition({ line: 3 })).toEqual({});
  });
});
