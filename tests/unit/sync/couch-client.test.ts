import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, CouchError } from '../../../utils/sync/couch-client';
import type { FetchLike } from '../../../utils/sync/couch-client';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { adminClient, nodeFetch, setUpTeam, userClient } from './team-fixture';

/**
 * How fetch behaves in the extension background: Set-Cookie is never readable, the browser
 * stores the cookie and sends it with `credentials: 'include'`. A tiny cookie jar over Node's fetch.
 */
function browserLikeFetch(): FetchLike {
  let jar: string | undefined;
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (headers.has('cookie')) throw new Error('a page cannot set the Cookie header');
    if (init.credentials === 'include' && jar) headers.set('cookie', jar);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    const all = set ? [...set.matchAll(/AuthSession=([^;,]*)/g)] : [];
    const last = all[all.length - 1];
    if (last) jar = last[1] ? `AuthSession=${last[1]}` : undefined; // an emptied cookie is dropped
    const visible = new Headers(res.headers);
    visible.delete('set-cookie');
    return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers: visible });
  };
}

const eventDoc = (author: string, agentId = author) => {
  const id = ulid();
  return {
    _id: `ev:${agentId}:${id}`,
    type: 'event',
    author,
    agentId,
    createdAt: '2026-03-02T09:00:00Z',
    event: { id, caseId: 'c1', type: 'received', at: '2026-03-02T09:00:00Z', actor: 'customer', source: 'auto', data: {} },
  };
};

describe('CouchClient against a CouchDB-compatible server', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('works where Set-Cookie is hidden (extension background): the browser carries the session', async () => {
    const client = new CouchClient({ url: server.url, db: server.db, fetch: browserLikeFetch() });
    expect(await client.login('ann', 'ann-pw')).toEqual({ name: 'ann', roles: ['caseline-agent'] });
    expect(client.hasCookie).toBe(false);
    expect(client.userName).toBe('ann');
    const [answer] = await client.bulkDocs([eventDoc('ann')]);
    expect(answer).toMatchObject({ ok: true });
    expect((await client.session()).name).toBe('ann');
    await client.logout();
    expect((await client.session()).name).toBeNull();
  });

  it('keeps the cookie string in Node and follows the session', async () => {
    const client = await userClient(server, 'ann', false);
    expect(client.hasCookie).toBe(true);
    expect(await client.session()).toEqual({ name: 'ann', roles: ['caseline-agent'] });
    await server.expireSessions();
    expect((await client.session()).name).toBeNull();
    await expect(client.changes(0)).rejects.toMatchObject({ kind: 'session_expired', status: 401 });
  });

  it('answers _bulk_docs per document in the order sent, whatever order the server uses', async () => {
    const client = await userClient(server, 'bob', false);
    const docs = [eventDoc('bob'), eventDoc('ann', 'bob'), eventDoc('bob')];
    const answers = await client.bulkDocs(docs);
    expect(answers.map((a) => a.id)).toEqual(docs.map((d) => d._id));
    expect(answers.map((a) => a.ok)).toEqual([true, false, true]);
  });

  it('reads changes and documents', async () => {
    const client = await userClient(server, 'lea', false);
    const first = await client.changes(0, { limit: 2 });
    expect(first.results).toHaveLength(2);
    const rest = await client.changes(first.lastSeq);
    expect(rest.results.length).toBeGreaterThan(0);
    expect(rest.results.every((r) => !first.results.some((f) => f.id === r.id))).toBe(true);
    const id = first.results.find((r) => !r.id.startsWith('_design/'))!.id;
    const all = await client.allDocs({ keys: [id, 'ev:none:none'], includeDocs: true });
    expect(all.rows[0]!.doc?._id).toBe(id);
    expect(all.rows[1]!.error).toBe('not_found');
    expect(await client.getDoc(id)).toMatchObject({ _id: id });
    expect(await client.getDoc('ev:none:none')).toBeUndefined();
    expect(await client.getSecurity()).toMatchObject({ members: { roles: ['caseline-agent', 'caseline-lead'] } });
  });

  it('types its errors: 403, 409, 5xx, network, malformed', async () => {
    const client = await userClient(server, 'ann');
    const doc = eventDoc('ann');
    await client.putDoc(doc);
    await expect(client.putDoc(doc)).rejects.toMatchObject({ kind: expect.stringMatching(/conflict|forbidden/) });
    await expect(client.putDoc({ ...eventDoc('bob') })).rejects.toMatchObject({ kind: 'forbidden', status: 403 });

    server.proxy.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    const e5 = await client.changes(0).catch((e: unknown) => e);
    expect(e5).toMatchObject({ kind: 'server', status: 503, transient: true });

    server.proxy.inject({ fault: { kind: 'malformed' }, times: 1 });
    await expect(client.changes(0)).rejects.toMatchObject({ kind: 'malformed' });

    server.proxy.inject({ fault: { kind: 'reset' }, times: 1 });
    await expect(client.changes(0)).rejects.toMatchObject({ kind: 'network' });

    const nowhere = new CouchClient({ url: 'http://127.0.0.1:9', db: server.db, fetch: nodeFetch });
    const err = await nowhere.changes(0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CouchError);
    expect((err as CouchError).kind).toBe('network');
  });

  it('any 401 (_changes, _all_docs, a document) signs in again once and repeats the request; concurrent ones share the sign-in', async () => {
    let logins = 0;
    const lea = new CouchClient({
      url: server.proxy.url,
      db: server.db,
      fetch: nodeFetch,
      relogin: async (c) => {
        logins += 1;
        await c.login('lea', 'lea-pw');
      },
    });
    await lea.login('lea', 'lea-pw');
    await server.expireSessions();
    const statuses = () => server.proxy.log.filter((r) => r.path.includes(`/${server.db}/`)).map((r) => r.status);
    const before = server.proxy.log.length;
    const page = await lea.changes(0, { limit: 1 });
    expect(page.results).toHaveLength(1);
    expect(logins).toBe(1);
    expect(lea.renewedSessions).toBe(1);
    expect(server.proxy.log.slice(before).map((r) => r.status)).toEqual([401, 200, 200]); // _changes, _session, _changes again
    expect(statuses().at(-1)).toBe(200);

    await server.expireSessions();
    const [a, b, c] = await Promise.all([lea.changes(0, { limit: 1 }), lea.allDocs({ limit: 1 }), lea.getDoc('_design/caseline')]);
    expect(a.results).toHaveLength(1);
    expect(b.rows).toHaveLength(1);
    expect(c).toMatchObject({ _id: '_design/caseline' });
    expect(logins).toBe(2);
    // (A _bulk_docs with an expired session is a 401 on CouchDB 3 and is repeated the same way;
    // express-pouchdb answers it per document instead, which push answers by signing in again.)

    // Signing in fails (password changed on the server): one attempt, then the error, no loop.
    const stale = new CouchClient({ url: server.proxy.url, db: server.db, fetch: nodeFetch, relogin: (cl) => cl.login('lea', 'not-the-password') });
    await stale.login('lea', 'lea-pw');
    await server.expireSessions();
    const seen = server.proxy.log.length;
    await expect(stale.changes(0)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(server.proxy.log.length - seen).toBe(2);
  });

  it('longpoll: the server holds the request until a change, with a heartbeat; an abort ends it', async () => {
    const lea = await userClient(server, 'lea', false);
    const now = await lea.changes(0, { limit: 100_000, includeDocs: false });
    const doc = eventDoc('ann');
    const waiting = lea.changes(now.lastSeq, { feed: 'longpoll', heartbeatMs: 200 });
    setTimeout(() => void adminClient(server).putDoc(doc), 600);
    const page = await waiting;
    expect(page.results.map((r) => r.id)).toEqual([doc._id]);
    expect(page.results[0]!.doc).toMatchObject({ author: 'ann' });

    const stop = new AbortController();
    const held = lea.changes(page.lastSeq, { feed: 'longpoll', heartbeatMs: 200, signal: stop.signal }).catch((e: unknown) => e);
    setTimeout(() => stop.abort(), 300);
    expect(await held).toMatchObject({ kind: 'network' });
  });
});
