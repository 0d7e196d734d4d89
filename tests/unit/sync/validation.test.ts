import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pushOutbox } from '../../../utils/sync/push';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { adminClient, queueCase, serverDocs, setUpTeam, userClient } from './team-fixture';

const event = (caseId = 'c1') => ({ id: ulid(), caseId, type: 'received', at: '2026-03-02T09:00:00.000Z', actor: 'customer', source: 'auto', data: {} });

describe('validate_doc_update on the server', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('rejects a document written under another user’s name, for agents and leads alike', async () => {
    for (const [user, other] of [['ann', 'bob'], ['lea', 'ann']] as const) {
      const client = await userClient(server, user);
      const id = ulid();
      const [answer] = await client.bulkDocs([
        { _id: `ev:X1:${id}`, type: 'event', author: other, agentId: 'X1', createdAt: '2026-03-02T09:00:00Z', event: event() },
      ]);
      expect(answer).toMatchObject({ ok: false, error: 'forbidden' });
      expect(answer!.ok === false && answer!.reason).toContain('author must be the logged-in user');
    }
  });

  it('push keeps such a record as rejected with the reason, and sends the rest', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    queueCase(store, 'A1', 'ann');
    // Written under bob's name (e.g. a profile switched without logging out): the server refuses it.
    const spoofed = `A1:${ulid()}`;
    store.enqueue({ id: spoofed, kind: 'event', doc: event('c2') });
    const result = await pushOutbox(store, ann, { author: 'bob' });
    expect(result).toEqual({ sent: 0, rejected: 4, conflicts: 0 });
    const rejected = await store.listRejected();
    expect(rejected).toHaveLength(4);
    expect(rejected.every((e) => e.lastError?.includes('author must be the logged-in user'))).toBe(true);
    expect(await serverDocs(server)).toEqual([]);
  });

  it('rejects bad shapes, wrong ids, updates and deletions; agents may not write templates', async () => {
    const ann = await userClient(server, 'ann');
    const base = { author: 'ann', agentId: 'ann', createdAt: '2026-03-02T09:00:00Z' };
    const good = { _id: `ev:ann:${ulid()}`, type: 'event', ...base, event: event() };
    const answers = await ann.bulkDocs([
      good,
      { _id: `ev:ann:${ulid()}`, type: 'event', ...base, event: { ...event(), type: 'teleported' } },
      { _id: `ev:B2:${ulid()}`, type: 'event', ...base, event: event() },
      { _id: `oc:ann:${ulid()}`, type: 'outcome', ...base, outcome: { caseId: 'c1', csat: 9 } },
      { _id: `tp:ann:${ulid()}`, type: 'template', ...base, template: { templateId: 't', version: 1, status: 'withdrawn', at: '2026-03-02T09:00:00Z' } },
      { _id: `zz:ann:${ulid()}`, type: 'gossip', ...base, gossip: {} },
      { _id: `ev:A1:${ulid()}`, type: 'event', ...base, agentId: 'A1', event: event() },
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error))).toEqual(['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
    const reasons = answers.map((a) => (a.ok ? '' : a.reason));
    expect(reasons[1]).toContain('event.type');
    expect(reasons[2]).toContain('_id must be');
    expect(reasons[3]).toContain('outcome.csat');
    expect(reasons[4]).toContain('written by caseline-lead');
    expect(reasons[5]).toContain('unknown type');
    expect(reasons[6]).toContain('agentId must be the logged-in user');

    const rev = answers[0]!.ok ? answers[0]!.rev : '';
    const [update] = await ann.bulkDocs([{ ...good, _rev: rev, event: { ...good.event, actor: 'someone' } }]);
    expect(update).toMatchObject({ ok: false, error: 'forbidden' });
    expect(update!.ok === false && update!.reason).toContain('append-only');
    const [deletion] = await ann.bulkDocs([{ _id: good._id, _rev: rev, _deleted: true }]);
    expect(deletion).toMatchObject({ ok: false, error: 'forbidden' });

    // A server admin bypasses the rules (maintenance, erasure).
    const [byAdmin] = await adminClient(server).bulkDocs([{ _id: good._id, _rev: rev, _deleted: true }]);
    expect(byAdmin).toMatchObject({ ok: true });
  });

  it('binds records to the user: an agent cannot write under another agent’s id, and the lead sees who wrote what', async () => {
    const ann = await userClient(server, 'ann');
    const victim = `ev:bob:${ulid()}`;
    const [asBob] = await ann.bulkDocs([{ _id: victim, type: 'event', author: 'ann', agentId: 'bob', createdAt: '2026-03-02T09:00:00Z', event: event() }]);
    expect(asBob).toMatchObject({ ok: false, error: 'forbidden' });
    const [bobsId] = await ann.bulkDocs([{ _id: victim, type: 'event', author: 'ann', agentId: 'ann', createdAt: '2026-03-02T09:00:00Z', event: event() }]);
    expect(bobsId).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await serverDocs(server)).some((d) => d._id === victim)).toBe(false);

    // Push builds bound records from any outbox: whatever the install's own agent id, the record is ann's.
    const store = new MemorySyncStore();
    const events = queueCase(store, 'install-7f3a', 'ann');
    expect(await pushOutbox(store, ann)).toEqual({ sent: 3, rejected: 0, conflicts: 0 });
    const mine = (await serverDocs(server)).filter((d) => events.some((e) => d._id === `ev:ann:${e.id}`));
    expect(mine).toHaveLength(3);
    expect(mine.every((d) => d.author === 'ann' && d.agentId === 'ann')).toBe(true);
  });
});
