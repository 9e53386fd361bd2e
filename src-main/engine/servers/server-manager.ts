import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { ApiError } from '../../../src-shared/api/errors';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import {
  ServerConfigInputSchema,
  type ConsentRequest,
  type ServerConfig,
  type ServerConfigInput,
  type ServerSummary,
} from '../../../src-shared/api/schemas/server';
import type { ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { SecretStore } from '../workspace/secret-store';
import { consentFingerprint, consentWarnings } from './consent';
import type { ConsentStore } from './consent-store';
import type { WorkspaceFile } from '../workspace/workspace-file';
import { ServerSession } from './server-session';
import { storeRemoteSecrets } from '../remote/remote-secrets';
import type { SessionDeps } from './session-deps';

/**
 * The workspace's servers: their configs (persisted) and their sessions (live). Every change
 * fires one event; the `servers.changed` stream turns it into a snapshot.
 */
export class ServerManager extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  /** `notifications/resources/updated` from any server. */
  private readonly _onDidUpdateResource = this._register(new Emitter<ResourceUpdate>());
  readonly onDidUpdateResource = this._onDidUpdateResource.event;
  private readonly byId = new Map<ServerId, ServerSession>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly file: WorkspaceFile,
    private readonly secrets: SecretStore,
    /** Without a store (tests, the CLI) every command counts as approved: whoever runs the CLI chose it. */
    private readonly consent?: ConsentStore,
  ) {
    super();
  }

  /** Load configs from the workspace file (without starting anything). */
  async load(): Promise<{ existed: boolean }> {
    const { servers, existed } = await this.file.load();
    for (const cfg of servers) this.attach(cfg);
    return { existed };
  }

  get workspaceProblem(): string | undefined {
    return this.file.problem;
  }

  /** The live sessions, for engine services that watch every server. */
  sessions(): ServerSession[] {
    return [...this.byId.values()];
  }

  /** The agreement a person must give before this server's command runs, or undefined when given. */
  consentNeeded(id: ServerId): ConsentRequest | undefined {
    const config = this.get(id).config;
    if (!this.consent || this.consent.isApproved(config)) return undefined;
    return { fingerprint: consentFingerprint(config), warnings: consentWarnings(config) };
  }

  /** Record a person's agreement to the command they reviewed (its fingerprint must still match). */
  async approve(id: ServerId, fingerprint: string): Promise<void> {
    const config = this.get(id).config;
    if (consentFingerprint(config) !== fingerprint) {
      throw new ApiError('Conflict', `the command of "${config.name}" changed since it was reviewed: review it again`);
    }
    await this.consent?.approve(config);
    this._onDidChange.fire();
  }

  list(): ServerSummary[] {
    return [...this.byId.values()].map((x) => this.summarize(x));
  }

  summary(id: ServerId): ServerSummary {
    return this.summarize(this.get(id));
  }

  get(id: ServerId): ServerSession {
    const s = this.byId.get(id);
    if (!s) throw new ApiError('NotFound', `no server with id "${id}" in this workspace`);
    return s;
  }

  has(id: ServerId): boolean {
    return this.byId.has(id);
  }

  /**
   * `approve: false` for configs no person typed (imports): they wait for a review of the whole
   * command line before their first start.
   */
  async add(input: ServerConfigInput, options: { approve?: boolean } = {}): Promise<ServerSummary> {
    const parsed = ServerConfigInputSchema.parse(input);
    const id = parsed.id ?? this.freeId(parsed.name);
    if (this.byId.has(id)) throw new ApiError('Conflict', `a server with id "${id}" already exists`);
    const config = await this.storeSecrets({ ...parsed, id });
    // Added through MCP Lab by a person (or seeded by us): approved as it is saved.
    if (options.approve !== false) await this.consent?.approve(config);
    const session = this.attach(config);
    await this.persist().catch((e) => {
      this.detach(session);
      throw e;
    });
    return this.summarize(session);
  }

  async update(config: ServerConfig): Promise<ServerSummary> {
    const session = this.get(config.id);
    const stored = await this.storeSecrets(config);
    const previous = session.config;
    await this.consent?.approve(stored);
    session.updateConfig(stored);
    await this.persist().catch((e) => {
      session.updateConfig(previous);
      throw e;
    });
    this._onDidChange.fire();
    return this.summarize(session);
  }

  async remove(id: ServerId): Promise<boolean> {
    const session = this.byId.get(id);
    if (!session) return false;
    await session.stop('removed');
    this.detach(session);
    await this.persist();
    await this.secrets.deleteServer(id);
    await this.consent?.forget(id);
    return true;
  }

  /**
   * A session the manager neither lists nor saves: test suites and lint runs that start their own
   * command. The caller stops and disposes it.
   */
  createDetachedSession(config: ServerConfig): ServerSession {
    return new ServerSession(config, this.deps);
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all([...this.byId.values()].map((s) => s.stop(reason)));
  }

  private attach(config: ServerConfig): ServerSession {
    const session = new ServerSession(config, this.deps);
    this.byId.set(config.id, session);
    session.onDidChange(() => this._onDidChange.fire());
    session.catalog.onDidUpdateResource((e) => this._onDidUpdateResource.fire(e));
    this._onDidChange.fire();
    return session;
  }

  private detach(session: ServerSession): void {
    this.byId.delete(session.id);
    session.dispose();
    this._onDidChange.fire();
  }

  private persist(): Promise<void> {
    return this.file.save([...this.byId.values()].map((s) => s.config));
  }

  /** Secret values go to the secret store; the config keeps only the key and the flag. */
  private async storeSecrets(config: ServerConfig): Promise<ServerConfig> {
    if (config.transport !== 'stdio') return storeRemoteSecrets(config, this.secrets);
    for (const e of config.env) if (e.secret && e.value !== undefined) await this.secrets.set(config.id, e.key, e.value);
    await this.secrets.retain(config.id, config.env.filter((e) => e.secret).map((e) => e.key));
    return { ...config, env: config.env.map((e) => (e.secret ? { key: e.key, secret: true } : e)) };
  }

  /** An id derived from the name that no server has (nor any id in `reserved`). */
  freeId(name: string, reserved: ReadonlySet<string> = new Set()): string {
    const base = idFromName(name);
    let id = base;
    for (let i = 2; this.byId.has(id) || reserved.has(id); i++) id = `${base}-${i}`;
    return id;
  }

  override dispose(): void {
    for (const s of this.byId.values()) s.dispose();
    this.byId.clear();
    super.dispose();
  }

  private summarize(s: ServerSession): ServerSummary {
    const consent = this.consentNeeded(s.id);
    return {
      config: s.config,
      status: s.status,
      ...(s.info ? { info: s.info } : {}),
      toolCount: s.tools?.tools.length ?? 0,
      restartCount: s.restartCount,
      ...(s.startedAt !== undefined ? { startedAt: s.startedAt } : {}),
      hints: s.hints,
      ...(s.health ? { health: s.health } : {}),
      ...(consent ? { consent } : {}),
      ...(s.envKeys ? { effectiveEnvKeys: s.envKeys } : {}),
      ...(s.declaredClientFeatures ? { declaredClientFeatures: s.declaredClientFeatures } : {}),
      ...(s.oauth ? { oauth: s.oauth } : {}),
    };
  }
}

/** The id a server of this name gets when it is free: lower case, letters, digits and dashes. */
export function idFromName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'server'
  );
}
