import { useEffect, useState } from 'react';
import { LOG_LEVELS, type LogLevel } from '../../../src-shared/api/schemas/log';
import { useActions, useWorkbench } from '../../app-context';
import { LOG_SOURCES } from './log-filter';

interface Props {
  following: boolean;
  onFollow(): void;
  onPause(): void;
  onClear(): void;
}

export function LogToolbar({ following, onFollow, onPause, onClear }: Props) {
  const scope = useWorkbench((s) => s.logScope);
  const filter = useWorkbench((s) => s.logFilter);
  const { setLogScope, setLogFilter } = useActions();
  const [text, setText] = useState(filter.text);
  useEffect(() => {
    const t = setTimeout(() => setLogFilter({ text }), 120);
    return () => clearTimeout(t);
  }, [text, setLogFilter]);

  const toggleSource = (src: (typeof LOG_SOURCES)[number]) =>
    setLogFilter({ sources: filter.sources.includes(src) ? filter.sources.filter((s) => s !== src) : [...filter.sources, src] });

  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log filters">
      <span className="segmented small" role="radiogroup" aria-label="Which servers">
        <button type="button" role="radio" aria-checked={scope === 'server'} onClick={() => setLogScope('server')}>
          This server
        </button>
        <button type="button" role="radio" aria-checked={scope === 'all'} onClick={() => setLogScope('all')}>
          All servers
        </button>
      </span>
      <span className="source-toggles" role="group" aria-label="Sources">
        {LOG_SOURCES.map((src) => (
          <button
            key={src}
            type="button"
            className={`toggle source-toggle source-${src}`}
            aria-pressed={filter.sources.includes(src)}
            onClick={() => toggleSource(src)}
          >
            {src}
          </button>
        ))}
      </span>
      <label className="inline-field small">
        Level ≥
        <select
          className="input"
          aria-label="Minimum level"
          value={filter.minLevel}
          onChange={(e) => setLogFilter({ minLevel: e.target.value as LogLevel })}
        >
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        className="input log-search"
        placeholder="Filter text…"
        aria-label="Filter log text"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <span className="header-spacer" />
      <button
        type="button"
        className="button small toggle"
        aria-pressed={following}
        title={following ? 'Scrolls to each new entry; scroll up to pause' : 'Paused: click to jump to the latest entry and follow'}
        onClick={following ? onPause : onFollow}
      >
        Follow
      </button>
      <button type="button" className="button small danger-outline" onClick={onClear}>
        Clear logs
      </button>
    </div>
  );
}
