import { useState } from 'react';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { JsonView } from '../../components/json-view';
import { ToolAnnotations, toolTitle } from '../tools/tool-annotations';
import { ServerName } from '../../components/server-name';

export function ConsoleHeader({ tool }: { tool: ToolInfo }) {
  const [showSchema, setShowSchema] = useState(false);
  const title = toolTitle(tool);
  return (
    <header className="console-header">
      <div className="console-title-row">
        <h2 className="console-title">
          <ServerName text={title} />
        </h2>
        {title !== tool.name ? (
          <code className="tool-name">
            <ServerName text={tool.name} />
          </code>
        ) : null}
        <ToolAnnotations tool={tool} />
        <span className="header-spacer" />
        <button
          type="button"
          className="button small"
          aria-pressed={showSchema}
          aria-expanded={showSchema}
          onClick={() => setShowSchema((v) => !v)}
        >
          {showSchema ? 'Hide schema' : 'View schema'}
        </button>
      </div>
      {tool.description ? <p className="tool-description">{tool.description}</p> : <p className="muted small">No description.</p>}
      {showSchema ? (
        <div className="schema-view">
          <h4>Input schema</h4>
          <JsonView value={tool.inputSchema} label="Input schema JSON" />
          {tool.outputSchema ? (
            <>
              <h4>Output schema</h4>
              <JsonView value={tool.outputSchema} label="Output schema JSON" />
            </>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
