import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { Clock } from '../base/clock';

/** What a job's function gets: its snapshot to change in place, the signal that cancels it, and a way to report progress. */
export interface JobControl<T> {
  readonly id: string;
  /** The job's state, shared with the registry: change it in place, then `publish()`. */
  readonly snapshot: T;
  /** Aborted by `cancel(id)` and when the registry is disposed. */
  readonly signal: AbortSignal;
  /** Sends a copy of the snapshot to `onDidChange` listeners (a progress event). */
  publish(): void;
}

export interface JobKind<T> {
  /** Starts every id of this kind: `load`, `fuzz`, `test`, `setup`. */
  kind: string;
  /** What a person calls one, for error messages: "load run", "setup job". */
  noun: string;
  /** Finished jobs kept in memory (for results, re-runs and late cancels); older ones are forgotten. */
  keepFinished: number;
  clock: Clock;
  /** Says in the snapshot that a cancel was asked for (e.g. state "stopping"); the change is published. */
  markCancelling?(snapshot: T): void;
  /** Puts the snapshot in its failed state when the job's function throws: a job always ends. */
  markCrashed(snapshot: T, message: string): void;
}

interface Entry<T, D> {
  snapshot: T;
  details: D;
  abort: AbortController;
  /** Settles with the final snapshot; never rejects. */
  result: Promise<T>;
  finished: boolean;
}

/**
 * Long-running work the user starts and may stop: load runs, fuzz runs, test runs, project setup.
 * One registry per kind gives each job an id, sends its progress, cancels it, hands back its
 * result, and keeps the last `keepFinished` finished ones, so a Stop that arrives just as a job
 * ends is answered with the final state rather than an error.
 */
export class JobRegistry<T, D = undefined> extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<T>());
  /** A copy of a job's snapshot after each published change, and once more when it ends. */
  readonly onDidChange = this._onDidChange.event;
  /** In start order. */
  private readonly jobs = new Map<string, Entry<T, D>>();
  /** Ids of finished jobs in the order they ended: the one that ended first is the first forgotten. */
  private readonly ended: string[] = [];

  constructor(private readonly k: JobKind<T>) {
    super();
    this._register({ dispose: () => this.jobs.forEach((e) => e.abort.abort()) });
  }

  /** A new id: kind, start time, an optional label (a tool name), a random tail. */
  newId(label?: string): string {
    const stamp = new Date(this.k.clock.now()).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const tail = label ? `-${label.replace(/[^\w-]/g, '_').slice(0, 40)}` : '';
    return `${this.k.kind}-${stamp}${tail}-${randomBytes(3).toString('hex')}`;
  }

  /**
   * Runs `run` as the job whose first snapshot is `snapshot` (made with an id from `newId`). Returns
   * a copy of that first snapshot; progress arrives on `onDidChange`, the end on `result(id)`.
   */
  start(id: string, snapshot: T, run: (job: JobControl<T>) => Promise<void>, ...details: D extends undefined ? [] : [D]): T {
    if (this.jobs.has(id)) throw new ApiError('Conflict', `a ${this.k.noun} "${id}" exists already`);
    const abort = new AbortController();
    const entry: Entry<T, D> = { snapshot, details: details[0] as D, abort, result: Promise.resolve(snapshot), finished: false };
    this.jobs.set(id, entry);
    const control: JobControl<T> = { id, snapshot, signal: abort.signal, publish: () => this.fire(entry) };
    entry.result = this.execute(entry, run, control);
    return structuredClone(snapshot);
  }

  /** Stop a job: its function sees the signal and ends it. A finished job's final state is the answer. */
  cancel(id: string): T {
    const entry = this.entry(id);
    if (!entry.finished && !entry.abort.signal.aborted) {
      if (this.k.markCancelling) {
        this.k.markCancelling(entry.snapshot);
        this.fire(entry);
      }
      entry.abort.abort();
    }
    return structuredClone(entry.snapshot);
  }

  /** The final snapshot, once the job has ended (at once for a finished one still kept). */
  async result(id: string): Promise<T> {
    return structuredClone(await this.entry(id).result);
  }

  get(id: string): T | undefined {
    const e = this.jobs.get(id);
    return e ? structuredClone(e.snapshot) : undefined;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  /** Jobs not yet ended, oldest first (a stream's first snapshot). */
  running(): T[] {
    return [...this.jobs.values()].filter((e) => !e.finished).map((e) => structuredClone(e.snapshot));
  }

  /** Every job known: running ones and the kept finished ones, oldest first. */
  list(): T[] {
    return [...this.jobs.values()].map((e) => structuredClone(e.snapshot));
  }

  /**
   * The job's live snapshot and details, for a kind that changes a job after it ended (a test
   * run's accepted snapshot); `publish(id)` then tells listeners.
   */
  live(id: string): { snapshot: T; details: D } {
    const e = this.entry(id);
    return { snapshot: e.snapshot, details: e.details };
  }

  publish(id: string): void {
    this.fire(this.entry(id));
  }

  private entry(id: string): Entry<T, D> {
    const e = this.jobs.get(id);
    if (!e) throw new ApiError('NotFound', `no ${this.k.noun} "${id}" (only the last ${this.k.keepFinished} finished ones are kept)`);
    return e;
  }

  private async execute(entry: Entry<T, D>, run: (job: JobControl<T>) => Promise<void>, control: JobControl<T>): Promise<T> {
    try {
      await run(control);
    } catch (e) {
      this.k.markCrashed(entry.snapshot, e instanceof Error ? e.message : String(e));
    }
    entry.finished = true;
    this.ended.push(control.id);
    for (const id of this.ended.splice(0, Math.max(0, this.ended.length - this.k.keepFinished))) this.jobs.delete(id);
    this.fire(entry);
    return entry.snapshot;
  }

  private fire(entry: Entry<T, D>): void {
    this._onDidChange.fire(structuredClone(entry.snapshot));
  }
}
