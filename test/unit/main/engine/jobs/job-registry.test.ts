import { afterEach, describe, expect, it } from 'vitest';
import { JobRegistry, type JobControl } from '../../../../../src-main/engine/jobs/job-registry';
import { TestClock } from '../../../../helpers/test-clock';

interface Job {
  id: string;
  state: 'running' | 'stopping' | 'done' | 'stopped' | 'failed';
  steps: number;
  reason?: string;
}

/** A job that takes a step each time the test says so, and ends at `steps` or when cancelled. */
function stepper(steps: number) {
  const waiting: Array<() => void> = [];
  const step = () => new Promise<void>((resolve) => waiting.push(resolve));
  return {
    /** Lets every job waiting for its next step take it. */
    next: () => waiting.splice(0).forEach((go) => go()),
    run: async (job: JobControl<Job>) => {
      while (job.snapshot.steps < steps) {
        if (job.signal.aborted) {
          job.snapshot.state = 'stopped';
          return;
        }
        await step();
        job.snapshot.steps++;
        job.publish();
      }
      job.snapshot.state = 'done';
    },
  };
}

let registry: JobRegistry<Job>;
const make = (keepFinished = 2) =>
  (registry = new JobRegistry<Job>({
    kind: 'demo',
    noun: 'demo job',
    keepFinished,
    clock: new TestClock(),
    markCancelling: (j) => {
      j.state = 'stopping';
    },
    markCrashed: (j, message) => {
      j.state = 'failed';
      j.reason = message;
    },
  }));
const start = (r: JobRegistry<Job>, run: (c: JobControl<Job>) => Promise<void>, label?: string) => {
  const id = r.newId(label);
  return r.start(id, { id, state: 'running', steps: 0 }, run);
};

afterEach(() => registry?.dispose());

describe('JobRegistry', () => {
  it('gives each job its own id, named by kind and label', () => {
    const r = make();
    const ids = new Set(Array.from({ length: 50 }, () => r.newId('my tool/1')));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^demo-\d{8}T\d{6}-my_tool_1-[0-9a-f]{6}$/);
    expect(r.newId()).toMatch(/^demo-\d{8}T\d{6}-[0-9a-f]{6}$/);
  });

  it('sends progress, then the final state, and hands back the result', async () => {
    const r = make();
    const seen: string[] = [];
    r.onDidChange((j) => seen.push(`${j.state}:${j.steps}`));
    const s = stepper(2);
    const first = start(r, s.run);
    expect(r.running().map((j) => j.id)).toEqual([first.id]);
    const result = r.result(first.id);
    while (r.running().length) {
      s.next();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await result).toMatchObject({ state: 'done', steps: 2 });
    expect(seen).toEqual(['running:1', 'running:2', 'done:2']);
    // What a caller holds is a copy: changing it changes nothing in the registry.
    first.steps = 99;
    expect(r.get(first.id)!.steps).toBe(2);
  });

  it('cancels a running job through its signal, and says so at once', async () => {
    const r = make();
    const seen: string[] = [];
    r.onDidChange((j) => seen.push(j.state));
    const s = stepper(1000);
    const job = start(r, s.run);
    expect(r.cancel(job.id).state).toBe('stopping');
    s.next();
    expect(await r.result(job.id)).toMatchObject({ state: 'stopped', steps: 1 });
    expect(seen).toEqual(['stopping', 'stopping', 'stopped']);
    expect(r.running()).toEqual([]);
  });

  it('answers a cancel that comes after the end with the final state, and an unknown id with NotFound', async () => {
    const r = make();
    const s = stepper(1);
    const job = start(r, s.run);
    s.next();
    await r.result(job.id);
    expect(r.cancel(job.id)).toMatchObject({ state: 'done', steps: 1 });
    expect(() => r.cancel('demo-nope')).toThrow(
      expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('demo job') }),
    );
    await expect(r.result('demo-nope')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('keeps only the newest finished jobs, and never forgets a running one', async () => {
    const r = make(2);
    const slow = stepper(1000);
    const running = start(r, slow.run);
    const ended = [];
    for (let i = 0; i < 4; i++) {
      const quick = stepper(0);
      const j = start(r, quick.run);
      ended.push(j.id);
      await r.result(j.id);
    }
    expect(r.list().map((j) => j.id)).toEqual([running.id, ended[2], ended[3]]);
    expect(r.has(ended[0]!)).toBe(false);
    expect(r.get(ended[1]!)).toBeUndefined();
    r.cancel(running.id);
    slow.next();
    await r.result(running.id);
    // The long job started first but ended last: it is kept, and the job that ended before the others goes.
    expect(r.list().map((j) => j.id)).toEqual([running.id, ended[3]]);
    expect(r.cancel(running.id).state).toBe('stopped');
  });

  it('ends a job whose function throws in its failed state', async () => {
    const r = make();
    const job = start(r, async () => {
      throw new Error('disk full');
    });
    expect(await r.result(job.id)).toMatchObject({ state: 'failed', reason: 'disk full' });
    expect(r.running()).toEqual([]);
  });

  it('cancels every running job when disposed', async () => {
    const r = make();
    const s = stepper(1000);
    const a = start(r, s.run);
    const b = start(r, s.run);
    const results = [r.result(a.id), r.result(b.id)];
    r.dispose();
    s.next();
    expect((await Promise.all(results)).map((j) => j.state)).toEqual(['stopped', 'stopped']);
  });
});
