import type { ReactNode } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { MainTab } from '../../store/slices/ui-slice';
import { DashboardView } from '../dashboard/dashboard-view';
import { LoadTab } from '../load/load-tab';
import { LogsTab } from '../logs/logs-tab';
import { PromptsTab } from '../prompts/prompts-tab';
import { ResourcesTab } from '../resources/resources-tab';
import { InfoTab } from '../server-info/info-tab';
import { ToolsTab } from '../tools/tools-tab';
import { TestingTab } from '../testing/testing-tab';
import { HistoryTab } from '../history/history-tab';
import { TasksTab } from '../tasks/tasks-tab';

/**
 * What each of a server's views shows. A new view adds its id to MAIN_TABS (its place and key) and its
 * entry here, which the compiler then asks for.
 */
export const SERVER_TABS: Record<MainTab, { label: string; render(server: ServerSummary): ReactNode }> = {
  tools: { label: 'Tools', render: (server) => <ToolsTab server={server} /> },
  logs: { label: 'Logs', render: (server) => <LogsTab serverId={server.config.id} /> },
  dashboard: { label: 'Dashboard', render: (server) => <DashboardView serverId={server.config.id} /> },
  load: { label: 'Load', render: (server) => <LoadTab server={server} /> },
  resources: { label: 'Resources', render: (server) => <ResourcesTab server={server} /> },
  prompts: { label: 'Prompts', render: (server) => <PromptsTab server={server} /> },
  info: { label: 'Info', render: (server) => <InfoTab server={server} /> },
  tests: { label: 'Tests', render: (server) => <TestingTab server={server} /> },
  history: { label: 'History', render: (server) => <HistoryTab server={server} /> },
  tasks: { label: 'Tasks', render: (server) => <TasksTab server={server} /> },
};
