import { useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { SurfaceChange, SurfaceVersion } from '../../../src-shared/api/schemas/surface';
import { compareSurfaces } from '../../../src-shared/surface/compare-surfaces';
import { useWorkbench } from '../../app-context';
import { ServerName, safeName } from '../../components/server-name';
import { surfaceSelectors } from '../../store/slices/surface-slice';

function versionLabel(v: SurfaceVersion): string {
  const when = new Date(v.recordedAt).toLocaleString();
  return `${when} — ${safeName(v.surface.server.version) || 'no version'} (${v.trigger === 'reload' ? 'hot reload' : 'start'})`;
}

function ChangeList({ title, changes, tone }: { title: string; changes: SurfaceChange[]; tone: 'breaking' | 'compatible' }) {
  if (!changes.length) return null;
  return (
    <>
      <h4 className={`surface-changes-title ${tone}`}>{title}</h4>
      <ul className="surface-changes" aria-label={`${title} changes`}>
        {changes.map((c, i) => (
          <li key={i} className={`surface-change ${tone}`}>
            <span className="badge">{c.kind}</span> <ServerName text={c.name} className="mono" />
            {/* Paths and messages quote the server's schema (names, enum values): neutralised like names. */}
            {c.at ? <span className="mono muted"> {safeName(c.at)}</span> : null}: {safeName(c.message)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What changed in the server's surface since an earlier version (each start or hot reload that
 * changed it is one), classified as `mcp-lab surface --check` does: breaking first.
 */
export function SurfaceChanges({ serverId }: { serverId: ServerId }) {
  const versions = useWorkbench(surfaceSelectors.versions(serverId));
  const [chosen, setChosen] = useState<string | undefined>();
  const latest = versions[0];
  const earlier = versions.slice(1);
  const base = earlier.find((v) => v.id === chosen) ?? earlier[0];
  const changes = base && latest ? compareSurfaces(base.surface, latest.surface) : [];

  if (!latest) return <p className="muted small">No surface recorded yet: MCP Lab records it each time the server becomes ready.</p>;
  if (!base) {
    return (
      <p className="muted small">
        One version recorded ({versionLabel(latest)}). When a start or a hot reload changes the tools, resources, prompts or capabilities,
        the changes show here.
      </p>
    );
  }
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const compatible = changes.filter((c) => c.severity === 'compatible');
  return (
    <>
      <div className="info-row">
        <label htmlFor={`surface-base-${serverId}`}>Since</label>
        <select
          id={`surface-base-${serverId}`}
          className="input surface-version-picker"
          value={base.id}
          onChange={(e) => setChosen(e.target.value)}
          aria-label="Compare with the version of"
        >
          {earlier.map((v) => (
            <option key={v.id} value={v.id}>
              {versionLabel(v)}
            </option>
          ))}
        </select>
        <span className="muted small">to the latest, {versionLabel(latest)}</span>
      </div>
      <p className="small" role="status" aria-label="Surface change summary">
        {changes.length === 0 ? 'No changes.' : `${breaking.length} breaking, ${compatible.length} compatible.`}
        {breaking.length ? ' A client written against the earlier version can fail now.' : ''}
      </p>
      <ChangeList title="Breaking" changes={breaking} tone="breaking" />
      <ChangeList title="Compatible" changes={compatible} tone="compatible" />
    </>
  );
}
