import type { WireMessage } from '../../../src-shared/rpc/wire';

/** Messages between Electron main and the engine's utility process. */
export type MainToEngineMessage =
  | { t: 'open'; channel: number }
  | { t: 'msg'; channel: number; msg: WireMessage }
  | { t: 'close'; channel: number }
  | { t: 'shutdown' }
  /** Main's answer to a crypt request: sealed or opened text, or why it could not. */
  | { t: 'cryptResult'; id: number; ok: true; text: string }
  | { t: 'cryptResult'; id: number; ok: false; error: string };

export type EngineHostMessage =
  | { t: 'ready' }
  | { t: 'msg'; channel: number; msg: WireMessage }
  | { t: 'closed'; channel: number }
  | { t: 'shutdownComplete' }
  /** Seal or open a secret with Electron safeStorage (main only has it); 'probe' asks whether it works here. */
  | { t: 'crypt'; id: number; op: 'encrypt' | 'decrypt' | 'probe'; text: string };
