import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { PromptInfo, PromptList } from '../../../src-shared/api/schemas/prompt';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ResourceInfo, ResourceList, ResourceTemplateInfo, ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { Clock } from '../base/clock';
import type { ServerConnection } from '../mcp/mcp-connection';
import { keptFreshNote, withFreshness, type ListHint } from '../mcp/cache-hints';
import { listPrompts, listResourceTemplates, listResources } from '../mcp/server-requests';

const LIST_TIMEOUT_MS = 30_000;

type Log = (level: 'info' | 'warning' | 'error', text: string) => void;

/**
 * What a server offers besides tools — resources, resource templates, prompts — as last listed,
 * kept fresh like the tool list: listed at start, again on list_changed, and whenever an explicit
 * list comes back. Only what the server advertises is asked for.
 */
export class ServerCatalog extends Disposable {
  private readonly _onDidChangeResources = this._register(new Emitter<ResourceList>());
  readonly onDidChangeResources = this._onDidChangeResources.event;
  private readonly _onDidChangePrompts = this._register(new Emitter<PromptList>());
  readonly onDidChangePrompts = this._onDidChangePrompts.event;
  private readonly _onDidUpdateResource = this._register(new Emitter<ResourceUpdate>());
  readonly onDidUpdateResource = this._onDidUpdateResource.event;

  private _resources: ResourceList;
  private _prompts: PromptList;
  private readonly subscriptions = new Set<string>();

  constructor(
    private readonly serverId: string,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    super();
    this._resources = { serverId, resources: [], resourceTemplates: [], pages: 0, templatePages: 0, listedAt: 0, subscriptions: [] };
    this._prompts = { serverId, prompts: [], pages: 0, listedAt: 0 };
  }

  get resources(): ResourceList {
    return this._resources;
  }
  get prompts(): PromptList {
    return this._prompts;
  }

  /** A new run of the server: it remembers none of our subscriptions. */
  reset(): void {
    this.subscriptions.clear();
    this.setResources({ subscriptions: [] });
  }

  /** List resources and templates if the server offers them. Failures are logged, never thrown. */
  async refreshResources(conn: ServerConnection, isCurrent: () => boolean, announce = true, keepFresh = false): Promise<void> {
    // Not offered (this run): empty lists, not what an earlier run of the server listed.
    if (!conn.serverInfo.capabilities.resources)
      return this.setResources({ resources: [], resourceTemplates: [], pages: 0, templatePages: 0, listedAt: 0 });
    const o = { timeoutMs: LIST_TIMEOUT_MS };
    const now = this.clock.now();
    const keptResources = keepFresh ? keptFreshNote('resources/list', this._resources.cache, now) : undefined;
    const keptTemplates = keepFresh ? keptFreshNote('resources/templates/list', this._resources.templateCache, now) : undefined;
    for (const note of [keptResources, keptTemplates]) if (note) this.log('info', note);
    if (keptResources && keptTemplates) return;
    const [resources, templates] = await Promise.all([
      keptResources ? undefined : listResources(conn, o),
      keptTemplates ? undefined : listResourceTemplates(conn, o),
    ]);
    if (!isCurrent()) return;
    if (resources?.status === 'ok') this.applyResources(resources.result, false);
    else if (resources) this.logFailure('resources/list', resources);
    if (templates?.status === 'ok') this.applyTemplates(templates.result, false);
    // A server with resources but no templates may not implement the method at all: that is no fault.
    else if (templates && !(templates.status === 'protocolError' && templates.code === ErrorCode.MethodNotFound))
      this.logFailure('resources/templates/list', templates);
    if (announce)
      this.log(
        'info',
        `resource list changed: ${this._resources.resources.length} resources, ${this._resources.resourceTemplates.length} templates`,
      );
    this._onDidChangeResources.fire(this._resources);
  }

  /** List prompts if the server offers them. Failures are logged, never thrown. */
  async refreshPrompts(conn: ServerConnection, isCurrent: () => boolean, announce = true, keepFresh = false): Promise<void> {
    if (!conn.serverInfo.capabilities.prompts) return this.applyPrompts({ prompts: [], pages: 0 });
    const kept = keepFresh ? keptFreshNote('prompts/list', this._prompts.cache, this.clock.now()) : undefined;
    if (kept) return this.log('info', kept);
    const prompts = await listPrompts(conn, { timeoutMs: LIST_TIMEOUT_MS });
    if (!isCurrent()) return;
    if (prompts.status !== 'ok') return this.logFailure('prompts/list', prompts);
    this.applyPrompts(prompts.result, false);
    if (announce) this.log('info', `prompt list changed: ${prompts.result.prompts.length} prompts`);
    this._onDidChangePrompts.fire(this._prompts);
  }

  applyResources(r: { resources: ResourceInfo[]; pages: number; cache?: ListHint }, fire = true): void {
    const listedAt = this.clock.now();
    const { cache: _old, ...rest } = this._resources;
    const cache = withFreshness(r.cache, listedAt);
    this._resources = { ...rest, ...(cache ? { cache } : {}) };
    this.setResources({ resources: r.resources, pages: r.pages, listedAt }, fire);
  }

  applyTemplates(r: { resourceTemplates: ResourceTemplateInfo[]; pages: number; cache?: ListHint }, fire = true): void {
    const listedAt = this.clock.now();
    const { templateCache: _old, ...rest } = this._resources;
    const templateCache = withFreshness(r.cache, listedAt);
    this._resources = { ...rest, ...(templateCache ? { templateCache } : {}) };
    this.setResources({ resourceTemplates: r.resourceTemplates, templatePages: r.pages, listedAt }, fire);
  }

  applyPrompts(r: { prompts: PromptInfo[]; pages: number; cache?: ListHint }, fire = true): void {
    const listedAt = this.clock.now();
    const cache = withFreshness(r.cache, listedAt);
    this._prompts = { serverId: this.serverId, prompts: r.prompts, pages: r.pages, listedAt, ...(cache ? { cache } : {}) };
    if (fire) this._onDidChangePrompts.fire(this._prompts);
  }

  /** The configuration changed (another URL, other credentials): no list is kept for its cache hint. */
  forgetCacheHints(): void {
    const { cache: _c, templateCache: _t, ...resources } = this._resources;
    this._resources = resources;
    const { cache: _p, ...prompts } = this._prompts;
    this._prompts = prompts;
  }

  noteSubscription(uri: string, subscribed: boolean): void {
    if (subscribed) this.subscriptions.add(uri);
    else this.subscriptions.delete(uri);
    this.setResources({ subscriptions: [...this.subscriptions] });
  }

  resourceUpdated(uri: string): void {
    this._onDidUpdateResource.fire({ serverId: this.serverId, uri, at: this.clock.now() });
  }

  private setResources(patch: Partial<ResourceList>, fire = true): void {
    this._resources = { ...this._resources, ...patch };
    if (fire) this._onDidChangeResources.fire(this._resources);
  }

  private logFailure(method: string, o: Exclude<RequestOutcome<unknown>, { status: 'ok' }>): void {
    const why = o.status === 'protocolError' ? `${o.message} (${o.code})` : o.status === 'crashed' ? o.message : o.status;
    this.log('error', `${method} failed: ${why}`);
  }
}
