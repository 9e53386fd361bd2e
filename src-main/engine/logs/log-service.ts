import { Emitter } from '../../../src-shared/base/event';
import { Disposable, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { LogBatch, LogCounts, LogEntry } from '../../../src-shared/api/schemas/log';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { Clock } from '../base/clock';
import { LogRing } from './log-ring';
import { ProtocolSampler, SAMPLE_EVERY, SAMPLE_FIRST } from './protocol-sampler';
import { createRedactor } from './redaction';

export type NewLogEntry = Omit<LogEntry, 'seq' | 'ts' | 'serverId'> & { ts?: number };

export interface LogServiceOptions {
  /** Entries kept per server. */
  capacityPerServer?: number;
  /** Live batches go out at most this often. */
  flushMs?: number;
}

/**
 * Every server's log in one place: stderr, stdout, protocol traffic, server log messages and
 * lifecycle events. Appending is cheap and synchronous; listeners get batches.
 */
export class LogService extends Disposable {
  private readonly _onDidAppend = this._register(new Emitter<LogBatch>());
  readonly onDidAppend = this._onDidAppend.event;
  private readonly _onDidClear = this._register(new Emitter<{ serverId?: ServerId }>());
  /** Someone cleared a server's log (or all): every viewer should forget its copy. */
  readonly onDidClear = this._onDidClear.event;

  private readonly rings = new Map<ServerId, LogRing>();
  private readonly redactors = new Map<ServerId, (entry: LogEntry) => void>();
  private readonly secretValues = new Map<ServerId, string[]>();
  private readonly samplers = new Map<ServerId, ProtocolSampler>();
  private pending: LogEntry[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly capacity: number;
  private readonly flushMs: number;

  constructor(
    private readonly clock: Clock,
    options: LogServiceOptions = {},
  ) {
    super();
    this.capacity = options.capacityPerServer ?? 20_000;
    this.flushMs = options.flushMs ?? 50;
    this._register({ dispose: () => clearTimeout(this.flushTimer) });
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Takes ownership of `e` (callers pass a fresh object): it becomes the entry, without a copy. */
  append(serverId: ServerId, e: NewLogEntry): LogEntry {
    const entry = e as LogEntry;
    entry.seq = ++this.seq;
    entry.ts = e.ts ?? this.clock.now();
    entry.serverId = serverId;
    this.redactors.get(serverId)?.(entry);
    this.ring(serverId).push(entry);
    if (this._onDidAppend.hasListeners) {
      this.pending.push(entry);
      this.flushTimer ??= setTimeout(() => this.flush(), this.flushMs);
    }
    return entry;
  }

  /**
   * Keep only a sample of this server's protocol messages one by one, and count the others, until
   * the returned handle is disposed (a load run). The log says when sampling starts and how many
   * messages were counted but not kept when it ends.
   */
  sampleProtocol(serverId: ServerId, what: string): IDisposable {
    let s = this.samplers.get(serverId);
    if (!s) {
      s = new ProtocolSampler();
      this.samplers.set(serverId, s);
      this.append(serverId, {
        source: 'app',
        level: 'info',
        text: `${what}: the protocol log keeps the first ${SAMPLE_FIRST} exchanges, then one in ${SAMPLE_EVERY} and every error; the others are counted`,
      });
    }
    s.users++;
    const sampler = s;
    let ended = false;
    return {
      dispose: () => {
        if (ended) return;
        ended = true;
        if (--sampler.users > 0) return;
        this.samplers.delete(serverId);
        const total = sampler.kept + sampler.notKept;
        this.append(serverId, {
          source: 'app',
          level: 'info',
          text: `${what} ended: ${total.toLocaleString('en-US')} protocol messages, ${sampler.notKept.toLocaleString('en-US')} of them counted but not kept one by one`,
          data: { protocolMessages: total, kept: sampler.kept, notKept: sampler.notKept },
        });
      },
    };
  }

  /** The sampler of this server's protocol log while a load run drives it (see sampleProtocol). */
  protocolSampler(serverId: ServerId): ProtocolSampler | undefined {
    return this.samplers.get(serverId);
  }

  /** The values to blank out of this server's log from now on (its secrets); none = no redaction. */
  setSecrets(serverId: ServerId, values: string[]): void {
    const r = createRedactor(values);
    if (r) this.redactors.set(serverId, r);
    else this.redactors.delete(serverId);
    this.secretValues.set(serverId, values);
  }

  /** The values blanked out of this server's log (call history blanks the same ones). */
  secretsOf(serverId: ServerId): readonly string[] {
    return this.secretValues.get(serverId) ?? [];
  }

  /** Replay from a cursor: one server's entries, or all servers' merged in seq order. */
  since(serverId: ServerId | undefined, afterSeq = 0): LogBatch {
    if (serverId !== undefined) return this.rings.get(serverId)?.since(afterSeq) ?? { entries: [], missed: 0 };
    let missed = 0;
    const parts: LogEntry[][] = [];
    for (const ring of this.rings.values()) {
      const r = ring.since(afterSeq);
      missed += r.missed;
      if (r.entries.length) parts.push(r.entries);
    }
    const entries = parts.length === 1 ? parts[0]! : parts.flat().sort((a, b) => a.seq - b.seq);
    return { entries, missed };
  }

  counts(serverId: ServerId): LogCounts {
    return this.rings.get(serverId)?.counts ?? { appended: 0, dropped: 0, cleared: 0, kept: 0, bySource: {} };
  }

  clear(serverId?: ServerId): number {
    // Entries still waiting for the next batch belong to what is being cleared.
    this.pending = this.pending.filter((e) => serverId !== undefined && e.serverId !== serverId);
    let n = 0;
    for (const [id, ring] of this.rings) if (serverId === undefined || id === serverId) n += ring.clear();
    this._onDidClear.fire(serverId === undefined ? {} : { serverId });
    return n;
  }

  /** Deliver what is pending now (tests and shutdown). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const entries = this.pending;
    this.pending = [];
    this._onDidAppend.fire({ entries, missed: 0 });
  }

  private ring(serverId: ServerId): LogRing {
    let r = this.rings.get(serverId);
    if (!r) {
      r = new LogRing(this.capacity);
      this.rings.set(serverId, r);
    }
    return r;
  }
}
