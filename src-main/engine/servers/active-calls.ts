import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ActiveCall } from '../../../src-shared/api/schemas/tool';

/** Calls in flight and their latest progress. Changes are coalesced: progress can arrive thousands of times a second. */
export class ActiveCalls extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly calls = new Map<string, ActiveCall>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly coalesceMs = 50) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  begin(call: ActiveCall): void {
    this.calls.set(call.callId, call);
    this.changed();
  }

  progress(callId: string, progress: NonNullable<ActiveCall['progress']>): void {
    const c = this.calls.get(callId);
    if (!c) return;
    this.calls.set(callId, { ...c, progress });
    this.changed();
  }

  end(callId: string): void {
    if (this.calls.delete(callId)) this.changed();
  }

  snapshot(): ActiveCall[] {
    return [...this.calls.values()];
  }

  private changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this._onDidChange.fire();
    }, this.coalesceMs);
  }
}
