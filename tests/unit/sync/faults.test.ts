import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../utils/cases/events';
import { CouchClient, CouchError } from '../../../utils/sync/couch-client';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pullChanges } from '../../../utils/sync/pull';
import { pushOutbox, RETRY_BASE_MS } from '../../../utils/sync/push';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { adminClient, queueCase, serverDocs, setUpTeam, USERS, userClient } from './team-fixture';

const isBulk = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes('/_bulk_docs');

/** Every queued event is on the server exactly once, unchanged, under its deterministic id, bound to its author. */
async function expectExactlyOnce(server: CouchServer, author: string, events: CaseEvent[]): Promise<void> {
  const ids = new Set(events.map((e) => e.id));
  const docs = (await serverDocs(server)).filter((d) => ids.has(String((d.event as { id?: unknown } | undefined)?.id)));
  expect(docs).toHaveLength(events.length);
  const byId = new Map(docs.map((d) => [d._id, d]));
  for (const e of events) {
    const doc = byId.get(`ev:${author}:${e.id}`);
    expect(doc?.event).toEqual(e);
    expect(doc).toMatchObject({ author, agentId: author });
    expect(String(doc?._rev)).toMatch(/^1-/);
  }
}

function queueMany(store: MemorySyncStore, agentId: string, actor: string, cases: number): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (let i = 0; i < cases; i++) out.push(...queueCase(store, agentId, actor));
  return out;
}

describe('push under faults ends with every record on the server exactly once', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterEach(async () => {
    server.proxy.clear();
    server.proxy.onForwarded = undefined;
    await server.restart();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('server stopped in the middle of a push: the answer is lost, the rest waits, a later run finishes', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const events = queueMany(store, 'S1', 'ann', 10); // 30 events
    let bulkCalls = 0;
    server.proxy.onForwarded = async (r) => {
      if (isBulk(r) && ++bulkCalls === 2) await server.stopServer();
    };
    server.proxy.inject({ fault: { kind: 'drop-response' }, match: isBulk, times: 2 });
    const now = Date.parse('2026-03-02T10:00:00Z');
    const first = await pushOutbox(store, ann, { batchSize: 10, now, random: () => 0.5 });
    expect(first.sent).toBe(0); // the first answer was cut too
    expect(first.retryAt).toBe(now + RETRY_BASE_MS / 2);
    expect((await store.listPending(100)).length).toBe(30);
    expect((await store.listPending(1))[0]!.attempts).toBe(1);

    // Before retryAt nothing is attempted.
    const early = await pushOutbox(store, ann, { batchSize: 10, now: now + 1_000 });
    expect(early.sent).toBe(0);
    expect(early.retryAt).toBe(first.retryAt);

    // Still down at retryAt: a longer wait.
    const second = await pushOutbox(store, ann, { batchSize: 10, now: first.retryAt!, random: () => 0.5 });
    expect(second.error).toBeDefined();
    expect(second.retryAt! - first.retryAt!).toBe(RETRY_BASE_MS);
    expect(await store.getBackoff()).toMatchObject({ attempt: 2 });

    await server.restart();
    const third = await pushOutbox(store, ann, { batchSize: 10, now: second.retryAt! });
    expect(third).toEqual({ sent: 30, rejected: 0, conflicts: 0 });
    expect(await store.getBackoff()).toBeUndefined();
    expect(store.all()).toEqual([]);
    await expectExactlyOnce(server, 'ann', events);
  });

  it('injected 500s back off with growing, bounded waits, then succeed', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const events = queueMany(store, 'F5', 'ann', 3);
    server.proxy.inject({ fault: { kind: 'status', status: 500 }, match: isBulk, times: 3 });
    let now = Date.parse('2026-03-02T10:00:00Z');
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await pushOutbox(store, ann, { now, random: () => 0.999 });
      expect(r.sent).toBe(0);
      expect(r.error).toContain('500');
      waits.push(r.retryAt! - now);
      now = r.retryAt!;
    }
    expect(waits[0]).toBeLessThan(RETRY_BASE_MS);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
    expect(waits[2]).toBeLessThan(4 * RETRY_BASE_MS);
    expect((await store.listPending(1))[0]!.attempts).toBe(3);
    expect(await pushOutbox(store, ann, { now })).toEqual({ sent: 9, rejected: 0, conflicts: 0 });
    await expectExactlyOnce(server, 'ann', events);
  });

  it('slow answers: one within the timeout succeeds, one past it is retried without duplicates', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann'); // 5 s timeout
    const events = queueMany(store, 'D1', 'ann', 2);
    server.proxy.inject({ fault: { kind: 'delay', ms: 300 }, match: isBulk, times: 1 });
    expect(await pushOutbox(store, ann, { batchSize: 3 })).toEqual({ sent: 6, rejected: 0, conflicts: 0 });

    const more = queueMany(store, 'D1', 'ann', 2);
    // A client that gives up after 100 ms, while the server still writes the batch.
    const hasty = new CouchClient({
      url: server.proxy.url,
      db: server.db,
      fetch: (i, init) => fetch(i, init),
      timeoutMs: 100,
    });
    const user = USERS.find((u) => u.name === 'ann')!;
    await hasty.login(user.name, user.password);
    server.proxy.inject({ fault: { kind: 'delay', ms: 400 }, match: isBulk, times: 1 });
    const slow = await pushOutbox(store, hasty, { now: 0 });
    expect(slow.sent).toBe(0);
    expect(slow.error).toMatch(/abort|timeout/i);
    await new Promise((r) => setTimeout(r, 500)); // let the delayed request reach the server
    // The retry runs with the ordinary timeout (a loaded test server can take more than 100 ms).
    expect(await pushOutbox(store, ann, { now: slow.retryAt! })).toEqual({ sent: 6, rejected: 0, conflicts: 0 });
    await expectExactlyOnce(server, 'ann', [...events, ...more]);
  });

  it('an expired session: push logs in again once and carries on; without credentials it waits', async () => {
    const store = new MemorySyncStore();
    const bob = await userClient(server, 'bob');
    const events = queueMany(store, 'E1', 'bob', 2);
    await server.expireSessions();
    const stuck = await pushOutbox(store, bob, { now: 0 });
    expect(stuck.sent).toBe(0);
    expect(stuck.error).toMatch(/401|unauthorized/);
    let logins = 0;
    const relogin = async () => {
      logins += 1;
      await bob.login('bob', 'bob-pw');
    };
    expect(await pushOutbox(store, bob, { now: stuck.retryAt!, relogin })).toEqual({ sent: 6, rejected: 0, conflicts: 0 });
    expect(logins).toBe(1);
    await expectExactlyOnce(server, 'bob', events);

    // A password changed on the server: one login attempt, then it waits (records kept).
    queueMany(store, 'E1', 'bob', 1);
    await server.expireSessions();
    const failed = await pushOutbox(store, bob, { now: 0, relogin: () => bob.login('bob', 'not-the-password') });
    expect(failed.sent).toBe(0);
    expect(failed.error).toMatch(/401|unauthorized/);
    expect(await store.listPending(10)).toHaveLength(3);
  });

  it('a conflicting document is kept as rejected with the reason; the others are sent', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const events = queueMany(store, 'C1', 'ann', 2);
    const victim = events[2]!;
    // Another document already holds that id (e.g. a restored backup with different content).
    await adminClient(server).putDoc({
      _id: `ev:ann:${victim.id}`,
      type: 'event',
      author: 'ann',
      agentId: 'ann',
      createdAt: victim.at,
      event: { ...victim, actor: 'someone-else' },
    });
    const result = await pushOutbox(store, ann);
    expect(result).toEqual({ sent: 5, rejected: 1, conflicts: 1 });
    const [rejected] = await store.listRejected();
    expect(rejected!.id).toBe(`C1:${victim.id}`);
    expect(rejected!.lastError).toContain('conflict');
    expect(rejected!.doc).toEqual(victim);
    // Resending later does not change that: still kept, not duplicated.
    expect(await pushOutbox(store, ann)).toEqual({ sent: 0, rejected: 0, conflicts: 0 });
    const ids = new Set(events.map((e) => e.id));
    expect(await serverDocs(server).then((d) => d.filter((x) => ids.has(String((x.event as { id?: unknown }).id))))).toHaveLength(6);
  });

  it('a malformed answer after the server wrote the batch: retried, counted once', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const events = queueMany(store, 'M1', 'ann', 4);
    server.proxy.inject({ fault: { kind: 'malformed' }, match: isBulk, times: 1 });
    const bad = await pushOutbox(store, ann, { batchSize: 5, now: 0 });
    expect(bad.sent).toBe(0);
    expect(bad.error).toContain('not JSON');
    expect(await pushOutbox(store, ann, { batchSize: 5, now: bad.retryAt! })).toEqual({ sent: 12, rejected: 0, conflicts: 0 });
    await expectExactlyOnce(server, 'ann', events);
  });

  it('a connection reset before the server saw anything: retried', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const events = queueMany(store, 'R1', 'ann', 1);
    server.proxy.inject({ fault: { kind: 'reset' }, match: isBulk, times: 1 });
    const bad = await pushOutbox(store, ann, { now: 0 });
    expect(bad.error).toBeDefined();
    expect(await pushOutbox(store, ann, { now: bad.retryAt! })).toEqual({ sent: 3, rejected: 0, conflicts: 0 });
    await expectExactlyOnce(server, 'ann', events);
  });

  it('pull: a malformed or failed _changes answer leaves the checkpoint alone', async () => {
    const store = new MemorySyncStore();
    const lea = await userClient(server, 'lea');
    const isChanges = (r: { path: string }) => r.path.includes('/_changes');
    server.proxy.inject({ fault: { kind: 'malformed' }, match: isChanges, times: 1 });
    const err = await pullChanges(store, lea, { role: 'lead', apply: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CouchError);
    expect((err as CouchError).kind).toBe('malformed');
    server.proxy.inject({ fault: { kind: 'status', status: 503 }, match: isChanges, times: 1 });
    const err2 = await pullChanges(store, lea, { role: 'lead', apply: async () => {} }).catch((e: unknown) => e);
    expect((err2 as CouchError).kind).toBe('server');
    expect(await store.getCheckpoint('changes:lead')).toBeUndefined();
    let n = 0;
    await pullChanges(store, lea, { role: 'lead', apply: async (d) => void (n += d.length) });
    expect(n).toBe((await serverDocs(server)).length);
  });

  it('ids queued under a malformed outbox id or with an invalid payload are kept as rejected, not sent', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    store.enqueue({ id: `noagent${ulid()}`, kind: 'event', doc: {} });
    store.enqueue({ id: `V1:${ulid()}`, kind: 'outcome', doc: { caseId: 'c1', nps: 11 } });
    const result = await pushOutbox(store, ann);
    expect(result).toEqual({ sent: 0, rejected: 2, conflicts: 0 });
    const reasons = (await store.listRejected()).map((e) => e.lastError);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('is not "<agentId>:<ulid>"'), expect.stringContaining('outcome.nps')]));
  });
});
