import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import type { LintFinding, LintReport, LintRequest, LintRuleInfo } from '../../../src-shared/api/schemas/lint';
import { LintRequestSchema } from '../../../src-shared/api/schemas/lint';
import type { Clock } from '../base/clock';
import type { LogService } from '../logs/log-service';
import type { ServerManager } from '../servers/server-manager';
import type { LintConfig } from './lint-config';
import { LINT_RULES, RULES_BY_ID } from './lint-rules';
import { lintLists, type RawFinding } from './list-rules';
import { probeProtocol } from './protocol-probes';
import { probeDnsRebinding } from './rebinding-probe';
import { lintDeprecations } from './deprecations';
import { deprecationsOf } from '../servers/deprecated-uses';
import type { OAuthTraceStore } from '../remote/oauth-trace-store';
import { lintPythonSource } from './python-source';
import { findServerSources, pythonFor } from './source-files';
import { lintTsSource } from './ts-source';

/** A command with a folder in it (`.venv/bin/python`) is run from the server's cwd, so it is found there too. */
function commandPath(command: string, cwd: string): string {
  return /[\\/]/.test(command) ? path.resolve(cwd, command) : command;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The best-practice linter: the server's lists, its protocol behaviour, its source. */
export class Linter {
  constructor(
    private readonly servers: ServerManager,
    private readonly logs: LogService,
    private readonly config: LintConfig,
    private readonly clock: Clock,
    private readonly workspaceDir: string,
    /** Sign-ins of remote servers: how MCP Lab registered tells whether dynamic client registration is in use. */
    private readonly oauthTraces?: OAuthTraceStore,
  ) {}

  async rules(): Promise<LintRuleInfo[]> {
    const off = await this.config.disabled();
    return LINT_RULES.map((r) => ({ ...r, enabled: !off.has(r.id) }));
  }

  async setRule(ruleId: string, enabled: boolean): Promise<LintRuleInfo[]> {
    if (!RULES_BY_ID.has(ruleId))
      throw new ApiError('NotFound', `no lint rule "${ruleId}" (rules: ${LINT_RULES.map((r) => r.id).join(', ')})`);
    await this.config.set(ruleId, enabled);
    return this.rules();
  }

  async run(input: LintRequest): Promise<LintReport> {
    const { serverId, probes } = LintRequestSchema.parse(input);
    const session = this.servers.get(serverId);
    if (!session.readyConnection)
      throw new ApiError(
        'ServerNotReady',
        `server "${session.config.name}" is not running: start it, then lint (the linter reads its lists and talks to it)`,
      );
    const started = this.clock.monotonic();
    let disabled: Set<string>;
    try {
      disabled = await this.config.disabled();
    } catch (e) {
      throw new ApiError('Conflict', (e as Error).message);
    }
    const raw: RawFinding[] = [];
    const { resources, resourceTemplates } = session.catalog.resources;
    raw.push(...lintLists(session.tools?.tools ?? [], resources, resourceTemplates, session.catalog.prompts.prompts));
    if (probes) raw.push(...(await probeProtocol(session, this.logs)));
    if (probes && session.config.transport !== 'stdio') raw.push(...(await probeDnsRebinding(session.config, session.info?.era)));

    const cfg = session.config;
    const sources: LintReport['sources'] = [];
    // A remote server has no command line to find sources in: list and protocol rules only.
    if (cfg.transport !== 'stdio')
      sources.push({
        file: cfg.url,
        analyzed: false,
        note: 'a remote server (by URL) has no local source to read: list and protocol rules only',
      });
    const cmd = cfg.transport === 'stdio' ? cfg : { command: '', args: [], cwd: undefined };
    const cwd = path.resolve(this.workspaceDir, cmd.cwd ?? '.');
    for (const src of cmd.command ? findServerSources(cmd.command, cmd.args, cwd) : []) {
      const result =
        src.language === 'python'
          ? await lintPythonSource(pythonFor(commandPath(cmd.command, cwd)), src.file)
          : await lintTsSource(src.file);
      if ('note' in result) sources.push({ ...src, analyzed: false, note: result.note });
      else {
        sources.push({ ...src, analyzed: true });
        raw.push(...result.findings);
      }
    }
    if (!sources.length)
      sources.push({
        file: [cmd.command, ...cmd.args].join(' '),
        analyzed: false,
        note: `no source file found on the command line (looked in ${cwd}): list and protocol rules only`,
      });

    const deprecations = lintDeprecations(deprecationsOf(session, this.logs, this.oauthTraces), raw);
    const findings: LintFinding[] = raw
      .filter((f) => !f.feature && !disabled.has(f.ruleId))
      .map((f) => {
        const rule = RULES_BY_ID.get(f.ruleId)!;
        return { ...f, severity: rule.severity, category: rule.category, rationale: rule.rationale };
      })
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    return {
      serverId,
      ranAt: this.clock.now(),
      durationMs: Math.round(this.clock.monotonic() - started),
      findings,
      disabledRules: [...disabled],
      sources,
      counts,
      deprecations,
    };
  }
}
