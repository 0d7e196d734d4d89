/**
 * The dashboard's digests stay in step with the logs through every write path: the digest of
 * each case always equals one made afresh from its record and whole log, and a case that is gone
 * is marked so. A pack is stored only over the one it was made from, and clears the dirty marks
 * of the digests it took in unless they were written again since.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importBackup, exportBackup } from '../../../utils/backup/json-backup';
import { exportEventsCsv, importCasesCsv, importEventsCsv, exportCasesCsv } from '../../../utils/backup/csv-transfer';
import type { CaseEvent } from '../../../utils/cases/events';
import { applyCaseEvents, eraseCustomer, eraseEverything, purgeExpired, runCaseCommand } from '../../../utils/db';
import type { CaseDigest, CaselineDb } from '../../../utils/db';
import { digestKey, localDigest, readDigests, storePack, teamDigest } from '../../../utils/db/digests';
import { LATEST_VERSION } from '../../../utils/db/migrations';
import { applyTeamBatch, listTeamDocs, putTeamDocs } from '../../../utils/desk/team-records';
import type { SyncDoc } from '../../../utils/cases/team-docs';
import { event, freshDb, freshFactory, newId } from './helpers';
import { openDatabaseForPage } from '../../../utils/db/open-for-page';
import { openCaselineDb } from '../../../utils/db/open';

let db: CaselineDb;
afterEach(() => db?.close());

const opts = { syncable: false, agentId: 'agent-ann', now: '2026-03-02T08:05:00.000Z' };
/** The content, without what writes add (rev, dirty); undefined for a case that is gone. */
const content = (d: CaseDigest | undefined) => {
  if (!d || d.deleted) return undefined;
  const { rev: _rev, dirty: _dirty, ...rest } = d;
  return rest;
};
const live = async (target: CaselineDb, source: 'local' | 'team') => (await target.getAllFromIndex('digests', 'bySource', source)).filter((d) => !d.deleted);

/** Every local digest equals one made afresh; no digest without a case. */
async function expectLocalInStep(target: CaselineDb): Promise<void> {
  const records = await target.getAll('cases');
  for (const record of records) {
    const events = await target.getAllFromIndex('events', 'byCase', record.caseId);
    expect(content(await target.get('digests', digestKey('local', record.caseId))), record.caseId).toEqual(localDigest(record, events));
  }
  expect((await live(target, 'local')).map((d) => d.caseId).sort()).toEqual(records.map((r) => r.caseId).sort());
}

async function start(caseId: string, at = '2026-03-02T08:00:00.000Z', email = 'dana@example.org') {
  return applyCaseEvents(
    db,
    caseId,
    [event(caseId, 'received', at, { messageId: `m-${caseId}` }, 'customer'), event(caseId, 'category_set', at, { category: 'complaint', by: 'classifier', confidence: 0.9 }, 'system')],
    { subject: 'Broken', customerEmail: email },
    opts,
  );
}

async function command(caseId: string, cmd: Parameters<typeof runCaseCommand>[1]['command'], now: string) {
  const r = await runCaseCommand(db, { caseId, command: cmd, agentId: 'agent-ann', now, newId, syncable: false, referencePrefix: 'AB' });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('local digests', () => {
  it('follow every case write: appended in order, rebuilt when an older event arrives', async () => {
    ({ db } = await freshDb());
    await start('gmail:t1');
    await expectLocalInStep(db);
    await command('gmail:t1', { type: 'acknowledge' }, '2026-03-02T09:00:00.000Z');
    await command('gmail:t1', { type: 'resolve', code: 'fixed', summary: 'Replaced' }, '2026-03-03T09:00:00.000Z');
    await command('gmail:t1', { type: 'close', satisfied: true }, '2026-03-04T09:00:00.000Z');
    await expectLocalInStep(db);
    const digest = (await db.get('digests', digestKey('local', 'gmail:t1')))!;
    expect(digest.eventCount).toBe(5);
    expect(digest.category).toBe('complaint');
    // An event from the past (a message read late) sorts before the end: rebuilt, same result.
    await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'customer_replied', '2026-03-02T08:30:00.000Z', { messageId: 'm-late' }, 'customer')], {}, opts);
    await expectLocalInStep(db);
    expect((await db.get('digests', digestKey('local', 'gmail:t1')))!.eventCount).toBe(6);
  });

  it('a digest missing or out of step is rebuilt from the log on the next write', async () => {
    ({ db } = await freshDb());
    await start('gmail:t1');
    await command('gmail:t1', { type: 'acknowledge' }, '2026-03-02T09:00:00.000Z');
    await db.delete('digests', digestKey('local', 'gmail:t1'));
    await command('gmail:t1', { type: 'respond' }, '2026-03-02T10:00:00.000Z');
    await expectLocalInStep(db);
    const stale = (await db.get('digests', digestKey('local', 'gmail:t1')))!;
    await db.put('digests', { ...stale, eventCount: 1, marks: [] });
    await command('gmail:t1', { type: 'resolve', code: 'answered', summary: 'Done' }, '2026-03-02T11:00:00.000Z');
    await expectLocalInStep(db);
  });

  it('restores, CSV imports, retention and erasure keep them in step', async () => {
    ({ db } = await freshDb());
    await start('gmail:t1');
    await start('gmail:t2', '2026-03-02T08:10:00.000Z', 'eve@example.org');
    await command('gmail:t2', { type: 'acknowledge' }, '2026-03-02T09:00:00.000Z');
    await command('gmail:t2', { type: 'resolve', code: 'fixed', summary: 'Fixed' }, '2025-01-02T09:00:00.000Z');
    await command('gmail:t2', { type: 'close', satisfied: true }, '2025-01-03T09:00:00.000Z');
    const backup = JSON.stringify(await exportBackup(db));
    const casesCsv = await exportCasesCsv(db);
    const eventsCsv = await exportEventsCsv(db);

    const restored = (await freshDb()).db;
    expect((await importBackup(restored, backup)).ok).toBe(true);
    await expectLocalInStep(restored);
    // A restore that replaces everything leaves no digest of a case it does not hold.
    await applyCaseEvents(restored, 'gmail:extra', [event('gmail:extra', 'received', '2026-03-05T08:00:00.000Z', { messageId: 'x' }, 'customer')], {}, opts);
    expect((await importBackup(restored, backup, { replace: true })).ok).toBe(true);
    await expectLocalInStep(restored);
    restored.close();

    const fromCsv = (await freshDb()).db;
    expect(await importCasesCsv(fromCsv, casesCsv)).toMatchObject({ ok: true });
    await expectLocalInStep(fromCsv);
    expect(await importEventsCsv(fromCsv, eventsCsv)).toMatchObject({ ok: true });
    await expectLocalInStep(fromCsv);
    fromCsv.close();

    expect(await purgeExpired(db, '2026-03-05T00:00:00.000Z', 365)).toMatchObject({ cases: 1 });
    await expectLocalInStep(db);
    expect(await db.get('digests', digestKey('local', 'gmail:t2'))).toMatchObject({ deleted: 1, dirty: 1, marks: [] });
    await eraseCustomer(db, 'dana@example.org', { agentId: 'agent-ann', now: '2026-03-05T00:00:00.000Z', queueSync: false });
    expect(await live(db, 'local')).toEqual([]);
    await start('gmail:t3');
    const before = (await db.getAll('packs')).map((p) => p.version);
    await eraseEverything(db);
    expect(await db.count('digests')).toBe(0);
    // Empty packs under new versions: no pack made from the erased data can be stored after.
    const after = await db.getAll('packs');
    expect(after.map((p) => [p.source, p.rows.count])).toEqual([['local', 0], ['team', 0]]);
    for (const p of after) expect(before).not.toContain(p.version);
  });

  it('a pack is stored only over the one it was read with; it clears the marks of digests not written since', async () => {
    ({ db } = await freshDb());
    await start('gmail:t1');
    await start('gmail:t2');
    const read = await readDigests(db, 'local');
    expect(read.version).toBeUndefined();
    expect(read.changed.map((d) => d.caseId).sort()).toEqual(['gmail:t1', 'gmail:t2']);
    // gmail:t1 is written again after the read: it stays marked for the next pack.
    await command('gmail:t1', { type: 'acknowledge' }, '2026-03-02T09:00:00.000Z');
    const rows = read.changed.map((d) => ({ caseId: d.caseId, agentId: d.agentId, category: d.category, marks: d.marks }));
    expect(await storePack(db, undefined, 'local', 'p', rows, read.changed)).toBe(true);
    const again = await readDigests(db, 'local');
    expect(again.changed.map((d) => d.caseId)).toEqual(['gmail:t1']);
    expect(again.rows.map((r) => r.caseId).sort()).toEqual(['gmail:t1', 'gmail:t2']);
    expect(again.policyKey).toBe('p');
    expect((await db.get('digests', digestKey('local', 'gmail:t2')))!.dirty).toBeUndefined();
    // Made from an older read (another pack came in between): not stored.
    expect(await storePack(db, undefined, 'local', 'q', [], [])).toBe(false);
    expect((await db.get('packs', 'local'))!.policyKey).toBe('p');
    // An erased customer's cases leave the digests and the pack at once (nothing waits for the
    // dashboard's next visit), and a pack made from a read before the erasure is not stored.
    await eraseCustomer(db, 'dana@example.org', { agentId: 'agent-ann', now: '2026-03-05T00:00:00.000Z', queueSync: false });
    expect(await db.count('digests')).toBe(0);
    const next = await readDigests(db, 'local');
    expect(next.rows).toEqual([]);
    expect(next.changed).toEqual([]);
    expect(next.version).not.toBe(again.version);
    expect(await storePack(db, again.version, 'local', 'p', again.rows, again.changed)).toBe(false);
    expect(JSON.stringify(await db.getAll('packs'))).not.toContain('gmail:t1');
  });

  it('what a connection remembers of the last pack is forgotten by a wipe or a restore', async () => {
    ({ db } = await freshDb());
    await start('gmail:t1');
    const read = await readDigests(db, 'local');
    const rows = read.changed.map((d) => ({ caseId: d.caseId, agentId: d.agentId, category: d.category, marks: d.marks }));
    expect(await storePack(db, read.version, 'local', 'p', rows, read.changed)).toBe(true);
    expect((await readDigests(db, 'local')).rows).toHaveLength(1);
    await eraseEverything(db);
    expect(await readDigests(db, 'local')).toMatchObject({ rows: [], changed: [], policyKey: '' });

    await start('gmail:t2');
    const second = await readDigests(db, 'local');
    expect(await storePack(db, second.version, 'local', 'p', second.changed.map((d) => ({ ...d })), second.changed)).toBe(true);
    const empty = JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION, exportedAt: '2026-03-05T00:00:00.000Z', stores: {} });
    expect((await importBackup(db, empty, { replace: true })).ok).toBe(true);
    expect((await readDigests(db, 'local')).rows).toEqual([]);
  });

  it('a page’s connection finds out when the background replaced the pack it remembers (an erasure, a restore)', async () => {
    let factory: IDBFactory;
    ({ db, factory } = await freshDb());
    // The dashboard page reads and stores through its own connection; the background writes through `db`.
    const page = await openDatabaseForPage(factory, LATEST_VERSION, { name: 'caseline-test' });
    if (!page) throw new Error('the page could not open the database');
    try {
      await start('gmail:t1');
      await start('gmail:t2', '2026-03-02T08:00:00.000Z', 'eli@example.org');
      const read = await readDigests(page, 'local');
      const rows = read.changed.map((d) => ({ caseId: d.caseId, agentId: d.agentId, category: d.category, marks: d.marks }));
      expect(await storePack(page, read.version, 'local', 'p', rows, read.changed)).toBe(true);
      expect((await readDigests(page, 'local')).rows.map((r) => r.caseId).sort()).toEqual(['gmail:t1', 'gmail:t2']);
      // The background erases a customer: the page's next read leaves the case out at once.
      await eraseCustomer(db, 'dana@example.org', { agentId: 'agent-ann', now: '2026-03-05T00:00:00.000Z', queueSync: false });
      const after = await readDigests(page, 'local');
      expect([...after.rows.map((r) => r.caseId), ...after.changed.map((d) => d.caseId)]).toEqual(['gmail:t2']);
      // The background restores an empty backup over everything: nothing is left for the page either.
      const empty = JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION, exportedAt: '2026-03-05T00:00:00.000Z', stores: {} });
      expect((await importBackup(db, empty, { replace: true })).ok).toBe(true);
      expect(await readDigests(page, 'local')).toMatchObject({ rows: [], changed: [] });
    } finally {
      page.close();
    }
  });

  it('a page never makes or upgrades the database: it opens only the version the background has opened', async () => {
    ({ db } = await freshDb());
    const factory = freshFactory();
    expect(await openDatabaseForPage(factory, LATEST_VERSION)).toBeUndefined();
    // Opening did not make one.
    expect((await factory.databases()).map((d) => d.name)).not.toContain('caseline');
    const older = await openCaselineDb(factory, 'caseline', { version: LATEST_VERSION - 1 });
    older.close();
    expect(await openDatabaseForPage(factory, LATEST_VERSION)).toBeUndefined();
    const reopened = await openCaselineDb(factory, 'caseline', { version: LATEST_VERSION - 1 });
    expect(reopened.version).toBe(LATEST_VERSION - 1);
    reopened.close();
  });
});

function teamEvent(agentId: string, e: CaseEvent): SyncDoc {
  return { _id: `ev:${agentId}:${e.id}`, type: 'event', author: agentId, agentId, createdAt: e.at, event: e } as unknown as SyncDoc;
}
function teamCase(agentId: string, caseId: string, category: string, at: string): SyncDoc {
  return { _id: `cs:${agentId}:${newId()}`, type: 'case', author: agentId, agentId, createdAt: at, case: { caseId, category, stage: 'received', host: 'gmail', agentId, createdAt: at, updatedAt: at, open: 1 } } as unknown as SyncDoc;
}

describe('team digests', () => {
  it('follow pulled documents, which may come more than once and in any order; each case is its author’s; an erasure removes the cases it names', async () => {
    ({ db } = await freshDb());
    const k1 = 'key-1';
    const k2 = 'key-2';
    const e1 = event(k1, 'received', '2026-03-02T08:00:00.000Z', { messageId: 'a' }, 'customer');
    const e2 = event(k1, 'acknowledged', '2026-03-02T09:00:00.000Z', {}, 'bob');
    const e3 = event(k2, 'received', '2026-03-02T10:00:00.000Z', { messageId: 'b' }, 'customer');
    await putTeamDocs(db, [teamEvent('bob', e2), teamCase('bob', k1, 'support', '2026-03-02T09:00:00.000Z')]);
    await putTeamDocs(db, [teamEvent('bob', e1), teamEvent('bob', e2), teamEvent('cy', e3)]);
    const docs = await listTeamDocs(db);
    for (const c of ['bob:key-1', 'cy:key-2']) expect(content(await db.get('digests', digestKey('team', c)))).toEqual(teamDigest(c, docs));
    expect((await db.get('digests', digestKey('team', 'bob:key-1')))).toMatchObject({ agentId: 'bob', category: 'support', eventCount: 2 });
    expect((await db.get('digests', digestKey('team', 'cy:key-2')))).toMatchObject({ agentId: 'cy', category: 'inquiry', eventCount: 1 });

    // cy names bob's case key: a case of cy's own, bob's untouched.
    await putTeamDocs(db, [teamEvent('cy', { ...e2, id: 'x-1', type: 'resolved', data: { code: 'x', summary: 'y' } } as CaseEvent)]);
    expect((await db.get('digests', digestKey('team', 'bob:key-1')))).toMatchObject({ agentId: 'bob', eventCount: 2 });
    expect((await db.get('digests', digestKey('team', 'cy:key-1')))).toMatchObject({ agentId: 'cy', eventCount: 1 });

    // An erasure by cy of key-1 erases cy's case of that key only.
    const byCy = { _id: 'er:cy:1', type: 'erasure', author: 'cy', agentId: 'cy', createdAt: '2026-03-03T00:00:00.000Z', erasure: { subjectHash: 'h', caseKeys: [k1], at: '2026-03-03T00:00:00.000Z' } } as unknown as SyncDoc;
    await putTeamDocs(db, [byCy]);
    expect(await db.get('digests', digestKey('team', 'cy:key-1'))).toMatchObject({ deleted: 1 });
    expect(await db.countFromIndex('team', 'byCase', 'bob:key-1')).toBe(3);

    const erasure = { _id: 'er:bob:1', type: 'erasure', author: 'bob', agentId: 'bob', createdAt: '2026-03-03T00:00:00.000Z', erasure: { subjectHash: 'h', caseKeys: [k1], at: '2026-03-03T00:00:00.000Z' } } as unknown as SyncDoc;
    await putTeamDocs(db, [erasure]);
    expect(await db.get('digests', digestKey('team', 'bob:key-1'))).toMatchObject({ deleted: 1 });
    expect(await db.countFromIndex('team', 'byCase', 'bob:key-1')).toBe(0);
    // A document about an erased case that arrives later is dropped too.
    await putTeamDocs(db, [teamEvent('bob', event(k1, 'resolved', '2026-03-02T12:00:00.000Z', { code: 'fixed', summary: 'x' }, 'bob'))]);
    expect(await db.countFromIndex('team', 'byCase', 'bob:key-1')).toBe(0);
    expect(content(await db.get('digests', digestKey('team', 'cy:key-2')))).toBeDefined();
    expect(await live(db, 'local')).toEqual([]);
  });

  it('a record once stored is never replaced by a different one under its id (a grafted revision): the first is kept and reported', async () => {
    ({ db } = await freshDb());
    const e = event('key-1', 'received', '2026-03-02T08:00:00.000Z', {}, 'customer');
    const first = { ...teamEvent('bob', e), _rev: '1-aaaa' } as SyncDoc;
    expect(await putTeamDocs(db, [first])).toMatchObject({ stored: 1, keptFirst: [] });
    // The same record pulled again: nothing to report.
    expect(await putTeamDocs(db, [first])).toMatchObject({ stored: 1, keptFirst: [] });
    const other = { ...teamEvent('bob', { ...e, type: 'resolved', data: { code: 'x', summary: 'y' } } as CaseEvent), _rev: '1-bbbb' } as SyncDoc;
    expect(await putTeamDocs(db, [other])).toMatchObject({ stored: 0, keptFirst: [first._id] });
    expect((await db.get('team', first._id))?.doc).toEqual(first);
  });

  it('documents deleted on the server are removed with what was derived from them', async () => {
    ({ db } = await freshDb());
    const e1 = event('key-1', 'received', '2026-03-02T08:00:00.000Z', {}, 'customer');
    const e2 = event('key-1', 'acknowledged', '2026-03-02T09:00:00.000Z', {}, 'bob');
    const e3 = event('key-2', 'received', '2026-03-02T10:00:00.000Z', {}, 'customer');
    await putTeamDocs(db, [teamEvent('bob', e1), teamEvent('bob', e2), teamEvent('bob', e3)]);
    const r = await applyTeamBatch(db, [], [`ev:bob:${e2.id}`, `ev:bob:${e3.id}`, 'ev:nobody:unknown']);
    expect(r).toMatchObject({ stored: 0, removed: 2 });
    expect(await db.count('team')).toBe(1);
    expect(await db.get('digests', digestKey('team', 'bob:key-1'))).toMatchObject({ eventCount: 1 });
    expect(await db.get('digests', digestKey('team', 'bob:key-2'))).toMatchObject({ deleted: 1 });
  });

  it('a large pull is folded straight into the pack, leaving nothing marked', async () => {
    ({ db } = await freshDb());
    await putTeamDocs(db, [teamEvent('bob', event('key-0', 'received', '2026-03-02T08:00:00.000Z', { messageId: 'a' }, 'customer'))]);
    const first = await readDigests(db, 'team');
    const rows = first.changed.map((d) => ({ caseId: d.caseId, agentId: d.agentId, category: d.category, marks: d.marks }));
    expect(await storePack(db, first.version, 'team', 'p', rows, first.changed)).toBe(true);
    const many = Array.from({ length: 250 }, (_, i) => teamEvent('cy', event(`key-${i + 1}`, 'received', '2026-03-03T08:00:00.000Z', { messageId: `m${i}` }, 'customer')));
    await putTeamDocs(db, many);
    const read = await readDigests(db, 'team');
    expect(read.changed).toEqual([]);
    expect(read.rows.map((r) => r.caseId).sort()).toEqual(['bob:key-0', ...many.map((_, i) => `cy:key-${i + 1}`)].sort());
    expect(read.policyKey).toBe('p');
    const docs = await listTeamDocs(db);
    expect(content(await db.get('digests', digestKey('team', 'cy:key-7')))).toEqual(teamDigest('cy:key-7', docs));
  });
});
