import type { DiscoverResultSchema, SubscriptionFilterSchema } from '@modelcontextprotocol/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Notification, Request, Result } from '@modelcontextprotocol/sdk/types.js';

/** The SDK's request/response machinery without a handshake (2026-07-28: every request stands alone). */
export type StatelessProtocol = Protocol<Request, Notification, Result>;

export interface SdkClasses {
  Client: typeof Client;
  StatelessProtocol: new () => StatelessProtocol;
  /** The 2026-07-28 shapes MCP Lab checks, as the SDK's 2.x schema package defines them. */
  schemas: { DiscoverResult: typeof DiscoverResultSchema; SubscriptionFilter: typeof SubscriptionFilterSchema };
}

let loading: Promise<SdkClasses> | undefined;
let loaded: SdkClasses | undefined;

/**
 * The SDK's client classes load when a connection is about to be made, not with the engine. A
 * process is spawned first and these load while it boots: loading them (the SDK's protocol layer,
 * its Ajv and its zod 3 compatibility) costs about as long as a small server takes to start, so a
 * one-shot CLI run waits for the longer of the two instead of both in turn. The 2.x schema
 * package (the 2026-07-28 shapes) loads with them, for the same reason.
 */
export function loadSdkClasses(): Promise<SdkClasses> {
  return (loading ??= Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/shared/protocol.js'),
    import('@modelcontextprotocol/core'),
  ]).then(([client, protocol, core]) => {
    class Stateless extends protocol.Protocol<Request, Notification, Result> {
      protected assertCapabilityForMethod(): void {}
      protected assertNotificationCapability(): void {}
      protected assertRequestHandlerCapability(): void {}
      protected assertTaskCapability(): void {}
      protected assertTaskHandlerCapability(): void {}
    }
    return (loaded = {
      Client: client.Client,
      StatelessProtocol: Stateless,
      schemas: { DiscoverResult: core.DiscoverResultSchema, SubscriptionFilter: core.SubscriptionFilterSchema },
    });
  }));
}

/** The classes, once `loadSdkClasses()` has resolved (every connect path awaits it first). */
export function sdkClasses(): SdkClasses {
  if (!loaded) throw new Error('the MCP SDK is not loaded yet: await loadSdkClasses() before making a connection');
  return loaded;
}
