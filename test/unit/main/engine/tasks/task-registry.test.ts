import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../../../src-shared/api/schemas/task';
import { TaskRegistry } from '../../../../../src-main/engine/tasks/task-registry';

const task = (taskId: string, status: TaskRecord['status'], createdAt: number): TaskRecord => ({
  taskId,
  serverId: 's1',
  callId: `c-${taskId}`,
  toolName: 'brew',
  arguments: {},
  status,
  ttlMs: 60_000,
  createdAt,
  lastUpdatedAt: createdAt,
  history: [{ at: createdAt, status }],
});

describe('TaskRegistry', () => {
  it('lists newest first per server and tells which server changed', () => {
    const r = new TaskRegistry();
    const changed: string[] = [];
    r.onDidChange((id) => changed.push(id));
    r.put(task('a', 'working', 1));
    r.put(task('b', 'working', 2));
    expect(r.list('s1').map((t) => t.taskId)).toEqual(['b', 'a']);
    expect(r.list('other')).toEqual([]);
    expect(changed).toEqual(['s1', 's1']);
  });

  it('cancels a running task through its canceller, and an ended one not at all', async () => {
    const r = new TaskRegistry();
    let asked = 0;
    r.put(task('a', 'working', 1), async () => void asked++);
    r.put(task('a', 'input_required', 1)); // a later status keeps the canceller
    expect(await r.cancel('s1', 'a')).toBe(true);
    r.put(task('a', 'cancelled', 1));
    expect(await r.cancel('s1', 'a')).toBe(false);
    expect(await r.cancel('s1', 'unknown')).toBe(false);
    expect(asked).toBe(1);
  });

  it('keeps the 50 newest ended tasks and every running one', () => {
    const r = new TaskRegistry();
    r.put(task('running', 'working', 0), async () => {});
    for (let i = 1; i <= 60; i++) r.put(task(`t${i}`, 'completed', i));
    const ids = r.list('s1').map((t) => t.taskId);
    expect(ids).toHaveLength(51);
    expect(ids).toContain('running');
    expect(ids).not.toContain('t10');
    expect(ids).toContain('t11');
  });
});
