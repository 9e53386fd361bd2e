import { useState } from 'react';
import type { LoadRunSpecInput } from '../../../src-shared/api/schemas/load';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { toolKey } from '../../store/slices/console-draft';
import { safeName } from '../../components/server-name';

type ArgsKind = 'fixed' | 'generated';

/**
 * What to run: a tool, its arguments (the console's current draft by default, or generated from
 * the schema), how hard and for how long. A leak hunt calls one at a time and needs a call count.
 */
export function LoadForm({ server, running, onStarted }: { server: ServerSummary; running: boolean; onStarted(runId: string): void }) {
  const serverId = server.config.id;
  const tools = useWorkbench((s) => s.toolsByServer[serverId]?.tools);
  const drafts = useWorkbench((s) => s.drafts);
  const { startLoadRun } = useActions();
  const [toolName, setToolName] = useState<string>('');
  const [argsKind, setArgsKind] = useState<ArgsKind>('fixed');
  const [argsText, setArgsText] = useState<string | null>(null);
  const [seed, setSeed] = useState(1);
  const [kind, setKind] = useState<'load' | 'leak'>('load');
  const [concurrency, setConcurrency] = useState(4);
  const [duration, setDuration] = useState<number | ''>(10);
  const [calls, setCalls] = useState<number | ''>('');
  const [rampUp, setRampUp] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const tool = toolName || tools?.[0]?.name || '';
  const draft = tool ? drafts[toolKey(serverId, tool)] : undefined;
  const text = argsText ?? draft?.text ?? '{}';
  const ready = server.status.state === 'ready';

  const start = async () => {
    setError(null);
    let args: LoadRunSpecInput['args'];
    if (argsKind === 'generated') args = { mode: 'generated', seed };
    else {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the arguments must be a JSON object');
        args = { mode: 'fixed', arguments: parsed as Record<string, unknown> };
      } catch (e) {
        setError(`Arguments: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    const spec: LoadRunSpecInput = {
      serverId,
      toolName: tool,
      args,
      kind,
      concurrency: kind === 'leak' ? 1 : concurrency,
      rampUpSeconds: kind === 'leak' ? 0 : rampUp,
      ...(duration !== '' && kind === 'load' ? { durationSeconds: duration } : {}),
      ...(calls !== '' ? { calls } : kind === 'leak' ? { calls: 5000 } : {}),
    };
    setStarting(true);
    try {
      onStarted((await startLoadRun(spec)).runId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <form
      className="load-form"
      aria-label="Load run settings"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <div className="segmented" role="radiogroup" aria-label="Kind of run">
        {(['load', 'leak'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className={kind === k ? 'active' : ''}
            onClick={() => setKind(k)}
          >
            {k === 'load' ? 'Load run' : 'Leak hunt'}
          </button>
        ))}
      </div>
      <p className="muted small">
        {kind === 'load'
          ? 'Calls the tool from several callers at once and measures throughput, latency and memory.'
          : 'Calls the tool one at a time (5,000 times unless you say otherwise), reads memory after every batch, and judges whether it keeps growing after warm-up. Garbage-collected servers settle slowly: a short hunt may say "inconclusive".'}
      </p>
      <label className="field">
        <span>Tool</span>
        <select className="input" value={tool} onChange={(e) => setToolName(e.target.value)} disabled={!tools?.length}>
          {(tools ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {safeName(t.title ? `${t.title} (${t.name})` : t.name)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>Arguments</legend>
        <label className="inline">
          <input type="radio" name="argsKind" checked={argsKind === 'fixed'} onChange={() => setArgsKind('fixed')} /> The same for every
          call
        </label>
        <label className="inline">
          <input type="radio" name="argsKind" checked={argsKind === 'generated'} onChange={() => setArgsKind('generated')} /> Generated from
          the input schema
        </label>
        {argsKind === 'fixed' ? (
          <textarea
            aria-label="Arguments (JSON)"
            className="input mono"
            rows={4}
            value={text}
            onChange={(e) => setArgsText(e.target.value)}
            spellCheck={false}
          />
        ) : (
          <label className="field">
            <span>Seed (the same seed gives the same arguments)</span>
            <input className="input" type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} />
          </label>
        )}
      </fieldset>
      <div className="field-row">
        {kind === 'load' ? (
          <label className="field">
            <span>Concurrency</span>
            <input
              className="input"
              type="number"
              min={1}
              max={256}
              value={concurrency}
              onChange={(e) => setConcurrency(Math.max(1, Math.min(256, Number(e.target.value) || 1)))}
            />
          </label>
        ) : null}
        {kind === 'load' ? (
          <label className="field">
            <span>Duration (s)</span>
            <input
              className="input"
              type="number"
              min={1}
              max={3600}
              value={duration}
              onChange={(e) => setDuration(e.target.value === '' ? '' : Number(e.target.value))}
            />
          </label>
        ) : null}
        <label className="field">
          <span>{kind === 'leak' ? 'Calls' : 'Calls (optional)'}</span>
          <input
            className="input"
            type="number"
            min={1}
            value={calls}
            placeholder={kind === 'leak' ? '5000' : 'no limit'}
            onChange={(e) => setCalls(e.target.value === '' ? '' : Number(e.target.value))}
          />
        </label>
        {kind === 'load' ? (
          <label className="field">
            <span>Ramp-up (s)</span>
            <input
              className="input"
              type="number"
              min={0}
              max={600}
              value={rampUp}
              onChange={(e) => setRampUp(Math.max(0, Number(e.target.value) || 0))}
            />
          </label>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={!ready || !tool || running || starting}>
        {kind === 'leak' ? 'Start leak hunt' : 'Start load run'}
      </button>
      {!ready ? <p className="muted small">Start the server to run load against it.</p> : null}
    </form>
  );
}
