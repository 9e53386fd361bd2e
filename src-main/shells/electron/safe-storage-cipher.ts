import type { SecretCipher } from '../../engine/workspace/secret-store';
import type { EngineHostMessage, MainToEngineMessage } from './engine-host-protocol';

interface ParentPort {
  on(event: 'message', cb: (e: { data: MainToEngineMessage }) => void): void;
  postMessage(m: EngineHostMessage): void;
}

/**
 * Secrets sealed by the OS keychain through Electron safeStorage. Only the main process has
 * safeStorage; the engine (a utility process) asks it over the parent port. Resolves to undefined
 * when safeStorage cannot encrypt here (a Linux desktop without a keyring): the caller then keeps
 * the 0600 file, as in browser mode, and says so.
 */
export async function safeStorageCipher(port: ParentPort, timeoutMs = 5000): Promise<SecretCipher | undefined> {
  let next = 1;
  const waiting = new Map<number, { resolve(t: string): void; reject(e: Error): void }>();
  port.on('message', ({ data }) => {
    if (data.t !== 'cryptResult') return;
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    if (data.ok) w.resolve(data.text);
    else w.reject(new Error(data.error));
  });
  const ask = (op: 'encrypt' | 'decrypt' | 'probe', text: string) =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the main process did not answer a safeStorage request'));
      }, timeoutMs);
      waiting.set(id, {
        resolve: (t) => (clearTimeout(timer), resolve(t)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      port.postMessage({ t: 'crypt', id, op, text });
    });
  try {
    await ask('probe', '');
  } catch {
    return undefined;
  }
  return { name: 'electron-safeStorage', encrypt: (t) => ask('encrypt', t), decrypt: (t) => ask('decrypt', t) };
}
