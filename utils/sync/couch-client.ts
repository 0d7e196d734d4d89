/**
 * A small CouchDB 3 HTTP client over an injected `fetch` (the extension's in the background,
 * Node's in tests and scripts).
 *
 * Sessions: `login` posts to `/_session`. Where the `Set-Cookie` header is readable (Node) the
 * AuthSession cookie is kept and sent as a `Cookie` header, and refreshed whenever CouchDB sends
 * a new one; in a browser the header is hidden and the browser keeps the cookie itself
 * (requests go with `credentials: 'include'`). Scripts may use HTTP basic auth instead.
 *
 * A session can end at any moment (CouchDB's `[chttpd_auth] timeout`, a server restart with a
 * new secret): given `relogin`, the client answers a 401 on any request by signing in again
 * once and repeating the request; concurrent requests share one sign-in.
 */
import type { Seq } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type CouchErrorKind =
  /** 401 on a request after login: the session cookie expired or was never set. */
  | 'session_expired'
  /** 401 on login: wrong user name or password. */
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not_found'
  | 'bad_request'
  /** 5xx */
  | 'server'
  /** No answer: refused, reset, DNS, timeout. */
  | 'network'
  /** An answer that is not the JSON expected. */
  | 'malformed';

export class CouchError extends Error {
  readonly kind: CouchErrorKind;
  readonly status: number | undefined;
  /** CouchDB's `error` and `reason` fields when it sent them. */
  readonly couchError: string | undefined;
  readonly reason: string | undefined;
  constructor(kind: CouchErrorKind, message: string, extra: { status?: number; couchError?: string; reason?: string } = {}) {
    super(message);
    this.name = 'CouchError';
    this.kind = kind;
    this.status = extra.status;
    this.couchError = extra.couchError;
    this.reason = extra.reason;
  }
  /** Worth retrying later with backoff. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'malformed';
  }
}

export interface CouchClientOptions {
  /** Server URL, e.g. https://couch.example.org (a path prefix is allowed). */
  url: string;
  /** Database name. */
  db: string;
  fetch: FetchLike;
  /** HTTP basic auth instead of a session (scripts). */
  basicAuth?: { name: string; password: string };
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Signs in again (e.g. `(c) => c.login(user, password)`) when a request meets a 401: the
   * request is then made once more. Without it, a 401 is a `session_expired` error.
   */
  relogin?: (client: CouchClient) => Promise<unknown>;
}

/** Per request: an abort signal (a stopped live feed) and a timeout of its own. */
export interface RequestControl {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface SessionInfo {
  name: string | null;
  roles: string[];
}

export type BulkDocResult =
  | { id: string; ok: true; rev: string }
  | { id: string; ok: false; error: string; reason: string };

export interface ChangeRow<D = Record<string, unknown>> {
  id: string;
  seq: Seq;
  deleted?: boolean;
  changes: Array<{ rev: string }>;
  doc?: D & { _id: string; _rev: string; _deleted?: boolean };
}

export interface ChangesResult<D = Record<string, unknown>> {
  results: Array<ChangeRow<D>>;
  lastSeq: Seq;
  pending?: number;
}

export interface AllDocsRow<D = Record<string, unknown>> {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: (D & { _id: string; _rev: string }) | null;
  error?: string;
}

export interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export class CouchClient {
  readonly url: string;
  readonly db: string;
  private readonly fetchImpl: FetchLike;
  private readonly basic: string | undefined;
  private readonly timeoutMs: number;
  private cookie: string | undefined;
  private user: SessionInfo | undefined;
  private readonly reloginImpl: ((client: CouchClient) => Promise<unknown>) | undefined;
  private relogging: Promise<void> | undefined;
  /** Sign-ins made to answer a 401 (the sync page and tests read it). */
  renewedSessions = 0;

  constructor(opts: CouchClientOptions) {
    this.url = opts.url.replace(/\/+$/, '');
    this.db = opts.db;
    this.fetchImpl = opts.fetch;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.basic = opts.basicAuth ? `Basic ${base64(`${opts.basicAuth.name}:${opts.basicAuth.password}`)}` : undefined;
    this.reloginImpl = opts.relogin;
  }

  /** Whether this client can sign in again by itself (a `relogin` was given). */
  get canRenewSession(): boolean {
    return this.reloginImpl !== undefined;
  }

  /**
   * Signs in again with the `relogin` given at construction (one sign-in for every caller that
   * asks while it runs). Throws when there is none or it fails.
   */
  async renewSession(): Promise<void> {
    const relogin = this.reloginImpl;
    if (!relogin) throw new CouchError('session_expired', 'the session expired and no way to sign in again was given');
    this.relogging ??= (async () => {
      try {
        await relogin(this);
        this.renewedSessions += 1;
      } finally {
        this.relogging = undefined;
      }
    })();
    return this.relogging;
  }

  /** The user of the last successful login or session check. */
  get userName(): string | undefined {
    return this.user?.name ?? undefined;
  }

  get roles(): readonly string[] {
    return this.user?.roles ?? [];
  }

  /** Whether a cookie string is held (false in a browser, where the browser holds it). */
  get hasCookie(): boolean {
    return this.cookie !== undefined;
  }

  /** POST /_session. Throws CouchError 'unauthorized' for a wrong name or password. */
  async login(name: string, password: string): Promise<SessionInfo> {
    this.cookie = undefined;
    const body = await this.request<{ ok?: boolean; name?: string | null; roles?: unknown }>('POST', '/_session', {
      body: { name, password },
      login: true,
    });
    const roles = Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [];
    this.user = { name: typeof body.name === 'string' ? body.name : name, roles };
    return this.user;
  }

  /** GET /_session: who the server thinks we are (name null when the session is gone). */
  async session(): Promise<SessionInfo> {
    const body = await this.request<{ userCtx?: { name?: string | null; roles?: unknown } }>('GET', '/_session');
    const ctx = body.userCtx;
    if (!isRecord(ctx)) throw new CouchError('malformed', 'session answer without userCtx');
    const info: SessionInfo = {
      name: typeof ctx.name === 'string' ? ctx.name : null,
      roles: Array.isArray(ctx.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [],
    };
    if (info.name) this.user = info;
    return info;
  }

  async logout(): Promise<void> {
    await this.request('DELETE', '/_session');
    this.cookie = undefined;
    this.user = undefined;
  }

  /** PUT /{db}. Resolves `false` when it already exists. */
  async createDatabase(name = this.db): Promise<boolean> {
    try {
      await this.request('PUT', `/${encodeURIComponent(name)}`);
      return true;
    } catch (err) {
      if (err instanceof CouchError && err.status === 412) return false;
      throw err;
    }
  }

  async getSecurity(): Promise<SecurityObject> {
    return this.request<SecurityObject>('GET', `${this.dbPath()}/_security`);
  }

  async putSecurity(security: SecurityObject): Promise<void> {
    await this.request('PUT', `${this.dbPath()}/_security`, { body: security });
  }

  /** GET a document; `undefined` when missing. `db` defaults to the client's database. */
  async getDoc<D = Record<string, unknown>>(id: string, db = this.db): Promise<(D & { _id: string; _rev: string }) | undefined> {
    try {
      return await this.request<D & { _id: string; _rev: string }>('GET', `/${encodeURIComponent(db)}/${docPath(id)}`);
    } catch (err) {
      if (err instanceof CouchError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** PUT a document (with `_rev` to update). `db` defaults to the client's database. */
  async putDoc(doc: { _id: string; _rev?: string } & Record<string, unknown>, db = this.db): Promise<{ id: string; rev: string }> {
    const body = await this.request<{ id?: unknown; rev?: unknown }>('PUT', `/${encodeURIComponent(db)}/${docPath(doc._id)}`, { body: doc });
    if (typeof body.rev !== 'string') throw new CouchError('malformed', 'PUT answer without rev');
    return { id: doc._id, rev: body.rev };
  }

  /**
   * POST /{db}/_bulk_docs. One result per document, in the order given (matched by id: a
   * server may answer in another order). Per-document errors (conflict, forbidden) are results,
   * not exceptions.
   */
  async bulkDocs(docs: ReadonlyArray<{ _id: string } & Record<string, unknown>>): Promise<BulkDocResult[]> {
    const body = await this.request<unknown>('POST', `${this.dbPath()}/_bulk_docs`, { body: { docs } });
    if (!Array.isArray(body)) throw new CouchError('malformed', '_bulk_docs answer is not a list');
    const byId = new Map<string, BulkDocResult>();
    for (const row of body) {
      if (!isRecord(row) || typeof row.id !== 'string') throw new CouchError('malformed', '_bulk_docs row without id');
      if (typeof row.error === 'string') {
        byId.set(row.id, { id: row.id, ok: false, error: row.error, reason: typeof row.reason === 'string' ? row.reason : row.error });
      } else if (typeof row.rev === 'string') {
        byId.set(row.id, { id: row.id, ok: true, rev: row.rev });
      } else {
        throw new CouchError('malformed', `_bulk_docs row for ${row.id} has neither rev nor error`);
      }
    }
    return docs.map((d) => {
      const r = byId.get(d._id);
      if (!r) throw new CouchError('malformed', `_bulk_docs answer misses ${d._id}`);
      return r;
    });
  }

  /**
   * GET (or POST, with a selector or doc ids) /{db}/_changes, normal feed, documents included
   * by default. `selector` uses CouchDB's `filter=_selector` (selector in the POST body).
   */
  async changes<D = Record<string, unknown>>(
    since: Seq,
    opts: {
      limit?: number;
      includeDocs?: boolean;
      selector?: Record<string, unknown>;
      docIds?: string[];
      /** 'longpoll': the server holds the request until there is a change. */
      feed?: 'normal' | 'longpoll';
      /** Longpoll: an empty line every so many ms keeps proxies from closing the idle connection. */
      heartbeatMs?: number;
    } & RequestControl = {},
  ): Promise<ChangesResult<D>> {
    const q = new URLSearchParams({ feed: opts.feed ?? 'normal', since: String(since), include_docs: String(opts.includeDocs ?? true) });
    if (opts.limit !== undefined) q.set('limit', String(opts.limit));
    if (opts.heartbeatMs !== undefined) q.set('heartbeat', String(opts.heartbeatMs));
    const control: RequestControl = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) };
    let body: unknown;
    if (opts.selector) {
      q.set('filter', '_selector');
      body = { selector: opts.selector };
    } else if (opts.docIds) {
      q.set('filter', '_doc_ids');
      body = { doc_ids: opts.docIds };
    }
    const res = await this.request<unknown>(body ? 'POST' : 'GET', `${this.dbPath()}/_changes?${q}`, body ? { body, ...control } : control);
    if (!isRecord(res) || !Array.isArray(res.results)) throw new CouchError('malformed', '_changes answer without results');
    const lastSeq = res.last_seq;
    if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number') throw new CouchError('malformed', '_changes answer without last_seq');
    for (const row of res.results) {
      if (!isRecord(row) || typeof row.id !== 'string' || !Array.isArray(row.changes)) throw new CouchError('malformed', 'bad _changes row');
    }
    return {
      results: res.results as Array<ChangeRow<D>>,
      lastSeq,
      ...(typeof res.pending === 'number' ? { pending: res.pending } : {}),
    };
  }

  /** GET/POST /{db}/_all_docs. With `keys`, missing documents come back as rows with `error`. */
  async allDocs<D = Record<string, unknown>>(
    opts: { keys?: string[]; includeDocs?: boolean; startkey?: string; endkey?: string; limit?: number } = {},
  ): Promise<{ totalRows: number; rows: Array<AllDocsRow<D>> }> {
    const q = new URLSearchParams({ include_docs: String(opts.includeDocs ?? false) });
    if (opts.startkey !== undefined) q.set('startkey', JSON.stringify(opts.startkey));
    if (opts.endkey !== undefined) q.set('endkey', JSON.stringify(opts.endkey));
    if (opts.limit !== undefined) q.set('limit', String(opts.limit));
    const res = await this.request<unknown>(opts.keys ? 'POST' : 'GET', `${this.dbPath()}/_all_docs?${q}`, opts.keys ? { body: { keys: opts.keys } } : {});
    if (!isRecord(res) || !Array.isArray(res.rows)) throw new CouchError('malformed', '_all_docs answer without rows');
    return { totalRows: typeof res.total_rows === 'number' ? res.total_rows : res.rows.length, rows: res.rows as Array<AllDocsRow<D>> };
  }

  /**
   * Any request, with this client's authentication; the answer parsed as JSON. A 401 (not on
   * login itself) signs in again once through `relogin`, if given, and repeats the request.
   */
  async request<T>(method: string, path: string, opts: { body?: unknown; login?: boolean } & RequestControl = {}): Promise<T> {
    try {
      return await this.requestOnce<T>(method, path, opts);
    } catch (err) {
      if (!(err instanceof CouchError) || err.kind !== 'session_expired' || !this.reloginImpl || opts.login || this.basic) throw err;
      await this.renewSession();
      return this.requestOnce<T>(method, path, opts);
    }
  }

  private async requestOnce<T>(method: string, path: string, opts: { body?: unknown; login?: boolean } & RequestControl): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (this.basic && !opts.login) headers.authorization = this.basic;
    else if (this.cookie) headers.cookie = this.cookie;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(`${this.url}${path}`, {
        method,
        headers,
        credentials: 'include',
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        signal: opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs)]) : AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new CouchError('network', `${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.keepCookie(res);
    let parsed: unknown;
    let parseFailed = false;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parseFailed = true;
    }
    if (!res.ok) {
      const info = isRecord(parsed) ? parsed : {};
      const couchError = typeof info.error === 'string' ? info.error : undefined;
      const reason = typeof info.reason === 'string' ? info.reason : undefined;
      const extra = { status: res.status, ...(couchError ? { couchError } : {}), ...(reason ? { reason } : {}) };
      const msg = `${method} ${path}: ${res.status} ${couchError ?? ''} ${reason ?? ''}`.trim();
      if (res.status === 401) throw new CouchError(opts.login ? 'unauthorized' : 'session_expired', msg, extra);
      if (res.status === 403) throw new CouchError('forbidden', msg, extra);
      if (res.status === 404) throw new CouchError('not_found', msg, extra);
      if (res.status === 409) throw new CouchError('conflict', msg, extra);
      if (res.status >= 500) throw new CouchError('server', msg, extra);
      throw new CouchError('bad_request', msg, extra);
    }
    if (parseFailed) throw new CouchError('malformed', `${method} ${path}: answer is not JSON`, { status: res.status });
    return parsed as T;
  }

  private dbPath(): string {
    return `/${encodeURIComponent(this.db)}`;
  }

  private keepCookie(res: Response): void {
    const raw = res.headers.get('set-cookie');
    if (!raw) return;
    // Several cookies may be folded into one header: the last AuthSession wins.
    const all = [...raw.matchAll(/(?:^|,\s*)AuthSession=([^;,]*)/g)];
    const last = all[all.length - 1];
    if (!last) return;
    this.cookie = last[1] ? `AuthSession=${last[1]}` : undefined;
  }
}

function docPath(id: string): string {
  return id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
