import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-shared/api/api-client';
import type { WireMessage } from '../../../src-shared/rpc/wire';
import { API_PROTOCOL_VERSION } from '../../../src-shared/api/contract';
import { tsFixture } from '../../helpers/fixtures';
import { isGone } from '../../helpers/processes';
import { startServeProcess } from '../../helpers/serve-process';
import { createWsClientPort, openSession } from '../../helpers/ws-client-port';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('browser mode against crafted frames', () => {
  it('answers calls and subscriptions named after Object.prototype members with errors and keeps serving', async () => {
    const serve = await startServeProcess([{ id: 'echo', name: 'Echo', transport: 'stdio', env: [], ...tsFixture('echo-server.ts') }]);
    try {
      const session = await openSession(serve.base, serve.token);
      const headers = { Origin: serve.base, Cookie: session.cookie };
      const api = createApiClient(createWsClientPort(`${serve.base.replace('http', 'ws')}/ws`, headers), { token: session.token });
      const [s] = await api.call('servers.list', {});
      await api.call('servers.approve', { serverId: 'echo', fingerprint: s!.consent!.fingerprint });
      const started = await api.call('servers.start', { serverId: 'echo' });
      expect(started.status.state).toBe('ready');
      const pid = started.status.state === 'ready' ? started.status.pid! : 0;

      // A second, raw connection sends what no API client would.
      const raw = createWsClientPort(`${serve.base.replace('http', 'ws')}/ws`, headers);
      const replies = new Map<number, WireMessage>();
      let welcomed = false;
      raw.onMessage((m) => {
        if (m.t === 'welcome') welcomed = true;
        if ((m.t === 'result' || m.t === 'subError') && m.id >= 9000) replies.set(m.id, m);
      });
      await new Promise<void>((resolve) => raw.onOpen(() => resolve()));
      raw.send({ t: 'hello', v: API_PROTOCOL_VERSION, token: session.token });
      const expected: number[] = [];
      let id = 9000;
      for (const name of PROTOTYPE_NAMES) {
        expected.push(id);
        raw.send({ t: 'call', id: id++, method: name, params: {} });
        expected.push(id);
        raw.send({ t: 'sub', id: id++, stream: name, params: {} });
      }
      // Every crafted frame gets its error reply, unless the process ends first.
      const outcome = await Promise.race([
        serve.exited.then((code) => `serve exited with ${code}: ${serve.stderr()}`),
        new Promise<string>((resolve) => {
          const check = () => (welcomed && expected.every((i) => replies.has(i)) ? resolve('answered') : setTimeout(check, 20));
          check();
        }),
      ]);
      expect(outcome).toBe('answered');
      for (const i of expected) {
        const r = replies.get(i)!;
        expect(r.t === 'result' ? !r.ok && r.error.code : r.t === 'subError' && r.error.code).toMatch(/^Unknown(Method|Stream)$/);
      }

      // The engine still serves the first connection, and the server it started still runs.
      const after = await api.call('servers.list', {});
      expect(after[0]!.status.state).toBe('ready');
      const echoed = await api.call('tools.call', { serverId: 'echo', toolName: 'echo', arguments: { text: 'still here' } });
      expect(echoed.status).toBe('ok');
      expect(isGone(pid)).toBe(false);
      raw.close();
      api.dispose();
    } finally {
      await serve.cleanup();
    }
  });
});
