import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, CouchError } from '../../../utils/sync/couch-client';
import type { FetchLike } from '../../../utils/sync/couch-client';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { DB, nodeFetch, setUpTeam, userClient } from './team-fixture';

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

const eventDoc = (author: string, agentId = 'A1') => {
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
    const client = new CouchClient({ url: server.url, db: DB, fetch: browserLikeFetch() });
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
    const docs = [eventDoc('bob', 'B1'), eventDoc('ann', 'B1'), eventDoc('bob', 'B1')];
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

    const nowhere = new CouchClient({ url: 'http://127.0.0.1:9', db: DB, fetch: nodeFetch });
    const err = await nowhere.changes(0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CouchError);
    expect((err as CouchError).kind).toBe('network');
  });
});
