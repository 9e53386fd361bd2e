import type { Event } from '../../../src-shared/base/event';
import type { IDisposable } from '../../../src-shared/base/lifecycle';
import type {
  BreakpointSpec,
  DebugEvaluateResult,
  DebugScope,
  DebugState,
  DebugVariable,
  StackFrameInfo,
} from '../../../src-shared/api/schemas/debug';

/**
 * One server run under its language's debugger, whatever the protocol underneath: the Debug
 * Adapter Protocol for Python (debug-run.ts), Node's inspector protocol (node/node-debug-run.ts).
 * The debug service and the debug.* operations see only this.
 */
export interface DebuggedRun extends IDisposable {
  readonly state: DebugState;
  readonly onDidChange: Event<void>;
  /** Replace one file's breakpoints (absolute path). */
  setBreakpoints(file: string, specs: BreakpointSpec[]): Promise<void>;
  step(action: 'continue' | 'over' | 'in' | 'out'): Promise<void>;
  stackTrace(): Promise<StackFrameInfo[]>;
  scopes(frameId: number): Promise<DebugScope[]>;
  variables(variablesReference: number): Promise<DebugVariable[]>;
  evaluate(expression: string, frameId?: number): Promise<DebugEvaluateResult>;
}
