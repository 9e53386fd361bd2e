/** What a completion source answers: suggestions, or why there are none. */
export type CompletionAnswer = { values: string[]; total?: number; hasMore?: boolean } | { error: string };
export type CompletionFetch = (value: string) => Promise<CompletionAnswer>;

export interface CompletionState {
  open: boolean;
  items: readonly string[];
  /** Index of the highlighted item, -1 for none. */
  active: number;
  loading: boolean;
  error: string | null;
  /** The server has more than it sent (its `total`, when it said). */
  more: { total?: number } | null;
}

export const CLOSED: CompletionState = { open: false, items: [], active: -1, loading: false, error: null, more: null };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Autocomplete for one input, without React: typing is debounced into one request, answers to
 * older requests are dropped, arrow keys move the highlight (wrapping), Enter picks it. The view
 * subscribes to `state`.
 */
export class CompletionController {
  private _state: CompletionState = CLOSED;
  private readonly listeners = new Set<() => void>();
  private timer: unknown;
  private seq = 0;
  private disposed = false;

  constructor(
    private fetch: CompletionFetch,
    private readonly debounceMs = 200,
    private readonly timers: Timers = realTimers,
  ) {}

  get state(): CompletionState {
    return this._state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The source changes with the other fields' values (sent as context): the next request uses the new one. */
  setFetch(fetch: CompletionFetch): void {
    this.fetch = fetch;
  }

  /** The input's value changed (or it got focus): ask again after the debounce. */
  query(value: string): void {
    if (this.disposed) return;
    this.timers.clear(this.timer);
    const seq = ++this.seq;
    this.set({ ...this._state, loading: true });
    this.timer = this.timers.set(() => void this.run(value, seq), this.debounceMs);
  }

  private async run(value: string, seq: number): Promise<void> {
    let answer: CompletionAnswer;
    try {
      answer = await this.fetch(value);
    } catch (e) {
      answer = { error: e instanceof Error ? e.message : String(e) };
    }
    if (seq !== this.seq || this.disposed) return; // a newer query or a close made this answer stale
    if ('error' in answer) return this.set({ ...CLOSED, error: answer.error });
    // A single suggestion equal to what is typed adds nothing: keep the list closed.
    const items = answer.values.length === 1 && answer.values[0] === value ? [] : answer.values;
    const more =
      answer.hasMore || (answer.total !== undefined && answer.total > answer.values.length)
        ? { ...(answer.total !== undefined ? { total: answer.total } : {}) }
        : null;
    this.set({ open: items.length > 0, items, active: -1, loading: false, error: null, more });
  }

  /** Move the highlight by one, wrapping; opens a closed list that has items. */
  move(delta: 1 | -1): void {
    const n = this._state.items.length;
    if (n === 0) return;
    if (!this._state.open) return this.set({ ...this._state, open: true, active: delta === 1 ? 0 : n - 1 });
    const from = this._state.active;
    const next = from === -1 ? (delta === 1 ? 0 : n - 1) : (from + delta + n) % n;
    this.set({ ...this._state, active: next });
  }

  highlight(index: number): void {
    if (index >= 0 && index < this._state.items.length) this.set({ ...this._state, active: index });
  }

  /** The highlighted item (or `index`), closing the list; undefined when nothing is highlighted. */
  pick(index = this._state.active): string | undefined {
    if (!this._state.open) return undefined;
    const item = this._state.items[index];
    if (item === undefined) return undefined;
    this.close();
    return item;
  }

  /** Close the list (its items stay: ↓ reopens it) and forget pending requests (their answers would reopen it). */
  close(): void {
    this.timers.clear(this.timer);
    this.seq++;
    if (this._state.open || this._state.loading) this.set({ ...this._state, open: false, active: -1, loading: false });
  }

  dispose(): void {
    this.close();
    this._state = CLOSED;
    this.disposed = true;
    this.listeners.clear();
  }

  private set(s: CompletionState): void {
    this._state = s;
    for (const l of this.listeners) l();
  }
}
