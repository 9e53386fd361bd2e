import { DisposableStore } from '../../../src-shared/base/lifecycle';
import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import type { ClientRequestsHandle } from '../mcp/client-requests';
import type { ServerConnection } from '../mcp/connection-base';
import type { RemoteLink } from '../remote/remote-link';
import type { ServerProcess } from './server-process';

/**
 * What one run of a server owns: its process (or a remote server's link), its connection and
 * what answers the server's requests. Ending the run disposes all of it at once.
 */
export class SessionRun {
  private _store: DisposableStore | undefined;
  private _proc: ServerProcess | undefined;
  private _conn: ServerConnection | undefined;
  private _requests: ClientRequestsHandle | undefined;
  private _declared: ClientFeatureName[] | undefined;
  private _link: RemoteLink | undefined;

  get store() {
    return this._store;
  }
  get proc() {
    return this._proc;
  }
  get conn() {
    return this._conn;
  }
  get requests() {
    return this._requests;
  }
  /** The client features this run declared in `initialize`. */
  get declared() {
    return this._declared;
  }
  /** A remote server's connection for this run; undefined for a process. */
  get link() {
    return this._link;
  }

  /** End the previous run and begin one for a process. */
  beginProcess(): DisposableStore {
    this.end();
    this._store = new DisposableStore();
    return this._store;
  }

  /** End the previous run and begin one over a remote server's link (closed when the run ends). */
  beginRemote(link: RemoteLink): DisposableStore {
    this.end();
    const store = new DisposableStore();
    store.add({ dispose: () => void link.close() });
    store.add(link);
    this._store = store;
    this._link = link;
    return store;
  }

  adoptProcess(proc: ServerProcess): void {
    this._proc = proc;
  }

  adoptConnection(conn: ServerConnection, requests: ClientRequestsHandle | undefined, declared: ClientFeatureName[]): void {
    this._conn = conn;
    this._requests = requests;
    this._declared = declared;
  }

  end(): void {
    const store = this._store;
    this._store = undefined;
    this._conn = undefined;
    this._requests = undefined;
    this._declared = undefined;
    this._proc = undefined;
    this._link = undefined;
    store?.dispose();
  }
}
