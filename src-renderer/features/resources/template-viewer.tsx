import { useMemo } from 'react';
import type { ResourceTemplateInfo } from '../../../src-shared/api/schemas/resource';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { resourcesSelectors } from '../../store/slices/resources-slice';
import { ReadResult } from './read-result';
import { ResourceMeta } from './resource-meta';
import { TemplateField } from './template-field';
import { missingVariables, templateVariables } from './template-variables';
import { useExpandedUri } from './use-expanded-uri';
import { ServerName } from '../../components/server-name';

/** A resource template: one field per variable (with completions), the URI it expands to, Read, and the last read. */
export function TemplateViewer({ server, template }: { server: ServerSummary; template: ResourceTemplateInfo }) {
  const id = server.config.id;
  const uriTemplate = template.uriTemplate;
  const ready = server.status.state === 'ready';
  const vars = useMemo(() => templateVariables(uriTemplate), [uriTemplate]);
  const values = useWorkbench(resourcesSelectors.templateValues(id, uriTemplate));
  const lastUri = useWorkbench(resourcesSelectors.templateLastUri(id, uriTemplate));
  const expandError = useWorkbench(resourcesSelectors.templateError(id, uriTemplate));
  const read = useWorkbench(resourcesSelectors.read(id, lastUri));
  const { setTemplateValue, readTemplate, cancelRead, selectResource } = useActions();
  const preview = useExpandedUri(uriTemplate, values);
  const missing = missingVariables(vars, values);
  const reading = read?.reading ?? false;
  const canRead = ready && missing.length === 0 && !reading;
  const submit = () => {
    if (canRead) void readTemplate(id, uriTemplate);
  };
  const idBase = `tpl-${id}-${template.name}`.replace(/[^A-Za-z0-9_-]/g, '_');

  return (
    <div className="call-console resource-viewer">
      <header className="console-header">
        <div className="console-title-row">
          <h2 className="console-title">
            <ServerName text={template.title ?? template.name} />
          </h2>
          <span className="badge">template</span>
          <ResourceMeta mimeType={template.mimeType} annotations={template.annotations} />
        </div>
        <code className="resource-uri">{uriTemplate}</code>
        {template.description ? <p className="tool-description">{template.description}</p> : null}
      </header>
      <form
        className="args-editor template-form"
        aria-label="Template variables"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {vars.length === 0 ? <p className="muted">This template has no variables: it names one URI.</p> : null}
        <div className="form-root">
          {vars.map((v) => (
            <TemplateField
              key={v.name}
              server={server}
              uriTemplate={uriTemplate}
              variable={v}
              values={values}
              idBase={idBase}
              onChange={(value) => setTemplateValue(id, uriTemplate, v.name, value)}
              onSubmit={submit}
            />
          ))}
        </div>
        <div className="call-controls template-controls">
          <button type="submit" className="button primary call-button" disabled={!canRead}>
            {reading ? 'Reading…' : 'Read'}
          </button>
          {reading && lastUri ? (
            <button type="button" className="button" onClick={() => cancelRead(id, lastUri)}>
              Cancel
            </button>
          ) : null}
          <span className="expanded-uri small" aria-live="polite">
            {preview.uri !== undefined ? (
              <>
                <span className="muted">URI: </span>
                <code aria-label="Expanded URI">{preview.uri}</code>
              </>
            ) : null}
            {preview.error ? <span className="field-error">{preview.error}</span> : null}
          </span>
        </div>
        {missing.length > 0 ? <p className="muted small">Fill {missing.map((m) => `“${m}”`).join(', ')} to read.</p> : null}
        {!ready ? <p className="muted small">The server is {server.status.state}: start it to read.</p> : null}
        {expandError ? (
          <div className="args-problem error" role="alert">
            {expandError}
          </div>
        ) : null}
      </form>
      {lastUri && read ? (
        <>
          <p className="small read-uri-line">
            <span className="muted">Read </span>
            <code className="link-uri">{lastUri}</code>{' '}
            <button type="button" className="link-button" onClick={() => selectResource(id, { kind: 'resource', uri: lastUri })}>
              Open as a resource
            </button>
          </p>
          <ReadResult read={read} />
        </>
      ) : null}
    </div>
  );
}
