import { type IDisposable, toDisposable } from './lifecycle';
import { onUnexpectedError } from './unexpected-error';

/** A subscribable event: call it with a listener, get back a disposable that unsubscribes. */
export type Event<T> = (listener: (e: T) => void) => IDisposable;

export class Emitter<T> implements IDisposable {
  private listeners = new Set<(e: T) => void>();
  private disposed = false;

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return toDisposable(() => {});
    // Wrap so the same function can subscribe twice and unsubscribe independently.
    const entry = (e: T) => listener(e);
    this.listeners.add(entry);
    return toDisposable(() => this.listeners.delete(entry));
  };

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // One broken listener must not starve the others (a UI subscriber crashing must not stop
        // logging), nor end the process: it is reported and the event goes on.
        onUnexpectedError(err, 'an event listener');
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

export const Event = {
  None: (() => toDisposable(() => {})) as Event<never>,

  map<I, O>(event: Event<I>, fn: (i: I) => O): Event<O> {
    return (listener) => event((i) => listener(fn(i)));
  },

  filter<T>(event: Event<T>, pred: (e: T) => boolean): Event<T> {
    return (listener) =>
      event((e) => {
        if (pred(e)) listener(e);
      });
  },

  once<T>(event: Event<T>): Event<T> {
    return (listener) => {
      let fired = false;
      const sub = event((e) => {
        if (fired) return;
        fired = true;
        sub.dispose();
        listener(e);
      });
      if (fired) sub.dispose();
      return sub;
    };
  },

  toPromise<T>(event: Event<T>): Promise<T> {
    return new Promise((resolve) => Event.once(event)(resolve));
  },
};
