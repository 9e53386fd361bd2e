import { spawn, type ChildProcess } from 'node:child_process';
import type { IDisposable } from '../../../src-shared/base/lifecycle';

/**
 * One tiny `sh` process per engine that outlives us by design: it reads process-group ids from a
 * pipe, and when the pipe closes (MCP Lab exited, crashed or was SIGKILLed) it kills every group
 * still registered. Timers and exit handlers cannot do this: a SIGKILLed process runs no code.
 */
const LIFELINE_SCRIPT = `
groups=" "
while IFS= read -r line; do
  case "$line" in
    +*) groups="$groups\${line#+} " ;;
    -*) g=\${line#-}; next=" "; for x in $groups; do [ "$x" = "$g" ] || next="$next$x "; done; groups=$next ;;
  esac
done
[ "$groups" = " " ] && exit 0
for g in $groups; do kill -TERM -"$g" 2>/dev/null; done
sleep 1
for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
`;

export interface Lifeline extends IDisposable {
  /** `label` names the server, for reports about it later; `marker` is the environment marker its processes carry. */
  add(pgid: number, label?: string, marker?: string): void;
  remove(pgid: number): void;
  readonly pid: number | undefined;
}

export function startLifeline(): Lifeline {
  if (process.platform === 'win32') {
    // Windows has no process groups to kill this way; a job object is the equivalent (not built yet).
    return { add() {}, remove() {}, pid: undefined, dispose() {} };
  }
  const child: ChildProcess = spawn('/bin/sh', ['-c', LIFELINE_SCRIPT], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true, // its own group: a Ctrl-C in our terminal must not kill the lifeline before it does its job
  });
  child.unref();
  const stdin = child.stdin!;
  // The pipe must not keep a CLI run alive; it closes with our process either way.
  (stdin as unknown as { unref?: () => void }).unref?.();
  stdin.on('error', () => {}); // the lifeline dying is reported by the missing kill, not by crashing us
  const write = (line: string) => {
    if (!stdin.destroyed) stdin.write(line + '\n');
  };
  return {
    pid: child.pid,
    add: (pgid) => write(`+${pgid}`),
    remove: (pgid) => write(`-${pgid}`),
    // A normal shutdown has already stopped every server; ending the pipe lets the lifeline exit.
    dispose: () => stdin.end(),
  };
}
