/** Messages between Electron main and the engine's utility process (API traffic never passes here). */
export type MainToEngineMessage =
  /** A window's channel: the message's first transferred port is the engine's end of it. */
  | { t: 'connect' }
  | { t: 'shutdown' }
  /** Main's answer to a crypt request: sealed or opened text, or why it could not. */
  | { t: 'cryptResult'; id: number; ok: true; text: string }
  | { t: 'cryptResult'; id: number; ok: false; error: string };

export type EngineHostMessage =
  | { t: 'ready' }
  | { t: 'shutdownComplete' }
  /** Seal or open a secret with Electron safeStorage (main only has it); 'probe' asks whether it works here. */
  | { t: 'crypt'; id: number; op: 'encrypt' | 'decrypt' | 'probe'; text: string };
