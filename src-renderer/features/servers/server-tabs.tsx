import type { ReactNode } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { MainTab } from '../../store/slices/ui-slice';
import { DashboardView } from '../dashboard/dashboard-view';
import { LogsTab } from '../logs/logs-tab';
import { ToolsTab } from '../tools/tools-tab';

/**
 * The views of a server, in the order of MAIN_TABS (which gives them their Ctrl/Cmd+N keys). A new
 * feature adds its id to MAIN_TABS and one entry here.
 */
export const SERVER_TABS: Record<MainTab, { label: string; render(server: ServerSummary): ReactNode }> = {
  tools: { label: 'Tools', render: (server) => <ToolsTab server={server} /> },
  logs: { label: 'Logs', render: (server) => <LogsTab serverId={server.config.id} /> },
  dashboard: { label: 'Dashboard', render: (server) => <DashboardView serverId={server.config.id} /> },
};
