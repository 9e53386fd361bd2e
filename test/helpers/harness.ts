import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach, expect } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../src-shared/api/api-client';
import type { CallCapability } from '../../src-shared/api/contract';
import { createLinkedPorts } from '../../src-shared/rpc/in-memory-port';
import { createEngineWithServices, type Engine, type EngineOptions, type EngineServices } from '../../src-main/engine/create-engine';
import { serveApi } from '../../src-main/rpc/serve-api';
import { MemorySecretStore } from '../../src-main/engine/workspace/secret-store';
import type { LogEntry } from '../../src-shared/api/schemas/log';
import type { ServerConfigInput, ServerSummary } from '../../src-shared/api/schemas/server';

export interface Harness {
  /** The engine and, for arranging what a contract call cannot, its services. */
  engine: Engine & EngineServices;
  api: ApiClient;
  workspaceDir: string;
  dispose(): Promise<void>;
}

/**
 * The engine behind the real dispatcher and API client, over linked in-memory ports. The connection
 * may do what a window may, and what `capabilities` add (the CLI's connection has them all).
 */
export async function startHarness(
  options: Partial<EngineOptions> = {},
  { capabilities = [] }: { capabilities?: CallCapability[] } = {},
): Promise<Harness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-test-'));
  const workspaceDir = options.workspaceDir ?? path.join(root, 'ws');
  const engine = await createEngineWithServices({
    workspaceDir,
    appDataDir: path.join(root, 'app'),
    host: 'test',
    secrets: new MemorySecretStore(),
    handshakeTimeoutMs: 10_000,
    ...options,
  });
  const [clientPort, serverPort] = createLinkedPorts();
  const served = serveApi(serverPort, engine.handlers, engine.streams, { origin: 'in-memory', capabilities });
  const api = createApiClient(clientPort, { validateResults: true });
  return {
    engine,
    api,
    workspaceDir,
    async dispose() {
      api.dispose();
      served.dispose();
      await engine.shutdown();
      // A file a just-ended child flushed on its way out can land while the tree is removed (ENOTEMPTY): retried.
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/**
 * A fresh engine for every test of the file, disposed after it. Returns a stand-in that always
 * points at the current test's harness, so tests write `h.api…` as with their own variable.
 */
export function harnessForEachTest(options: Partial<EngineOptions> = {}): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current) throw new Error('the harness exists only while a test runs (use it inside it/beforeEach)');
      return current[key as keyof Harness];
    },
  });
}

/** Add a server, start it, expect it ready; its id. */
export async function readyServerId(h: Harness, input: ServerConfigInput): Promise<string> {
  const s = await addAndStart(h, input);
  expect(s.status.state).toBe('ready');
  return s.config.id;
}

/** Collect a stream's events until `pred` holds (or time runs out, which fails the test with what was seen). */
export function waitForEvent<T>(
  subscribe: (cb: (e: T) => void) => { dispose(): void },
  pred: (e: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const seen: T[] = [];
    let sub: { dispose(): void } | undefined;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms; last events: ${JSON.stringify(seen.slice(-3)).slice(0, 2000)}`));
    }, timeoutMs);
    sub = subscribe((e) => {
      if (done) return;
      seen.push(e);
      if (pred(e)) {
        done = true;
        clearTimeout(timer);
        queueMicrotask(() => sub?.dispose());
        resolve(e);
      }
    });
  });
}

/** Add a server and start it; returns the summary after the start settled (ready or failed). */
export async function addAndStart(h: Harness, input: ServerConfigInput): Promise<ServerSummary> {
  const added = await h.api.call('servers.add', input);
  return h.api.call('servers.start', { serverId: added.config.id });
}

/**
 * Follow a server's log (replay, then live) until an entry matches; entries may arrive across
 * several batches. Resolves with the entries seen up to and including the first match (last).
 */
export async function waitForLog(
  h: Harness,
  serverId: string | undefined,
  pred: (e: LogEntry) => boolean,
  timeoutMs = 10_000,
): Promise<LogEntry[]> {
  const seen: LogEntry[] = [];
  await waitForEvent<{ entries: LogEntry[] }>(
    (cb) => h.api.subscribe('logs.appended', { ...(serverId ? { serverId } : {}), afterSeq: 0 }, cb),
    (b) => {
      for (const e of b.entries) {
        seen.push(e);
        if (pred(e)) return true;
      }
      return false;
    },
    timeoutMs,
  );
  return seen;
}
