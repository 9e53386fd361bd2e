import type { Event } from '../../../src-shared/base/event';
import { DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';

/**
 * A stream that sends the current state first, then a fresh snapshot after changes. Bursts of
 * changes within `coalesceMs` become one event: a snapshot is state, not history.
 */
export function snapshotStream<T>(snapshot: () => T, changes: Event<unknown>[], emit: (e: T) => void, coalesceMs = 16): IDisposable {
  const d = new DisposableStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  d.add({ dispose: () => clearTimeout(timer) });
  for (const ev of changes) {
    d.add(
      ev(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          if (!d.isDisposed) emit(snapshot());
        }, coalesceMs);
      }),
    );
  }
  emit(snapshot());
  return d;
}

/** Replay what is buffered from a cursor, then pass live events through. */
export function replayThen<T>(replay: () => T, live: Event<T>, emit: (e: T) => void): IDisposable {
  const d = new DisposableStore();
  // Subscribe first, buffer, then replay: nothing that arrives in between is lost or duplicated.
  const early: T[] = [];
  let replayed = false;
  d.add(
    live((e) => {
      if (replayed) emit(e);
      else early.push(e);
    }),
  );
  emit(replay());
  replayed = true;
  for (const e of early) emit(e);
  return d;
}

/** The jobs of one kind that a progress stream follows: those running now, then every change. */
export interface JobSource<T> {
  running(): T[];
  onDidChange: Event<T>;
}

/** A job kind's progress stream: the running jobs (or the one asked for) first, then each change of them. */
export function jobProgressStream<T>(jobs: JobSource<T>, matches: (job: T) => boolean, emit: (e: T) => void): IDisposable {
  for (const j of jobs.running()) if (matches(j)) emit(j);
  return jobs.onDidChange((j) => {
    if (matches(j)) emit(j);
  });
}
