import type { WireMessage } from '../../../src-shared/rpc/wire';

/** Messages between Electron main and the engine's utility process. */
export type MainToEngineMessage =
  | { t: 'open'; channel: number }
  | { t: 'msg'; channel: number; msg: WireMessage }
  | { t: 'close'; channel: number }
  | { t: 'shutdown' };

export type EngineHostMessage =
  | { t: 'ready' }
  | { t: 'msg'; channel: number; msg: WireMessage }
  | { t: 'closed'; channel: number }
  | { t: 'shutdownComplete' };
