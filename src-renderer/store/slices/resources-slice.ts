import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ResourceContents, ResourceReadOutcome } from '../../../src-shared/api/schemas/resource';
import { requestProblem } from '../../components/request-problem';
import type { WorkbenchState } from '../workbench-store';

/** What the Resources tab shows on the right: a listed (or linked) resource, or a template's form. */
export type ResourceSelection = { kind: 'resource'; uri: string } | { kind: 'template'; uriTemplate: string };

/** The last read of one URI in this window (kept while a new read runs). */
export interface ResourceRead {
  uri: string;
  reading: boolean;
  outcome?: ResourceReadOutcome;
  /** The read could not be made at all (not connected, server not ready): not an outcome. */
  error?: string;
  /** Contents embedded in a tool result or prompt, shown without reading the server. */
  embedded?: ResourceContents[];
}

export interface SubscriptionOp {
  pending: boolean;
  /** The last subscribe/unsubscribe failed: the server's answer, or why it could not be sent. */
  error?: string;
}

export interface ResourcesSlice {
  resourceSelection: Record<ServerId, ResourceSelection>;
  /** By resourceKey(serverId, uri). */
  resourceReads: Record<string, ResourceRead>;
  /** By resourceKey(serverId, uriTemplate): the values typed into the template's form. */
  templateValues: Record<string, Record<string, string>>;
  /** By resourceKey(serverId, uriTemplate): the URI its last Read expanded to. */
  templateLastUri: Record<string, string>;
  /** By resourceKey(serverId, uriTemplate): the engine refused to expand it. */
  templateErrors: Record<string, string>;
  /** By resourceKey(serverId, uri): re-read whenever the server says the resource changed. */
  autoReread: Record<string, true>;
  subscriptionOps: Record<string, SubscriptionOp>;
  resourcesRefreshing: Record<ServerId, boolean>;

  selectResource(serverId: ServerId, selection: ResourceSelection): void;
  readResource(serverId: ServerId, uri: string): Promise<void>;
  cancelRead(serverId: ServerId, uri: string): void;
  /** Show a URI in the Resources tab (from a resource_link or an embedded resource) and read it unless its contents came along. */
  openResource(serverId: ServerId, uri: string, embedded?: ResourceContents): void;
  setTemplateValue(serverId: ServerId, uriTemplate: string, name: string, value: string): void;
  /** Expand the template in the engine with the form's values, then read the URI it gives. */
  readTemplate(serverId: ServerId, uriTemplate: string): Promise<void>;
  /** The URI the engine expands a template to with these values (the live preview); rejects with the engine's reason. */
  expandTemplate(uriTemplate: string, variables: Record<string, string>): Promise<string>;
  setSubscribed(serverId: ServerId, uri: string, subscribed: boolean): Promise<void>;
  setAutoReread(serverId: ServerId, uri: string, on: boolean): void;
  /** List resources and templates again; the lists come back through resources.changed, failures as notices. */
  refreshResources(serverId: ServerId): Promise<void>;
}

export const resourceKey = (serverId: ServerId, uriOrTemplate: string) => `${serverId}\n${uriOrTemplate}`;

/** Reads kept in this window (a read may hold a megabyte of text): the oldest go first. */
export const MAX_KEPT_READS = 100;

/** The reads with `key` set to `read`, the oldest other entries dropped past MAX_KEPT_READS. */
function keepRead(reads: Record<string, ResourceRead>, key: string, read: ResourceRead): Record<string, ResourceRead> {
  const next = { ...reads, [key]: read };
  const keys = Object.keys(next);
  for (let i = 0; i < keys.length - MAX_KEPT_READS; i++) {
    const k = keys[i]!;
    if (k !== key && !next[k]!.reading) delete next[k];
  }
  return next;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const without = <T>(rec: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in rec)) return rec;
  const { [key]: _gone, ...rest } = rec;
  return rest;
};

export const createResourcesSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ResourcesSlice> =>
  (set, get) => {
    const controllers = new Map<string, AbortController>();
    const patchRead = (key: string, uri: string, patch: Partial<ResourceRead>) =>
      set((s) => ({ resourceReads: keepRead(s.resourceReads, key, { uri, reading: false, ...s.resourceReads[key], ...patch }) }));

    return {
      resourceSelection: {},
      resourceReads: {},
      templateValues: {},
      templateLastUri: {},
      templateErrors: {},
      autoReread: {},
      subscriptionOps: {},
      resourcesRefreshing: {},

      selectResource: (serverId, selection) => set((s) => ({ resourceSelection: { ...s.resourceSelection, [serverId]: selection } })),

      readResource: async (serverId, uri) => {
        const key = resourceKey(serverId, uri);
        controllers.get(key)?.abort();
        const ac = new AbortController();
        controllers.set(key, ac);
        patchRead(key, uri, { reading: true });
        try {
          const outcome = await api.call('resources.read', { serverId, uri }, { signal: ac.signal });
          if (controllers.get(key) !== ac) return; // a newer read of the same URI owns the entry
          patchRead(key, uri, { reading: false, outcome, error: undefined, embedded: undefined });
        } catch (e) {
          if (controllers.get(key) !== ac) return;
          patchRead(key, uri, { reading: false, error: message(e) });
        } finally {
          if (controllers.get(key) === ac) controllers.delete(key);
        }
      },
      cancelRead: (serverId, uri) => controllers.get(resourceKey(serverId, uri))?.abort(),

      openResource: (serverId, uri, embedded) => {
        set((s) => ({ activeTab: 'resources', resourceSelection: { ...s.resourceSelection, [serverId]: { kind: 'resource', uri } } }));
        if (embedded) {
          const key = resourceKey(serverId, uri);
          controllers.get(key)?.abort();
          set((s) => ({ resourceReads: keepRead(s.resourceReads, key, { uri, reading: false, embedded: [embedded] }) }));
        } else void get().readResource(serverId, uri);
      },

      setTemplateValue: (serverId, uriTemplate, name, value) => {
        const key = resourceKey(serverId, uriTemplate);
        set((s) => ({ templateValues: { ...s.templateValues, [key]: { ...s.templateValues[key], [name]: value } } }));
      },

      expandTemplate: async (uriTemplate, variables) => (await api.call('resources.expandTemplate', { uriTemplate, variables })).uri,

      readTemplate: async (serverId, uriTemplate) => {
        const key = resourceKey(serverId, uriTemplate);
        const variables = Object.fromEntries(Object.entries(get().templateValues[key] ?? {}).filter(([, v]) => v !== ''));
        let uri: string;
        try {
          ({ uri } = await api.call('resources.expandTemplate', { uriTemplate, variables }));
        } catch (e) {
          set((s) => ({ templateErrors: { ...s.templateErrors, [key]: message(e) } }));
          return;
        }
        set((s) => ({ templateLastUri: { ...s.templateLastUri, [key]: uri }, templateErrors: without(s.templateErrors, key) }));
        await get().readResource(serverId, uri);
      },

      setSubscribed: async (serverId, uri, subscribed) => {
        const key = resourceKey(serverId, uri);
        const setOp = (op: SubscriptionOp) => set((s) => ({ subscriptionOps: { ...s.subscriptionOps, [key]: op } }));
        setOp({ pending: true });
        try {
          // The subscription list itself comes back through resources.changed.
          const outcome = await api.call(subscribed ? 'resources.subscribe' : 'resources.unsubscribe', { serverId, uri });
          const problem = requestProblem(outcome);
          setOp(problem ? { pending: false, error: problem } : { pending: false });
        } catch (e) {
          setOp({ pending: false, error: message(e) });
        }
        if (!subscribed) get().setAutoReread(serverId, uri, false);
      },

      setAutoReread: (serverId, uri, on) => {
        const key = resourceKey(serverId, uri);
        set((s) => ({ autoReread: on ? { ...s.autoReread, [key]: true } : without(s.autoReread, key) }));
      },

      refreshResources: async (serverId) => {
        set((s) => ({ resourcesRefreshing: { ...s.resourcesRefreshing, [serverId]: true } }));
        try {
          const outcomes = await Promise.all([api.call('resources.list', { serverId }), api.call('resources.templates', { serverId })]);
          for (const o of outcomes) {
            const problem = requestProblem(o);
            // A server without templates may not implement resources/templates/list at all: no fault.
            if (problem && !(o.status === 'protocolError' && o.code === -32601 && o.method === 'resources/templates/list'))
              get().pushNotice('error', problem);
          }
        } catch (e) {
          get().pushNotice('error', `Could not list resources: ${message(e)}`);
        } finally {
          set((s) => ({ resourcesRefreshing: without(s.resourcesRefreshing, serverId) }));
        }
      },
    };
  };

const NO_VALUES: Record<string, string> = {};

export const resourcesSelectors = {
  selection: (serverId: ServerId) => (s: WorkbenchState) => s.resourceSelection[serverId],
  read: (serverId: ServerId, uri: string | undefined) => (s: WorkbenchState) =>
    uri === undefined ? undefined : s.resourceReads[resourceKey(serverId, uri)],
  templateValues: (serverId: ServerId, uriTemplate: string) => (s: WorkbenchState) =>
    s.templateValues[resourceKey(serverId, uriTemplate)] ?? NO_VALUES,
  templateLastUri: (serverId: ServerId, uriTemplate: string) => (s: WorkbenchState) =>
    s.templateLastUri[resourceKey(serverId, uriTemplate)],
  templateError: (serverId: ServerId, uriTemplate: string) => (s: WorkbenchState) => s.templateErrors[resourceKey(serverId, uriTemplate)],
  autoReread: (serverId: ServerId, uri: string) => (s: WorkbenchState) => s.autoReread[resourceKey(serverId, uri)] === true,
  subscriptionOp: (serverId: ServerId, uri: string) => (s: WorkbenchState) => s.subscriptionOps[resourceKey(serverId, uri)],
};
