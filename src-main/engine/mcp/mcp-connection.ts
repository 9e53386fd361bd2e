import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ServerInfo } from '../../../src-shared/api/schemas/server';
import { APP_VERSION } from '../../../src-shared/version';
import { ServerConnection, type AnyProtocol, type McpConnectionOptions } from './connection-base';
import { sdkClasses } from './sdk-classes';
import { sdkSchemaValidator } from './sdk-schema-validator';

export type { ExitFacts } from './request-outcome';
export { ServerConnection, type CallRequest, type McpConnectionOptions, type RequestOptions } from './connection-base';

export const CLIENT_INFO = { name: 'mcp-lab', title: 'MCP Lab', version: APP_VERSION };

/**
 * A session with a server of the initialize era (2024-11-05 … 2025-11-25): the SDK `Client` does
 * the handshake; everything else is the shared connection.
 */
export class McpConnection extends ServerConnection {
  readonly era = 'initialize' as const;
  /** How MCP Lab came to speak this era (shown in the server's info). */
  eraReason: string | undefined;

  constructor(
    readonly client: Client,
    tap: ConstructorParameters<typeof ServerConnection>[1],
    options: McpConnectionOptions,
    /** The transport the handshake runs over (the tap itself, or a pinning layer above it). */
    private readonly wire: Transport = tap,
  ) {
    super(client as unknown as AnyProtocol, tap, options);
  }

  /** After `loadSdkClasses()` has resolved. */
  static create(
    transport: ConstructorParameters<typeof ServerConnection>[1],
    options: McpConnectionOptions,
    wire?: Transport,
  ): McpConnection {
    const client = new (sdkClasses().Client)(CLIENT_INFO, {
      capabilities: options.capabilities ?? {},
      jsonSchemaValidator: sdkSchemaValidator,
    });
    return new McpConnection(client, transport, options, wire);
  }

  /** The initialize handshake, bounded. Throws the SDK's error; the session turns it into a status. */
  async handshake(timeoutMs: number): Promise<void> {
    await this.client.connect(this.wire, { timeout: timeoutMs, maxTotalTimeout: timeoutMs });
  }

  get serverInfo(): ServerInfo {
    const v = this.client.getServerVersion();
    const info: ServerInfo = {
      name: v?.name ?? '(unnamed)',
      version: v?.version ?? '',
      capabilities: (this.client.getServerCapabilities() ?? {}) as Record<string, unknown>,
      era: 'initialize',
    };
    if (v?.title) info.title = v.title;
    // The SDK hands the negotiated version to the transport; the tap remembers it.
    if (this.tap.protocolVersion) info.protocolVersion = this.tap.protocolVersion;
    if (this.eraReason) info.eraReason = this.eraReason;
    const instr = this.client.getInstructions();
    if (instr) info.instructions = instr;
    return info;
  }
}
