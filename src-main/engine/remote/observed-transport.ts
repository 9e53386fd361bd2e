import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

/**
 * Passes everything through to the SDK's HTTP transport, and lets the link see its errors first:
 * those transports never call `onclose` when the server goes away, they only report errors.
 */
export class ObservedTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];

  constructor(
    private readonly inner: Transport,
    private readonly onError: (e: Error) => void,
  ) {
    inner.onmessage = (msg: JSONRPCMessage, extra?: MessageExtraInfo) => this.onmessage?.(msg, extra);
    inner.onerror = (e) => {
      this.onError(e);
      this.onerror?.(e);
    };
    inner.onclose = () => this.onclose?.();
  }

  get sessionId() {
    return this.inner.sessionId;
  }

  setProtocolVersion(v: string): void {
    this.inner.setProtocolVersion?.(v);
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(msg: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.inner.send(msg, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
