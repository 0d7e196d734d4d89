/**
 * A CouchDB-compatible test server: express-pouchdb over PouchDB's memory adapter, bound to
 * 127.0.0.1 on an ephemeral port, admin party off (one server admin). In front of it sits a
 * fault-injecting HTTP proxy (also on 127.0.0.1) that tests point their clients at.
 *
 * With COUCH_URL set (`COUCH_URL=http://admin:password@127.0.0.1:5984 npm run test:sync`, or the
 * admin in COUCH_ADMIN=name:password), the same proxy fronts that real CouchDB 3 instead: each
 * call gets a database of its own (`caseline-test-<random>`, deleted by `stop`), "stopping the
 * server" makes the proxy refuse connections, and sessions are expired by rotating the
 * server's cookie secret (`chttpd_auth/secret`). Use a throwaway server: the suite creates the
 * users ann, bob and lea and rotates the secret.
 *
 * Differences from Apache CouchDB 3 that the helper papers over (see docs/sync.md):
 * - express-pouchdb 4.2 calls `db.info` on what PouchDB 9's wrapped `PouchDB.new` returns for
 *   non-admins (a rejected promise) and crashes the process; the shim below turns that into the
 *   401 CouchDB answers.
 * - The security wrappers need PouchDB's replication and map/reduce plugins to be present.
 * - `_changes?filter=_selector` takes its selector from the POST body in CouchDB; express-pouchdb
 *   only reads query parameters, so the helper moves it (and loads pouchdb-changes-filter).
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

const require = createRequire(import.meta.url);

interface PouchStatic {
  plugin(p: unknown): PouchStatic;
  defaults(o: Record<string, unknown>): PouchStatic;
  new?: (...args: unknown[]) => unknown;
}
interface CouchConfig {
  set(section: string, key: string, value: string, cb: (err?: unknown) => void): void;
}
type Handler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
interface ExpressApp extends Handler {
  use(h: Handler): void;
  couchConfig: CouchConfig;
}

export interface AdminAuth {
  name: string;
  password: string;
}

/** What the proxy does to the next matching requests. */
export type Fault =
  /** Answer with this status without forwarding (e.g. 500, 503). */
  | { kind: 'status'; status: number }
  /** Wait before forwarding. */
  | { kind: 'delay'; ms: number }
  /** Forward (the server does the work), then answer 200/201 with a truncated JSON body. */
  | { kind: 'malformed' }
  /** Forward (the server does the work), then cut the connection without answering. */
  | { kind: 'drop-response' }
  /** Cut the connection without forwarding. */
  | { kind: 'reset' };

export interface FaultRule {
  fault: Fault;
  /** How many matching requests it applies to (default: every one until cleared). */
  times?: number;
  /** Applies to every n-th matching request only (benches: a fault rate of 1/n). */
  every?: number;
  /** Which requests; default all. */
  match?: (req: { method: string; path: string }) => boolean;
}

export interface FaultProxy {
  url: string;
  inject(rule: FaultRule): void;
  clear(): void;
  /** Called after a request was forwarded and answered upstream (before the client sees it). */
  onForwarded?: (req: { method: string; path: string; status: number }) => void | Promise<void>;
  /** Every request seen: method, path (with query), status sent to the client (0 = cut). */
  log: Array<{ method: string; path: string; status: number }>;
}

export interface CouchServer {
  /** Which server runs behind the proxy. */
  kind: 'express-pouchdb' | 'couchdb';
  /** The server itself (no faults). */
  url: string;
  /** The team database the tests use (its own per server started). */
  db: string;
  adminAuth: AdminAuth;
  /** The fault-injecting proxy in front of the server: point clients here. */
  proxy: FaultProxy;
  /** Basic auth header value for the admin. */
  adminHeader: string;
  /** Stop accepting connections (data is kept in memory); `restart` listens again on the same port. */
  stopServer(): Promise<void>;
  restart(): Promise<void>;
  /** Invalidate every session cookie (rotates the cookie secret, as a CouchDB restart with a new secret would). */
  expireSessions(): Promise<void>;
  /** Stop the server and the proxy for good. */
  stop(): Promise<void>;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    server.close(() => resolve());
  });
}

function trackSockets(server: Server): Set<Socket> {
  // Long keep-alive: a test that blocks the event loop for a while must not find its pooled
  // connection closed under it (a real server's idle timeout is far longer than Node's 5 s).
  server.keepAliveTimeout = 120_000;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

let heartbeatsUnrefd = false;
let pouchWithPlugins: PouchStatic | undefined;

/**
 * express-pouchdb 4.2 leaves a longpoll's heartbeat interval running when the client goes away
 * (cancelling the PouchDB feed it waits on never ends it), and such an interval keeps a process
 * alive for good: those are unref'd when made (recognised by where they are made), so they never
 * hold a test worker or the bench open. Nothing else changes.
 */
function unrefChangesHeartbeats(): void {
  if (heartbeatsUnrefd) return;
  heartbeatsUnrefd = true;
  const original = globalThis.setInterval;
  const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if (new Error().stack?.includes(`express-pouchdb${sep}lib${sep}routes${sep}changes.js`)) timer.unref();
    return timer;
  }) as typeof setInterval;
  globalThis.setInterval = patched;
}

export async function startCouchServer(): Promise<CouchServer> {
  const real = process.env.COUCH_URL;
  if (real) return startRealCouch(real);
  unrefChangesHeartbeats();
  // Plugins register on PouchDB itself, once a process; each server gets databases of its own
  // (a name prefix: the memory adapter keeps databases by name for the whole process).
  pouchWithPlugins ??= (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-changes-filter'));
  const suffix = randomBytes(4).toString('hex');
  const Pouch = pouchWithPlugins.defaults({ adapter: 'memory', prefix: `server-${suffix}-` });
  const express = require('express') as () => ExpressApp;
  const expressPouchDB = require('express-pouchdb') as (p: PouchStatic, o: Record<string, unknown>) => ExpressApp;
  const pouchApp = expressPouchDB(Pouch, {
    inMemoryConfig: true,
    logPath: join(tmpdir(), `caseline-couch-${process.pid}-${suffix}.log`),
    mode: 'fullCouchDB',
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const adminAuth: AdminAuth = { name: 'admin', password: `pw-${suffix}` };
  await new Promise<void>((resolve, reject) =>
    pouchApp.couchConfig.set('admins', adminAuth.name, adminAuth.password, (err) => (err ? reject(err) : resolve())),
  );
  // Wait for express-pouchdb's daemons to install the security-wrapped PouchDB.new, then shim it.
  for (let i = 0; i < 500 && !(Pouch.new as { _handlers?: unknown } | undefined)?._handlers; i++) {
    await new Promise((r) => setTimeout(r, 2));
  }
  const original = Pouch.new;
  if (!original) throw new Error('express-pouchdb did not install PouchDB.new');
  const shim = function (this: unknown, ...args: unknown[]) {
    const made = original.apply(this, args) as { then?: unknown; info?: unknown };
    if (made && typeof made.then === 'function' && typeof made.info !== 'function') {
      const pending = made as unknown as Promise<{ info(cb: (err: unknown) => void): void }>;
      return { __opts: {}, info: (cb: (err: unknown) => void) => void pending.then((db) => db.info(cb), cb) };
    }
    return made;
  };
  Pouch.new = shim;
  const app = express();
  // CouchDB reads `_changes?filter=_selector` with the selector in the POST body; express-pouchdb
  // only passes query parameters on: move the selector there.
  app.use((req, _res, next) => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || !/^\/[^/_][^/]*\/_changes\?/.test(url) || !url.includes('filter=_selector')) return next();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { selector?: unknown };
        const selector = JSON.stringify(body.selector ?? {});
        req.url = `${url}&selector=${encodeURIComponent(selector)}`;
        // Express parsed the query already: add it there too (express-pouchdb JSON-parses it).
        const query = (req as IncomingMessage & { query?: Record<string, unknown> }).query ?? {};
        Object.assign(req, { body, _body: true, query: { ...query, selector } });
        next();
      } catch (err) {
        next(err);
      }
    });
  });
  app.use(pouchApp);

  const server = createServer(app as unknown as RequestListener);
  const serverSockets = trackSockets(server);
  const port = await listen(server);
  const url = `http://127.0.0.1:${port}`;
  const adminHeader = `Basic ${Buffer.from(`${adminAuth.name}:${adminAuth.password}`).toString('base64')}`;

  const proxy = await startFaultProxy({ protocol: 'http:', host: '127.0.0.1', port });

  let serverUp = true;
  return {
    kind: 'express-pouchdb',
    url,
    db: 'caseline',
    adminAuth,
    adminHeader,
    proxy: proxy.state,
    async stopServer() {
      if (!serverUp) return;
      serverUp = false;
      await close(server, serverSockets);
    },
    async restart() {
      if (serverUp) return;
      await listen(server, port);
      serverUp = true;
    },
    async expireSessions() {
      const res = await fetch(`${url}/_config/couch_httpd_auth/secret`, {
        method: 'PUT',
        headers: { authorization: adminHeader, 'content-type': 'application/json' },
        body: JSON.stringify(randomBytes(16).toString('hex')),
      });
      if (!res.ok) throw new Error(`could not rotate the cookie secret: ${res.status}`);
      await res.arrayBuffer();
    },
    async stop() {
      await proxy.close();
      if (serverUp) await close(server, serverSockets);
      serverUp = false;
    },
  };
}

/** Where the proxy forwards to; `up: false` makes it cut every connection (a stopped server). */
interface Upstream {
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
  pathPrefix: string;
  up: boolean;
}

/** The fault-injecting proxy, on 127.0.0.1, in front of `upstream`. */
async function startFaultProxy(target: { protocol: 'http:' | 'https:'; host: string; port: number; pathPrefix?: string }): Promise<{ state: FaultProxy; close: () => Promise<void>; upstream: Upstream }> {
  const upstream: Upstream = { ...target, pathPrefix: target.pathPrefix ?? '', up: true };
  const rules: Array<FaultRule & { left: number; seen: number }> = [];
  const proxyState: FaultProxy = {
    url: '',
    log: [],
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY, seen: 0 });
    },
    clear() {
      rules.length = 0;
    },
  };

  const takeFault = (method: string, path: string): Fault | undefined => {
    for (const rule of rules) {
      if (rule.left <= 0) continue;
      if (rule.match && !rule.match({ method, path })) continue;
      rule.seen += 1;
      if (rule.every !== undefined && rule.seen % rule.every !== 0) continue;
      rule.left -= 1;
      return rule.fault;
    }
    return undefined;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      if (!upstream.up) return reject(new Error('upstream stopped'));
      // Ask for an uncompressed answer: the proxy may cut or rewrite the body.
      const headers = { ...req.headers, host: `${upstream.host}:${upstream.port}`, 'accept-encoding': 'identity' };
      const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
      const up = send({ host: upstream.host, port: upstream.port, method: req.method, path: `${upstream.pathPrefix}${req.url ?? '/'}`, headers }, (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const out: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(upRes.headers)) if (v !== undefined) out[k] = v;
          resolve({ status: upRes.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        upRes.on('error', reject);
      });
      up.on('error', reject);
      // The client went away (an aborted longpoll): so does the request upstream, as through a
      // real proxy (the server then stops holding it open).
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      up.end(body);
    });

  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const path = req.url ?? '/';
        const entry = { method, path, status: 0 };
        proxyState.log.push(entry);
        const fault = takeFault(method, path);
        if (fault?.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        if (fault?.kind === 'status') {
          entry.status = fault.status;
          res.writeHead(fault.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'injected', reason: `injected ${fault.status}` }));
          return;
        }
        if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
        let answer;
        try {
          answer = await forward(req, res, Buffer.concat(chunks));
        } catch {
          // The server is stopped: the client sees a refused/reset connection.
          req.socket.destroy();
          return;
        }
        await proxyState.onForwarded?.({ method, path, status: answer.status });
        if (fault?.kind === 'drop-response') {
          req.socket.destroy();
          return;
        }
        if (fault?.kind === 'malformed') {
          entry.status = answer.status;
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2))));
          return;
        }
        entry.status = answer.status;
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        delete headers['content-encoding'];
        delete headers['connection'];
        res.writeHead(answer.status, headers);
        res.end(answer.body);
      })();
    });
  });
  const proxySockets = trackSockets(proxy);
  const proxyPort = await listen(proxy);
  proxyState.url = `http://127.0.0.1:${proxyPort}`;
  return { state: proxyState, close: () => close(proxy, proxySockets), upstream };

}

/** The proxy in front of a real CouchDB 3 (COUCH_URL), with a database of its own. */
async function startRealCouch(address: string): Promise<CouchServer> {
  const u = new URL(address);
  const fromUrl = u.username ? { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : undefined;
  const fromEnv = process.env.COUCH_ADMIN?.includes(':')
    ? { name: process.env.COUCH_ADMIN.slice(0, process.env.COUCH_ADMIN.indexOf(':')), password: process.env.COUCH_ADMIN.slice(process.env.COUCH_ADMIN.indexOf(':') + 1) }
    : undefined;
  const adminAuth = fromUrl ?? fromEnv;
  if (!adminAuth) throw new Error('COUCH_URL needs the server admin: http://admin:password@host:5984, or COUCH_ADMIN=name:password');
  u.username = '';
  u.password = '';
  const url = u.toString().replace(/\/+$/, '');
  const protocol = u.protocol === 'https:' ? 'https:' : 'http:';
  const proxy = await startFaultProxy({ protocol, host: u.hostname, port: Number(u.port || (protocol === 'https:' ? 443 : 80)), pathPrefix: u.pathname.replace(/\/+$/, '') });
  const adminHeader = `Basic ${Buffer.from(`${adminAuth.name}:${adminAuth.password}`).toString('base64')}`;
  const db = `caseline-test-${randomBytes(5).toString('hex')}`;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method, headers: { authorization: adminHeader, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return {
    kind: 'couchdb',
    url,
    db,
    adminAuth,
    adminHeader,
    proxy: proxy.state,
    async stopServer() {
      proxy.upstream.up = false;
    },
    async restart() {
      proxy.upstream.up = true;
    },
    async expireSessions() {
      // CouchDB 3 keeps the cookie secret in [chttpd_auth] (older nodes in [couch_httpd_auth]).
      const secret = randomBytes(16).toString('hex');
      let status = 0;
      for (const section of ['chttpd_auth', 'couch_httpd_auth']) {
        const res = await admin('PUT', `/_node/_local/_config/${section}/secret`, secret);
        await res.arrayBuffer();
        if (res.ok) return;
        status = res.status;
      }
      throw new Error(`could not rotate the cookie secret: ${status}`);
    },
    async stop() {
      await proxy.close();
      const res = await admin('DELETE', `/${encodeURIComponent(db)}`);
      await res.arrayBuffer();
    },
  };
}
