import type { HistoryEntry } from '../../../src-shared/api/schemas/history';
import type { LoadRun } from '../../../src-shared/api/schemas/load';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import { SESSION_FORMAT, type SessionExport, type SessionFile } from '../../../src-shared/api/schemas/session-file';
import { APP_VERSION } from '../../../src-shared/version';
import type { Clock } from '../base/clock';
import type { HistoryService } from '../history/history-service';
import type { LoadRunStore } from '../load/load-run-store';
import type { LogService } from '../logs/log-service';
import { REDACTED, createScrubber } from '../logs/redaction';
import { HttpMasker } from '../remote/http-masking';
import type { NetworkStore } from '../remote/network-store';
import type { ServerManager } from '../servers/server-manager';
import { secretKeysOf } from '../servers/server-secrets';
import type { SessionDeps } from '../servers/session-deps';
import { surfaceOf } from '../surface/surface-service';

export interface SessionExportDeps {
  servers: ServerManager;
  logs: LogService;
  history: HistoryService;
  loadRuns: LoadRunStore;
  network: NetworkStore;
  secrets: SessionDeps['secrets'];
  clock: Clock;
}

/** Env and header values of secret entries are not in the config (the store has them); other credential-like headers are masked too. */
function redactedConfig(config: ServerConfig): Record<string, unknown> {
  if (config.transport === 'stdio')
    return { ...config, env: config.env.map((e) => (e.secret ? { key: e.key, secret: true, value: REDACTED } : e)) };
  const masker = new HttpMasker();
  return {
    ...config,
    headers: config.headers.map((h) =>
      h.secret
        ? { key: h.key, secret: true, value: REDACTED }
        : { ...h, ...(h.value !== undefined ? { value: masker.header(h.key, h.value) } : {}) },
    ),
  };
}

async function historyOf(history: HistoryService, serverId: string): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  let before: number | undefined;
  do {
    const page = history.list({ serverId, limit: 500, ...(before !== undefined ? { before } : {}) });
    for (const s of page.entries) {
      try {
        out.push(history.get(s.id));
      } catch {
        // fell out while we read: nothing to export
      }
    }
    before = page.nextBefore;
  } while (before !== undefined);
  return out.reverse(); // oldest first, like the log
}

/**
 * One server's session as a file. Everything in it is scrubbed with the log's redaction, for the
 * values the log blanks out and every secret this workspace keeps for the server (asked again
 * here: a server never started in this window has given the log none).
 */
export async function exportSession(d: SessionExportDeps, serverId: string): Promise<SessionExport> {
  const session = d.servers.get(serverId);
  const config = session.config;
  const secretValues = [...d.logs.secretsOf(serverId)];
  for (const key of secretKeysOf(config).all) {
    const v = d.secrets.get(serverId, key);
    if (v) secretValues.push(v);
  }
  const runs: LoadRun[] = [];
  for (const r of await d.loadRuns.list()) {
    if (r.spec.serverId !== serverId) continue;
    const run = await d.loadRuns.get(r.runId);
    if (run) runs.push(run);
  }
  const file: SessionFile = {
    format: SESSION_FORMAT,
    formatVersion: 1,
    exportedAt: d.clock.now(),
    appVersion: APP_VERSION,
    server: {
      name: config.name,
      config: redactedConfig(config),
      ...(session.info ? { info: session.info } : {}),
      state: session.status.state,
    },
    ...(session.info ? { surface: surfaceOf(session) } : {}),
    log: d.logs.since(serverId, 0).entries,
    history: await historyOf(d.history, serverId),
    loadRuns: runs,
    network: d.network.list(serverId),
  };
  const scrub = createScrubber(secretValues);
  const clean = scrub ? scrub.value(file) : file;
  const day = new Date(file.exportedAt).toISOString().slice(0, 10);
  return { fileName: `${config.id}-session-${day}.mcplab-session.json`, text: JSON.stringify(clean, null, 2) + '\n' };
}
