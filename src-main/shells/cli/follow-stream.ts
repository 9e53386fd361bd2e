import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ApiError } from '../../../src-shared/api/errors';
import type { StreamEvent, StreamName, StreamParams } from '../../../src-shared/api/contract';

/** A stream's first event (its snapshot or replay), then unsubscribed: how the CLI reads state the contract streams. */
export function snapshotOf<S extends StreamName>(api: ApiClient, stream: S, params: StreamParams<S>): Promise<StreamEvent<S>> {
  return new Promise((resolve, reject) => {
    let done = false;
    const sub = api.subscribe(
      stream,
      params,
      (e) => {
        if (done) return;
        done = true;
        // Later, not here: on a port that delivers at once, this runs before `subscribe` has returned `sub`.
        queueMicrotask(() => sub.dispose());
        resolve(e);
      },
      (e: ApiError) => {
        done = true;
        queueMicrotask(() => sub.dispose());
        reject(e);
      },
    );
  });
}

/** A snapshot of a run that reports its progress on a stream. */
interface RunSnapshot {
  runId: string;
}

/**
 * Start a run and follow it on its progress stream until `ended` holds: subscribed before the start,
 * so no snapshot between the start's reply and the subscription is lost (a short run can end in between).
 */
export async function followRun<S extends 'tests.progressed' | 'fuzz.progressed', R extends RunSnapshot & StreamEvent<S>>(
  api: ApiClient,
  stream: S,
  start: () => Promise<R>,
  ended: (run: R) => boolean,
  onProgress?: (run: R) => void,
): Promise<R> {
  const early: R[] = [];
  let runId: string | undefined;
  let settle: ((run: R) => void) | undefined;
  let fail: ((e: unknown) => void) | undefined;
  const finished = new Promise<R>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const seen = (run: R) => {
    onProgress?.(run);
    if (ended(run)) settle!(run);
  };
  const sub = api.subscribe(
    stream,
    {} as StreamParams<S>,
    (e) => {
      const run = e as R;
      if (runId === undefined) early.push(run);
      else if (run.runId === runId) seen(run);
    },
    (e) => fail!(e),
  );
  try {
    const started = await start();
    runId = started.runId;
    seen(started);
    for (const run of early.splice(0)) if (run.runId === runId) seen(run);
    return await finished;
  } finally {
    sub.dispose();
  }
}
