import { useState } from 'react';
import type { TemplateId } from '../../../src-shared/api/schemas/project';
import { useActions } from '../../app-context';

const EXAMPLES: { template: TemplateId; label: string; title: string }[] = [
  {
    template: 'typescript',
    label: 'TypeScript example',
    title: 'A server on the official TypeScript SDK, in a new folder of this workspace (npm install runs once)',
  },
  {
    template: 'fastmcp',
    label: 'FastMCP example',
    title: 'A FastMCP server that follows the guide, in a new folder of this workspace (a .venv is set up once)',
  },
];

/**
 * The example servers, offered where a workspace has no server yet: each is written into a new
 * folder of the workspace (so its source is the user's to edit), added, set up, and opened.
 */
export function ExampleServers() {
  const { selectServer, openFile, addExampleServer } = useActions();
  const [busy, setBusy] = useState<TemplateId | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = async (template: TemplateId) => {
    setBusy(template);
    setError(null);
    try {
      const r = await addExampleServer(template);
      if (r.serverId) selectServer(r.serverId);
      await openFile(r.source);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="sidebar-examples" role="group" aria-label="Add the example servers">
      <p className="small">Add the example servers:</p>
      {EXAMPLES.map((x) => (
        <button
          key={x.template}
          type="button"
          className="button small"
          title={x.title}
          disabled={busy !== null}
          onClick={() => void add(x.template)}
        >
          {busy === x.template ? 'Adding…' : x.label}
        </button>
      ))}
      {error ? (
        <p className="sidebar-examples-error small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
