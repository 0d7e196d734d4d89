import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { monotonicFactory } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCaselineDb } from '../../../utils/db/open';
import { listOutbox } from '../../../utils/db/outbox';
import { eraseCustomer } from '../../../utils/db/retention';
import type { CaselineDb, OutboxItem } from '../../../utils/db/schema';
import { saveAppSettings } from '../../../utils/desk/app-settings';
import { CaseDesk } from '../../../utils/desk/case-desk';
import { IdbSyncStore } from '../../../utils/desk/idb-sync-store';
import { listTeamDocs, putTeamDocs } from '../../../utils/desk/team-records';
import type { ThreadSnapshot } from '../../../utils/cases/mail-thread';
import { casesFromSyncDocs } from '../../../utils/metrics/cases-from-sync';
import { findSampleThread, toThreadSnapshot } from '../../../utils/practice';
import { defaultSettings } from '../../../utils/settings/default-settings';
import type { CaselineSettings } from '../../../utils/settings/settings';
import { docIdFor, parseSyncDoc } from '../../../utils/sync/docs';
import { pullChanges } from '../../../utils/sync/pull';
import { pushOutbox } from '../../../utils/sync/push';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { serverDocs, setUpTeam, userClient } from '../sync/team-fixture';

const NOW = new Date('2026-11-25T11:00:00Z'); // a Wednesday
const isBulk = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes('/_bulk_docs');

interface Agent {
  db: CaselineDb;
  desk: CaseDesk;
  settings: CaselineSettings;
  agentId: string;
}

/** A fresh install with sync on, as the background would have it. */
async function newAgent(server: CouchServer, seed: string, user: string): Promise<Agent> {
  const db = await openCaselineDb(new IDBFactory());
  let settings: CaselineSettings = { ...defaultSettings(NOW, 'sop-000', { seed, timeZone: 'Europe/London' }), onboarded: true };
  settings.agent = { ...settings.agent, name: 'Sam Rivera', prefix: 'NW' };
  settings.company = { name: 'Northwind Home & Energy' };
  settings.sync = { enabled: true, url: server.proxy.url, db: server.db, user };
  const saved = await saveAppSettings(db, settings);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  settings = saved.value;
  const current = settings;
  const desk = new CaseDesk({ db, settings: async () => current, now: () => NOW, newId: monotonicFactory(), timeZone: 'Europe/London' });
  return { db, desk, settings, agentId: settings.agent.id };
}

function snapshotOf(id: string): ThreadSnapshot {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`no sample thread ${id}`);
  return toThreadSnapshot(thread, NOW);
}

async function open(agent: Agent, threadId: string): Promise<string> {
  const r = await agent.desk.snapshot(snapshotOf(threadId));
  if (!r.ok || !r.value) throw new Error(`no case for ${threadId}: ${JSON.stringify(r)}`);
  return r.value.caseId;
}

async function run(agent: Agent, caseId: string, command: Parameters<CaseDesk['command']>[1]): Promise<void> {
  const r = await agent.desk.command(caseId, command);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error}`);
}

/** Several cases through most of the lifecycle: events, case summaries and outcomes in the outbox. */
async function work(agent: Agent): Promise<void> {
  const complaint = await open(agent, 'p09-refund-kettle-rude');
  await run(agent, complaint, { type: 'acknowledge' });
  await run(agent, complaint, { type: 'logTemplate', templateId: 'complaint-ack' });
  await run(agent, complaint, { type: 'escalate', reason: 'Refund above my limit', to: 'Team lead' });
  await run(agent, complaint, { type: 'updateEscalation', note: 'Lead approved the refund' });
  await run(agent, complaint, { type: 'resolve', code: 'refunded', summary: 'Refund issued for the kettle' });
  await run(agent, complaint, { type: 'recordOutcome', outcome: { csat: 4, feedback: 'Took a while but fine' } });
  await run(agent, complaint, { type: 'followUp', note: 'Called back' });
  await run(agent, complaint, { type: 'close', satisfied: true });

  const inquiry = await open(agent, 'p16-saturday-delivery');
  await run(agent, inquiry, { type: 'setCategory', category: 'inquiry' });
  await run(agent, inquiry, { type: 'acknowledge' });
  await run(agent, inquiry, { type: 'resolve', code: 'answered', summary: 'Saturday delivery explained' });
  await run(agent, inquiry, { type: 'recordOutcome', outcome: { csat: 5 } });

  const support = await open(agent, 'p08-solar-inverter-fault');
  await run(agent, support, { type: 'acknowledge' });
  await run(agent, support, { type: 'awaitCustomer', note: 'Asked for the app version' });

  await open(agent, 'p06-card-double-charge'); // already answered in the thread
  await open(agent, 'p02-ombudsman-billing'); // received only
}

/** The id an outbox item gets on the server when `user` pushes it: `<prefix>:<user>:<ulid>`. */
function serverIdOf(item: OutboxItem, user: string): string {
  return docIdFor(item.kind, user, item.id.slice(item.id.indexOf(':') + 1));
}

/** The server's copies of these outbox items, pushed by `user`. */
async function onServerOf(server: CouchServer, items: OutboxItem[], user: string) {
  const ids = new Set(items.map((i) => serverIdOf(i, user)));
  return (await serverDocs(server)).filter((d) => ids.has(d._id));
}

describe('IdbSyncStore: the outbox in IndexedDB against a real team database', () => {
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

  it('pushes every outbox document exactly once, valid, and the lead derives the same cases', async () => {
    const agent = await newAgent(server, 'idb-sync-ann', 'ann');
    await work(agent);
    const queued = await listOutbox(agent.db, 'pending');
    const kinds = new Set(queued.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['event', 'case', 'outcome']));
    const localEvents = await agent.db.getAll('events');
    const localCases = await agent.db.getAll('cases');
    expect(queued.filter((i) => i.kind === 'event')).toHaveLength(localEvents.length);

    // Every document the store hands out passes the same checks as the server's validation.
    const store = new IdbSyncStore(agent.db);
    for (const entry of await store.listPending(10_000)) {
      const doc = { _id: docIdFor(entry.kind, 'ann', entry.id.slice(entry.id.indexOf(':') + 1)), type: entry.kind, author: 'ann', agentId: 'ann', createdAt: entry.createdAt, [entry.kind]: entry.doc };
      expect(parseSyncDoc(doc), `${entry.kind} ${entry.id}`).toMatchObject({ ok: true });
    }

    const ann = await userClient(server, 'ann');
    const pushed = await pushOutbox(store, ann, { author: 'ann', batchSize: 7 });
    expect(pushed).toEqual({ sent: queued.length, rejected: 0, conflicts: 0 });
    expect(await store.listRejected()).toEqual([]);
    expect(await store.listPending(10_000)).toEqual([]);
    expect(await agent.db.count('outbox')).toBe(0);

    const onServer = await onServerOf(server, queued, 'ann');
    expect(onServer).toHaveLength(queued.length);
    expect(new Set(onServer.map((d) => d._id))).toEqual(new Set(queued.map((i) => serverIdOf(i, 'ann'))));
    for (const d of onServer) {
      expect(String(d._rev)).toMatch(/^1-/);
      expect(d.author).toBe('ann');
    }
    // Privacy: no address, subject or thread id left the machine.
    const text = JSON.stringify(onServer);
    for (const c of localCases) {
      expect(text).not.toContain(c.customerEmail);
      expect(text).not.toContain(c.threadId);
      expect(text).not.toContain(c.caseId);
    }

    // Resending the same documents (answers lost, outbox restored from a backup) is harmless.
    const tx = agent.db.transaction('outbox', 'readwrite');
    await Promise.all([...queued.map((i) => tx.store.put(i)), tx.done]);
    const again = await pushOutbox(store, ann, { author: 'ann' });
    expect(again).toEqual({ sent: queued.length, rejected: 0, conflicts: 0 });
    expect(await agent.db.count('outbox')).toBe(0);
    const after = await onServerOf(server, queued, 'ann');
    expect(after).toHaveLength(queued.length);
    expect(after.every((d) => String(d._rev).startsWith('1-'))).toBe(true);

    // A lead pulls into their own database and derives the same cases and events.
    const lead = await newAgent(server, 'idb-sync-lea', 'lea');
    const lea = await userClient(server, 'lea');
    const leadStore = new IdbSyncStore(lead.db);
    const pulled = await pullChanges(leadStore, lea, { role: 'lead', limit: 10, apply: (docs) => putTeamDocs(lead.db, docs) });
    expect(pulled.invalid).toEqual([]);
    expect(await leadStore.getCheckpoint('changes:lead')).toBeDefined();
    const team = await listTeamDocs(lead.db);
    const { cases, outcomes } = casesFromSyncDocs(team.filter((d) => d.author === 'ann'));
    expect(cases).toHaveLength(localCases.length);
    expect(cases.reduce((n, c) => n + c.events.length, 0)).toBe(localEvents.length);
    expect(outcomes).toHaveLength(await agent.db.count('outcomes'));
    // Events arrive unchanged apart from the hashed case id and the private fields.
    const byEventId = new Map(cases.flatMap((c) => c.events.map((e) => [e.id, e] as const)));
    for (const e of localEvents) {
      const synced = byEventId.get(e.id);
      expect(synced?.type).toBe(e.type);
      expect(synced?.at).toBe(e.at);
    }
    // The categories the lead sees are those of the local cases.
    expect(cases.map((c) => c.category).sort()).toEqual(localCases.map((c) => c.category).sort());

    // Pulling again brings nothing new.
    const second = await pullChanges(leadStore, lea, { role: 'lead', apply: (docs) => putTeamDocs(lead.db, docs) });
    expect(second.applied).toBe(0);
  });

  it('an erasure notice passes validation and reaches the server', async () => {
    const agent = await newAgent(server, 'idb-sync-erase', 'bob');
    const caseId = await open(agent, 'p09-refund-kettle-rude');
    const record = await agent.db.get('cases', caseId);
    expect(record?.customerEmail).toBeTruthy();
    await eraseCustomer(agent.db, record!.customerEmail!, { agentId: agent.agentId, now: NOW.toISOString(), queueSync: true });
    const queued = await listOutbox(agent.db, 'pending');
    expect(queued.map((i) => i.kind)).toEqual(['erasure']);
    const bob = await userClient(server, 'bob');
    const pushed = await pushOutbox(new IdbSyncStore(agent.db), bob, { author: 'bob' });
    expect(pushed).toEqual({ sent: 1, rejected: 0, conflicts: 0 });
    const onServer = await onServerOf(server, queued, 'bob');
    expect(onServer.map((d) => d._id)).toEqual([serverIdOf(queued[0]!, 'bob')]);
    expect(JSON.stringify(onServer)).not.toContain(record!.customerEmail!);
  });

  it('erasing a customer with many cases still makes one valid erasure notice', async () => {
    const agent = await newAgent(server, 'idb-sync-erase-many', 'bob');
    const base = snapshotOf('p16-saturday-delivery');
    for (let i = 0; i < 40; i++) {
      const r = await agent.desk.snapshot({ ...base, threadId: `regular-customer-${i}` });
      expect(r.ok && r.value).toBeTruthy();
    }
    const email = (await agent.db.getAll('cases'))[0]!.customerEmail!;
    expect(await agent.db.countFromIndex('cases', 'byCustomer', email)).toBe(40);
    await eraseCustomer(agent.db, email, { agentId: agent.agentId, now: NOW.toISOString(), queueSync: true });
    const queued = await listOutbox(agent.db, 'pending');
    expect(queued.map((i) => i.kind)).toEqual(['erasure']);
    const bob = await userClient(server, 'bob');
    const store = new IdbSyncStore(agent.db);
    expect(await pushOutbox(store, bob, { author: 'bob' })).toEqual({ sent: 1, rejected: 0, conflicts: 0 });
    expect(await store.listRejected()).toEqual([]);
    const onServer = (await serverDocs(server)).find((d) => d._id === serverIdOf(queued[0]!, 'bob'));
    expect((onServer?.erasure as { caseKeys: string[] }).caseKeys).toHaveLength(40);
  });

  it('server stopped mid-push: entries stay pending with backoff in IndexedDB, a later push sends them once', async () => {
    const agent = await newAgent(server, 'idb-sync-fault', 'ann');
    await work(agent);
    const queued = await listOutbox(agent.db, 'pending');
    expect(queued.length).toBeGreaterThan(12);
    const store = new IdbSyncStore(agent.db);
    const ann = await userClient(server, 'ann');

    // The second batch is written by the server, then the server goes away before answering.
    let bulkCalls = 0;
    server.proxy.onForwarded = async (r) => {
      if (isBulk(r) && ++bulkCalls === 2) await server.stopServer();
    };
    server.proxy.inject({ fault: { kind: 'drop-response' }, match: (r) => isBulk(r) && bulkCalls >= 1 });
    const now = Date.parse('2026-11-25T12:00:00Z');
    const first = await pushOutbox(store, ann, { author: 'ann', batchSize: 6, now, random: () => 0.5 });
    expect(first.sent).toBe(6);
    expect(first.error).toBeDefined();
    expect(first.retryAt).toBeGreaterThan(now);
    server.proxy.clear();

    // The state lives in IndexedDB: a new store (a restarted worker) sees it.
    const reopened = new IdbSyncStore(agent.db);
    const backoff = await reopened.getBackoff();
    expect(backoff).toMatchObject({ attempt: 1, retryAt: first.retryAt });
    expect(backoff?.lastError).toBeTruthy();
    const pending = await reopened.listPending(10_000);
    expect(pending).toHaveLength(queued.length - 6);
    expect(pending[0]!.attempts).toBe(1);
    expect(pending[0]!.lastError).toBeTruthy();

    // Before retryAt nothing is attempted.
    const early = await pushOutbox(reopened, ann, { author: 'ann', now: now + 1 });
    expect(early.sent).toBe(0);
    expect(early.retryAt).toBe(first.retryAt);

    await server.restart();
    const later = await pushOutbox(reopened, ann, { author: 'ann', batchSize: 6, now: first.retryAt! });
    expect(later).toEqual({ sent: queued.length - 6, rejected: 0, conflicts: 0 });
    expect(await reopened.getBackoff()).toBeUndefined();
    expect(await agent.db.count('outbox')).toBe(0);

    const onServer = await onServerOf(server, queued, 'ann');
    expect(onServer).toHaveLength(queued.length);
    expect(new Set(onServer.map((d) => d._id))).toEqual(new Set(queued.map((i) => serverIdOf(i, 'ann'))));
    expect(onServer.every((d) => String(d._rev).startsWith('1-'))).toBe(true);
  });
});
