import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, openCaselineDb } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { localDigest } from '../../../utils/db/digests';
import { event, freshFactory } from './helpers';

const caseV1 = {
  caseId: 'gmail:t1',
  host: 'gmail' as const,
  threadId: 't1',
  subject: 'Broken kettle',
  customerEmail: '  Dana@Example.ORG ',
  stage: 'acknowledged' as const,
  agentId: 'agent-ann',
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
  nextDueAt: '2026-01-02T08:00:00.000Z',
  open: 1 as const,
};

/** Writes what a version-N install would hold, using only the stores that version has. */
async function seed(db: CaselineDb, version: number): Promise<void> {
  // From v2 on, the app stores addresses lower-cased; v1 stored them as typed.
  await db.put('cases', version >= 2 ? { ...caseV1, customerEmail: 'dana@example.org' } : caseV1);
  await db.put('events', event('gmail:t1', 'received', '2026-01-01T08:00:00.000Z', { messageId: 'm1' }, 'customer', '01HV0000000000000000000001'));
  await db.put('outcomes', { caseId: 'gmail:t1', agentId: 'agent-ann', recordedAt: '2026-01-01T10:00:00.000Z', csat: 5 });
  await db.put('templates', { id: 'ack', name: 'Acknowledgement', body: 'Thanks, {{customer.firstName}}', version: 1, updatedAt: '2026-01-01T00:00:00.000Z' });
  await db.put('settings', { key: 'retentionDays', value: 200 });
  await db.put('counters', { key: 'complaint:AB', value: 41 });
  await db.put('checkpoints', { id: 'team', seq: '12-abc', updatedAt: '2026-01-01T00:00:00.000Z' });
  await db.put('outbox', { id: 'agent-ann:01HV0000000000000000000009', kind: 'case', doc: { kind: 'case' } as never, state: 'pending', attempts: 0, createdAt: '2026-01-01T00:00:00.000Z', caseId: 'gmail:t1' });
  if (version >= 2) await db.put('corrections', { id: 'c1', at: '2026-01-01T00:00:00.000Z', to: 'complaint', caseId: 'gmail:t1' });
  // From v5 on, the app keeps each case's digest beside it.
  if (version >= 5) {
    const record = await db.get('cases', 'gmail:t1');
    await db.put('digests', { ...localDigest(record!, await db.getAllFromIndex('events', 'byCase', 'gmail:t1')), rev: 1 });
  }
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … with no number missing or repeated', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name.startsWith(String(m.version).padStart(3, '0'))).toBe(true);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('create every store and index on a fresh install', async () => {
    const db = await openCaselineDb(freshFactory());
    expect(db.version).toBe(LATEST_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'cases', 'checkpoints', 'corrections', 'counters', 'digests', 'events', 'meta', 'notes', 'outbox', 'outcomes', 'ownership', 'packs', 'presence', 'settings', 'team', 'templates', 'threads', 'views',
    ]);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['byAt', 'byCase', 'byMention', 'byThread']);
    expect([...db.transaction('ownership').store.indexNames].sort()).toEqual(['byCase', 'byThread']);
    expect([...db.transaction('threads').store.indexNames].sort()).toEqual(['byCase']);
    expect([...db.transaction('team').store.indexNames].sort()).toEqual(['byAgent', 'byCase', 'byType']);
    expect([...db.transaction('digests').store.indexNames].sort()).toEqual(['byDirty', 'bySource']);
    expect([...db.transaction('packs').store.indexNames]).toEqual(['byVersion']);
    const tx = db.transaction(['cases', 'events', 'outbox', 'corrections'], 'readonly');
    expect([...tx.objectStore('cases').indexNames].sort()).toEqual(['byCategory', 'byClosedAt', 'byCreatedAt', 'byCustomer', 'byDeadline', 'byOpen']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['byAt', 'byCase']);
    expect([...tx.objectStore('outbox').indexNames].sort()).toEqual(['byCase', 'byCaseKind', 'byState']);
    expect([...tx.objectStore('corrections').indexNames].sort()).toEqual(['byAt', 'byCase']);
    expect((await db.get('meta', 'syncSalt'))?.value).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  for (const migration of MIGRATIONS.filter((m) => m.version < LATEST_VERSION)) {
    it(`upgrade from version ${migration.version} keeps every record`, async () => {
      const factory = freshFactory();
      const old = await openCaselineDb(factory, 'caseline', { version: migration.version });
      expect(old.version).toBe(migration.version);
      await seed(old, migration.version);
      const salt = (await old.get('meta', 'syncSalt'))?.value;
      old.close();

      const db = await openCaselineDb(factory, 'caseline');
      expect(db.version).toBe(LATEST_VERSION);
      const record = await db.get('cases', 'gmail:t1');
      expect(record).toEqual({ ...caseV1, customerEmail: 'dana@example.org' });
      expect(await db.getAllFromIndex('cases', 'byCustomer', 'dana@example.org')).toHaveLength(1);
      expect(await db.getAllFromIndex('events', 'byCase', 'gmail:t1')).toHaveLength(1);
      expect((await db.get('outcomes', 'gmail:t1'))?.csat).toBe(5);
      expect((await db.get('templates', 'ack'))?.body).toBe('Thanks, {{customer.firstName}}');
      expect((await db.get('settings', 'retentionDays'))?.value).toBe(200);
      expect((await db.get('counters', 'complaint:AB'))?.value).toBe(41);
      expect((await db.get('checkpoints', 'team'))?.seq).toBe('12-abc');
      expect((await db.get('meta', 'syncSalt'))?.value).toBe(salt);
      expect(await db.getAllKeysFromIndex('outbox', 'byCaseKind', ['gmail:t1', 'case', 'pending'])).toEqual(['agent-ann:01HV0000000000000000000009']);
      // v5: every case has its dashboard digest, made from its log (an install already at v5 made it itself).
      if (migration.version < 5) expect(await db.get('digests', 'local:gmail:t1')).toMatchObject({ source: 'local', caseId: 'gmail:t1', agentId: 'agent-ann', eventCount: 1, marks: [Date.parse('2026-01-01T08:00:00.000Z'), 0, 0, Date.parse('2026-01-01T08:00:00.000Z'), 1, 0] });
      await db.put('team', { id: 'event:agent-bob:01', type: 'event', agentId: 'agent-bob', doc: { _id: 'event:agent-bob:01', type: 'event' } as never });
      expect(await db.countFromIndex('team', 'byAgent', 'agent-bob')).toBe(1);
      await db.put('corrections', { id: 'c2', at: '2026-01-02T00:00:00.000Z', to: 'support' });
      expect(await db.count('corrections')).toBe(migration.version >= 2 ? 2 : 1);
      db.close();
    });
  }

  it('from v4: each pulled team document is filed under its author’s case, with the team digests built', async () => {
    const factory = freshFactory();
    const old = await openCaselineDb(factory, 'caseline', { version: 4 });
    const received = event('key-1', 'received', '2026-01-01T08:00:00.000Z', { messageId: 'm1' }, 'customer', '01HV0000000000000000000001');
    const doc = (type: string, id: string, body: Record<string, unknown>) => ({ id, type, agentId: 'bob', doc: { _id: id, type, author: 'bob', agentId: 'bob', createdAt: '2026-01-01T08:00:00.000Z', ...body } as never });
    await old.put('team', doc('event', 'ev:bob:1', { event: received }));
    await old.put('team', doc('case', 'cs:bob:2', { case: { caseId: 'key-1', category: 'complaint' } }));
    await old.put('team', doc('template', 'tp:bob:3', { template: { id: 't' } }));
    old.close();

    const db = await openCaselineDb(factory, 'caseline');
    expect((await db.getAllFromIndex('team', 'byCase', 'bob:key-1')).map((r) => r.id).sort()).toEqual(['cs:bob:2', 'ev:bob:1']);
    expect((await db.get('team', 'tp:bob:3'))?.caseId).toBeUndefined();
    expect(await db.getAllFromIndex('digests', 'bySource', 'team')).toEqual([
      { key: 'team:bob:key-1', source: 'team', caseId: 'bob:key-1', agentId: 'bob', category: 'complaint', eventCount: 1, lastAt: Date.parse(received.at), lastId: received.id, marks: [Date.parse(received.at), 0, 0, Date.parse(received.at), 1, 0], rev: 1 },
    ]);
    db.close();
  });

  it('v6, from v5: team records become their authors’ (case and agent); records not bound to their author are dropped; digests rebuilt, pack dropped', async () => {
    const factory = freshFactory();
    const old = await openCaselineDb(factory, 'caseline', { version: 5 });
    const annEvent = event('key-1', 'received', '2026-01-01T08:00:00.000Z', {}, 'customer', '01HV0000000000000000000001');
    // As v5 held them: filed by case key alone, under the writer's install id.
    const v5 = (id: string, author: string, agentId: string, type: string, body: Record<string, unknown>, caseId?: string) =>
      ({ id, type, agentId, ...(caseId ? { caseId } : {}), doc: { _id: id, type, author, agentId, createdAt: '2026-01-01T08:00:00.000Z', ...body } as never });
    await old.put('team', v5('ev:ann:1', 'ann', 'ann', 'event', { event: annEvent }, 'key-1'));
    await old.put('team', v5('cs:ann:2', 'ann', 'ann', 'case', { case: { caseId: 'key-1', category: 'support' } }, 'key-1'));
    // bob, writing under an install id of his choice, named ann's case key and event id: v5 merged it into her case.
    await old.put('team', v5('ev:A1:1', 'bob', 'A1', 'event', { event: { ...annEvent, type: 'resolved', data: { code: 'x', summary: 'y' } } }, 'key-1'));
    await old.put('team', v5('ev:bob:3', 'bob', 'bob', 'event', { event: { ...annEvent, id: '01HV0000000000000000000003' } }, 'key-1'));
    await old.put('digests', { key: 'team:key-1', source: 'team', caseId: 'key-1', agentId: 'A1', category: 'support', eventCount: 2, marks: [], rev: 3 });
    await old.put('packs', { source: 'team', version: 'v', policyKey: 'p', rows: { caseIds: [], agentIds: [], categories: new Uint8Array(), offsets: new Uint32Array(), marks: new Float64Array() } as never });
    old.close();

    const db = await openCaselineDb(factory, 'caseline');
    expect(await db.get('team', 'ev:A1:1')).toBeUndefined();
    expect((await db.getAllFromIndex('team', 'byCase', 'ann:key-1')).map((r) => r.id).sort()).toEqual(['cs:ann:2', 'ev:ann:1']);
    expect((await db.getAllFromIndex('team', 'byCase', 'bob:key-1')).map((r) => r.id)).toEqual(['ev:bob:3']);
    expect(await db.countFromIndex('team', 'byCase', 'key-1')).toBe(0);
    expect(await db.countFromIndex('team', 'byAgent', 'A1')).toBe(0);
    expect(await db.get('packs', 'team')).toBeUndefined();
    const digests = await db.getAllFromIndex('digests', 'bySource', 'team');
    expect(digests.map((d) => [d.caseId, d.agentId, d.category, d.eventCount]).sort()).toEqual([
      ['ann:key-1', 'ann', 'support', 1],
      ['bob:key-1', 'bob', 'inquiry', 1],
    ]);
    // The local side is untouched.
    expect(await db.get('digests', 'local:gmail:t1')).toBeUndefined();
    db.close();
  });

  it('v9, from v8: the packs kept are found by their version', async () => {
    const factory = freshFactory();
    const old = await openCaselineDb(factory, 'caseline', { version: 8 });
    const rows = { caseIds: [], agentIds: [], categories: new Uint8Array(), offsets: new Uint32Array(), marks: new Float64Array() } as never;
    await old.put('packs', { source: 'local', version: '01HVPACKLOCAL', policyKey: 'p', rows });
    await old.put('packs', { source: 'team', version: '01HVPACKTEAM', policyKey: 'p', rows });
    old.close();

    const db = await openCaselineDb(factory, 'caseline');
    expect(db.version).toBe(9);
    expect(await db.getKeyFromIndex('packs', 'byVersion', '01HVPACKLOCAL')).toBe('local');
    expect(await db.getKeyFromIndex('packs', 'byVersion', '01HVPACKTEAM')).toBe('team');
    expect(await db.getKeyFromIndex('packs', 'byVersion', 'gone')).toBeUndefined();
    expect((await db.get('packs', 'local'))?.policyKey).toBe('p');
    db.close();
  });

  it('re-opening at the latest version changes nothing', async () => {
    const factory = freshFactory();
    const db = await openCaselineDb(factory);
    await seed(db, LATEST_VERSION);
    db.close();
    const again = await openCaselineDb(factory);
    expect(await again.count('cases')).toBe(1);
    expect(await again.count('corrections')).toBe(1);
    again.close();
  });

  it('refuses a version that does not exist', async () => {
    await expect(openCaselineDb(freshFactory(), 'x', { version: LATEST_VERSION + 1 })).rejects.toThrow(/No schema version/);
  });
});
