import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { appUriOf, isAppOnlyTool, isAppResource } from './app-meta';

/** Marks in the tool list: the tool opens an App, or only Apps may call it. */
export function ToolAppBadges({ tool }: { tool: ToolInfo }) {
  const opensApp = appUriOf(tool._meta) !== undefined;
  const appOnly = isAppOnlyTool(tool);
  if (!opensApp && !appOnly) return null;
  return (
    <span className="badges app-badges">
      {opensApp ? (
        <span className="badge badge-app" title="Its result is shown with an MCP App (_meta.ui.resourceUri)">
          App
        </span>
      ) : null}
      {appOnly ? (
        <span className="badge badge-app-only" title='Only MCP Apps call it (_meta.ui.visibility: ["app"]): hosts keep it from the model'>
          App-only
        </span>
      ) : null}
    </span>
  );
}

/** Marks an MCP App's `ui://` resource in the resource list. */
export function ResourceAppBadge({ resource }: { resource: { uri: string; mimeType?: string } }) {
  return isAppResource(resource) ? (
    <span className="badge badge-app" title="An MCP App: open it to render it">
      App
    </span>
  ) : null;
}
