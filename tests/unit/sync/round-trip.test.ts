import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDoc } from '../../../utils/cases/team-docs';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pullChanges } from '../../../utils/sync/pull';
import { pushOutbox } from '../../../utils/sync/push';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { queueCase, serverDocs, setUpTeam, userClient } from './team-fixture';

describe('two agents and a lead round-trip records', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('pushes both agents’ outboxes, the lead pulls everything, agents pull templates and settings', async () => {
    const annStore = new MemorySyncStore();
    const bobStore = new MemorySyncStore();
    const leaStore = new MemorySyncStore();
    const ann = await userClient(server, 'ann');
    const bob = await userClient(server, 'bob');
    const lea = await userClient(server, 'lea');

    const annEvents = [...queueCase(annStore, 'A1', 'ann'), ...queueCase(annStore, 'A1', 'ann')];
    const bobEvents = queueCase(bobStore, 'B7', 'bob');
    annStore.enqueue({ id: `A1:${ulid()}`, kind: 'outcome', doc: { caseId: annEvents[0]!.caseId, csat: 5, nps: 9, at: '2026-03-02T12:00:00Z' } });
    bobStore.enqueue({ id: `B7:${ulid()}`, kind: 'correction', doc: { category: 'complaint', previous: 'inquiry' } });
    leaStore.enqueue({ id: `L1:${ulid()}`, kind: 'template', doc: { templateId: 'ack-complaint', version: 2, status: 'approved', at: '2026-03-02T08:00:00Z', body: 'Thank you, {{name}}.' } });
    leaStore.enqueue({ id: `L1:${ulid()}`, kind: 'settings', doc: { version: 1, at: '2026-03-02T08:00:00Z', policy: {}, holidays: {} } });

    expect(await pushOutbox(annStore, ann, { batchSize: 4 })).toEqual({ sent: 7, rejected: 0, conflicts: 0 });
    expect(await pushOutbox(bobStore, bob)).toEqual({ sent: 4, rejected: 0, conflicts: 0 });
    expect(await pushOutbox(leaStore, lea)).toEqual({ sent: 2, rejected: 0, conflicts: 0 });
    expect(annStore.all()).toEqual([]);

    const docs = await serverDocs(server);
    expect(docs).toHaveLength(13);
    const annDoc = docs.find((d) => d._id === `ev:ann:${annEvents[0]!.id}`);
    expect(annDoc).toMatchObject({ type: 'event', author: 'ann', agentId: 'ann', event: annEvents[0] });

    // The lead takes every record, in two batches, and keeps the checkpoint.
    const leadGot: SyncDoc[] = [];
    const first = await pullChanges(leaStore, lea, { role: 'lead', limit: 8, apply: async (d) => void leadGot.push(...d) });
    expect(first.applied).toBe(13);
    expect(first.batches).toBeGreaterThanOrEqual(2);
    const events = leadGot.filter((d) => d.type === 'event').map((d) => (d as { event: unknown }).event);
    expect(events).toHaveLength(annEvents.length + bobEvents.length);
    expect(events).toEqual(expect.arrayContaining([...annEvents, ...bobEvents]));
    expect(leadGot.filter((d) => d.type === 'outcome')).toHaveLength(1);
    expect(new Set(leadGot.map((d) => d.author))).toEqual(new Set(['ann', 'bob', 'lea']));

    // Nothing new: nothing applied again.
    const again = await pullChanges(leaStore, lea, { role: 'lead', apply: async (d) => void leadGot.push(...d) });
    expect(again.applied).toBe(0);
    expect(leadGot).toHaveLength(13);

    // An agent takes templates and settings only: filtered by the server (the default) …
    const agentGot: SyncDoc[] = [];
    const agentPull = await pullChanges(bobStore, bob, { role: 'agent', apply: async (d) => void agentGot.push(...d) });
    expect(agentGot.map((d) => d.type).sort()).toEqual(['settings', 'template']);
    expect(agentPull.skipped).toBe(0);
    expect(server.proxy.log.some((r) => r.method === 'POST' && r.path.includes('filter=_selector'))).toBe(true);
    // … or on the client, for servers without `_selector`.
    const unfiltered: SyncDoc[] = [];
    const clientSide = await pullChanges(new MemorySyncStore(), bob, { role: 'agent', serverFilter: false, apply: async (d) => void unfiltered.push(...d) });
    expect(unfiltered).toEqual(agentGot);
    expect(clientSide.skipped).toBe(13); // 11 records, the design document and the team profile

    // New records arrive later: only those are pulled.
    queueCase(bobStore, 'B7', 'bob');
    await pushOutbox(bobStore, bob);
    const later: SyncDoc[] = [];
    await pullChanges(leaStore, lea, { role: 'lead', apply: async (d) => void later.push(...d) });
    expect(later).toHaveLength(3);
    expect(later.every((d) => d.author === 'bob')).toBe(true);
  });

  it('keeps the checkpoint where it was when applying fails, and pulls the batch again', async () => {
    const store = new MemorySyncStore();
    const lea = await userClient(server, 'lea');
    await expect(
      pullChanges(store, lea, { role: 'lead', apply: async () => Promise.reject(new Error('quota exceeded')) }),
    ).rejects.toThrow('quota exceeded');
    expect(await store.getCheckpoint('changes:lead')).toBeUndefined();
    let count = 0;
    await pullChanges(store, lea, { role: 'lead', apply: async (d) => void (count += d.length) });
    expect(count).toBe(16);
    expect(await store.getCheckpoint('changes:lead')).toBeDefined();
  });
});
