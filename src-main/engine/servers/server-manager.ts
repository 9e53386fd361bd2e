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
  type ServerUpdate,
} from '../../../src-shared/api/schemas/server';
import type { ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { WorkspaceConfigStatus } from '../../../src-shared/api/schemas/config-status';
import type { WorkspaceSecrets } from '../workspace/secret-store';
import { consentFingerprint, consentWarnings } from './consent';
import type { ConsentStore } from './consent-store';
import type { WorkspaceFile } from '../workspace/workspace-file';
import { ServerSession } from './server-session';
import type { SessionDeps } from './session-deps';
import { configVersion, sameConfig } from './config-version';
import { secretKeysOf, secretProblem, storeServerSecrets } from './server-secrets';

/**
 * The workspace's servers: their configs (persisted) and their sessions (live). Every change
 * fires one event; the `servers.changed` stream turns it into a snapshot.
 *
 * mcp-lab.json is edited by people too: changes to it (and reloads of it) go one at a time, a
 * save goes through only while the file holds what was last read (otherwise it is a conflict and
 * the file is read again), and what the file says after an outside edit replaces what is in
 * memory (see reloadFromDisk).
 */
export class ServerManager extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  /** `notifications/resources/updated` from any server. */
  private readonly _onDidUpdateResource = this._register(new Emitter<ResourceUpdate>());
  readonly onDidUpdateResource = this._onDidUpdateResource.event;
  /** mcp-lab.json became readable or unreadable, or the secret store did. */
  private readonly _onDidChangeConfigStatus = this._register(new Emitter<void>());
  readonly onDidChangeConfigStatus = this._onDidChangeConfigStatus.event;
  /** mcp-lab.json was written (the first save also creates the workspace folder). */
  private readonly _onDidSaveFile = this._register(new Emitter<void>());
  readonly onDidSaveFile = this._onDidSaveFile.event;
  private byId = new Map<ServerId, ServerSession>();
  /** Changes to mcp-lab.json, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: SessionDeps,
    private readonly file: WorkspaceFile,
    private readonly secrets: WorkspaceSecrets,
    /** Without a store (tests, the CLI) every command counts as approved: whoever runs the CLI chose it. */
    private readonly consent?: ConsentStore,
  ) {
    super();
    this._register(
      secrets.store.onDidChange(() => {
        this._onDidChangeConfigStatus.fire();
        this._onDidChange.fire();
      }),
    );
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

  configStatus(): WorkspaceConfigStatus {
    return { file: this.file.file, ...(this.file.problem ? { problem: this.file.problem } : {}), secrets: this.secrets.store.status };
  }

  /**
   * mcp-lab.json changed on disk (another editor, git, MCP Lab's own editor): what it says now
   * replaces what is in memory. New servers appear (their command is reviewed before it runs),
   * removed ones stop, changed ones take the new settings: a running one keeps the settings it
   * started with until it is restarted (`configChangedOnDisk`), and a changed command is reviewed
   * again. A file that cannot be read leaves the servers as they are and blocks saves until fixed.
   * Nothing here writes: secrets and approvals of servers that left the file stay (a checkout may
   * bring them back).
   */
  reloadFromDisk(): Promise<void> {
    return this.serial(async () => {
      const hadProblem = this.file.problem;
      const content = await this.file.readIfChanged();
      if (!content) return;
      if (content.problem !== undefined) {
        if (content.problem !== hadProblem) this._onDidChangeConfigStatus.fire();
        return;
      }
      if (hadProblem) this._onDidChangeConfigStatus.fire();
      await this.applyFromDisk(content.servers);
    });
  }

  private async applyFromDisk(configs: ServerConfig[]): Promise<void> {
    const next = new Map<ServerId, ServerSession>();
    for (const cfg of configs) {
      if (next.has(cfg.id)) continue; // an id listed twice: the first entry counts
      const session = this.byId.get(cfg.id);
      if (!session) {
        next.set(cfg.id, this.attach(cfg, false));
        this.note(cfg.id, 'info', 'added to mcp-lab.json outside MCP Lab');
        continue;
      }
      next.set(cfg.id, session);
      if (sameConfig(session.config, cfg)) continue;
      const commandChanged = consentFingerprint(session.config) !== consentFingerprint(cfg);
      session.updateConfig(cfg, 'disk');
      const review =
        commandChanged && this.consent && !this.consent.isApproved(cfg)
          ? ' Its command changed: it is shown for review before it runs again.'
          : '';
      this.note(
        cfg.id,
        'info',
        `mcp-lab.json changed its settings outside MCP Lab.${session.configChangedOnDisk ? ' This run keeps the settings it started with: restart to apply them.' : ''}${review}`,
      );
    }
    const gone = [...this.byId.values()].filter((s) => !next.has(s.id));
    this.byId = next;
    for (const s of gone) {
      this.note(s.id, 'info', 'removed from mcp-lab.json outside MCP Lab');
      await s.stop('removed from mcp-lab.json');
      s.dispose();
    }
    this._onDidChange.fire();
  }

  private note(id: ServerId, level: 'info' | 'warning', text: string): void {
    this.deps.logs.append(id, { source: 'lifecycle', level, text });
  }

  /** Secrets an earlier MCP Lab saved under this server id alone: a person says whether they belong here. */
  async resolveSetAside(id: ServerId, use: boolean): Promise<ServerSummary> {
    this.get(id);
    await this.secrets.resolveSetAside(id, use);
    this._onDidChange.fire();
    return this.summary(id);
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
  add(input: ServerConfigInput, options: { approve?: boolean } = {}): Promise<ServerSummary> {
    return this.serial(async () => {
      const parsed = ServerConfigInputSchema.parse(input);
      // Before anything is stored: a file changed on disk is read first, and its ids count.
      await this.checkFileCurrent();
      const id = parsed.id ?? this.freeId(parsed.name);
      if (this.byId.has(id)) throw new ApiError('Conflict', `a server with id "${id}" already exists`);
      const config = await storeServerSecrets({ ...parsed, id }, this.secrets);
      // Added through MCP Lab by a person (or seeded by us): approved as it is saved.
      if (options.approve !== false) await this.consent?.approve(config);
      const session = this.attach(config);
      await this.persist().catch((e) => {
        this.detach(session);
        throw e;
      });
      return this.summarize(session);
    });
  }

  update(input: ServerUpdate): Promise<ServerSummary> {
    const { baseVersion, ...config } = input;
    return this.serial(async () => {
      await this.checkFileCurrent();
      const session = this.get(config.id);
      if (baseVersion !== undefined && baseVersion !== configVersion(session.config)) {
        throw new ApiError(
          'Conflict',
          `The settings of "${session.config.name}" changed in mcp-lab.json (outside MCP Lab) while you were editing them, so your edit was not saved. Open them again to see what changed, then make your edit again.`,
        );
      }
      const stored = await storeServerSecrets(config as ServerConfig, this.secrets);
      const previous = session.config;
      await this.consent?.approve(stored);
      session.updateConfig(stored);
      await this.persist().catch((e) => {
        session.updateConfig(previous);
        throw e;
      });
      this._onDidChange.fire();
      return this.summarize(session);
    });
  }

  remove(id: ServerId): Promise<boolean> {
    return this.serial(async () => {
      await this.checkFileCurrent();
      const session = this.byId.get(id);
      if (!session) return false;
      await session.stop('removed');
      this.detach(session);
      // If the file changed meanwhile, the save is refused and the reload brings the server back.
      await this.persist();
      await this.secrets.deleteServer(id);
      await this.consent?.forget(id);
      return true;
    });
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

  private attach(config: ServerConfig, register = true): ServerSession {
    const session = new ServerSession(config, this.deps);
    if (register) this.byId.set(config.id, session);
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

  private async persist(): Promise<void> {
    try {
      await this.file.save([...this.byId.values()].map((s) => s.config));
      this._onDidSaveFile.fire();
    } catch (e) {
      // Changed on disk since it was read: refused, and what the file holds now is loaded next.
      if (e instanceof ApiError && e.code === 'Conflict' && !this.file.problem) void this.reloadFromDisk().catch(() => undefined);
      throw e;
    }
  }

  /** Refuse a change while mcp-lab.json holds something else than what was last read (and read it). */
  private async checkFileCurrent(): Promise<void> {
    if (this.file.problem) throw new ApiError('Conflict', this.file.problem);
    if (await this.file.changedOnDisk()) {
      void this.reloadFromDisk().catch(() => undefined);
      throw this.file.conflict();
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
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
      ...this.secretFacts(s.config),
      ...(s.configChangedOnDisk ? { configChangedOnDisk: true } : {}),
      configVersion: configVersion(s.config),
    };
  }

  private secretFacts(config: ServerConfig): Pick<ServerSummary, 'secretsProblem' | 'secretsSetAside'> {
    const problem = secretProblem(config, this.secrets);
    const waiting = this.secrets.waiting(config.id, secretKeysOf(config).all);
    return { ...(problem ? { secretsProblem: problem } : {}), ...(waiting.length ? { secretsSetAside: waiting } : {}) };
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
