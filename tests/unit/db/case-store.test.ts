import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../utils/cases/events';
import {
  applyCaseEvents,
  CaselineWriteError,
  getCase,
  getCaseEvents,
  getCaseState,
  getEventsOfCases,
  listCasesByCategory,
  listCasesCreatedBetween,
  listOpenCasesByDeadline,
  listOutbox,
  nextReference,
  openCaselineDb,
  putSetting,
  recordListRow,
  recordSnapshot,
  runCaseCommand,
  setNextDueAt,
} from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import type { ThreadSnapshot } from '../../../utils/cases/mail-thread';
import { event, freshDb, freshFactory, newId } from './helpers';

let db: CaselineDb;
afterEach(() => db?.close());

const T0 = '2026-03-02T08:00:00.000Z';
const opts = { syncable: false, agentId: 'agent-ann', now: '2026-03-02T08:05:00.000Z' };

async function startCase(caseId: string, extra: CaseEvent[] = [], patch = {}) {
  return applyCaseEvents(db, caseId, [event(caseId, 'received', T0, { messageId: 'm1' }, 'customer'), ...extra], { subject: 'Help', customerEmail: 'Dana@Example.org', ...patch }, opts);
}

async function command(caseId: string, cmd: Parameters<typeof runCaseCommand>[1]['command'], extra: Partial<Parameters<typeof runCaseCommand>[1]> = {}) {
  return runCaseCommand(db, { caseId, command: cmd, agentId: 'agent-ann', now: '2026-03-02T09:00:00.000Z', newId, syncable: false, referencePrefix: 'AB', ...extra });
}

describe('applyCaseEvents', () => {
  it('appends events and upserts the summary in one go', async () => {
    ({ db } = await freshDb());
    const { record, state } = await startCase('gmail:t1', [event('gmail:t1', 'category_set', T0, { category: 'support', by: 'classifier', confidence: 0.7 }, 'system')]);
    expect(record).toMatchObject({ caseId: 'gmail:t1', host: 'gmail', threadId: 't1', subject: 'Help', customerEmail: 'dana@example.org', category: 'support', stage: 'received', agentId: 'agent-ann', createdAt: T0, open: 1 });
    expect(state.stage).toBe('received');
    expect(await getCase(db, 'gmail:t1')).toEqual(record);
    expect(await getCaseEvents(db, 'gmail:t1')).toHaveLength(2);
  });

  it('a duplicate event id aborts the whole action and leaves the case as it was', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:t1');
    const before = { record: await getCase(db, 'gmail:t1'), events: await getCaseEvents(db, 'gmail:t1'), outbox: await db.count('outbox') };
    const duplicate = before.events[0]!;
    const attempt = applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'acknowledged', T0, {}), { ...duplicate, type: 'customer_replied' } as CaseEvent], { subject: 'Changed' }, { ...opts, syncable: true });
    await expect(attempt).rejects.toBeInstanceOf(CaselineWriteError);
    await expect(attempt).rejects.toThrow(/Nothing was changed/);
    expect(await getCase(db, 'gmail:t1')).toEqual(before.record);
    expect(await getCaseEvents(db, 'gmail:t1')).toEqual(before.events);
    expect(await db.count('outbox')).toBe(before.outbox);
  });

  it('refuses malformed events and events of another case before writing anything', async () => {
    ({ db } = await freshDb());
    await expect(applyCaseEvents(db, 'gmail:t1', [{ ...event('gmail:t1', 'received', T0, {}), at: 'yesterday' } as CaseEvent], {}, opts)).rejects.toThrow(/Event 1 is not valid \(at: /);
    await expect(applyCaseEvents(db, 'gmail:t1', [event('gmail:t2', 'received', T0, {})], {}, opts)).rejects.toThrow(/another case/);
    await expect(applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'escalated', T0, { reason: '', to: 'x' })], {}, opts)).rejects.toThrow(/reason is required/);
    expect(await db.count('cases')).toBe(0);
    expect(await db.count('events')).toBe(0);
  });

  it('refuses events that do not start a case', async () => {
    ({ db } = await freshDb());
    await expect(applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'followed_up', T0, {})], {}, opts)).rejects.toThrow(/no case for this conversation/);
    expect(await db.count('events')).toBe(0);
  });

  it('says so in words when the database is closed', async () => {
    ({ db } = await freshDb());
    db.close();
    await expect(startCase('gmail:t1')).rejects.toThrow(CaselineWriteError);
  });

  it('queues sync documents that follow the privacy rules, keeping one pending summary per case', async () => {
    ({ db } = await freshDb());
    await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'received', T0, { messageId: 'm1' }, 'customer')], { subject: 'Secret subject', customerEmail: 'dana@example.org', customerName: 'Dana' }, { ...opts, syncable: true });
    await command('gmail:t1', { type: 'acknowledge' }, { syncable: true });
    const pending = await listOutbox(db);
    expect(pending.map((i) => i.kind).sort()).toEqual(['case', 'event', 'event']);
    expect(pending.every((i) => i.id.startsWith('agent-ann:') && i.state === 'pending' && i.attempts === 0)).toBe(true);
    const text = JSON.stringify(pending.map((i) => i.doc));
    for (const secret of ['Secret subject', 'dana@example.org', 'Dana', 'gmail:t1', '"m1"']) expect(text).not.toContain(secret);
    await putSetting(db, 'shareSubjectOnSync', true);
    await command('gmail:t1', { type: 'respond' }, { syncable: true });
    const caseDocs = (await listOutbox(db)).filter((i) => i.kind === 'case');
    expect(caseDocs).toHaveLength(1);
    expect(caseDocs[0]!.doc).toMatchObject({ subject: 'Secret subject', stage: 'acknowledged' });
  });
});

describe('the derived-state shortcut for appends', () => {
  it('notices events written behind its back and derives from the whole log again', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:t1');
    await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'template_inserted', T0, { templateId: 'a' })], {}, opts);
    // Another writer (an import, a sync pull) adds an acknowledgement with an older id.
    const [received, template] = await getCaseEvents(db, 'gmail:t1');
    const olderId = `${received!.id}0`;
    expect(olderId < template!.id).toBe(true);
    await db.put('events', event('gmail:t1', 'acknowledged', T0, { reference: 'CMP-ZZ-0009' }, 'agent-bob', olderId));
    const { record, state } = await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'escalated', T0, { reason: 'Legal', to: 'Counsel' })], {}, opts);
    expect(record).toMatchObject({ stage: 'escalated', reference: 'CMP-ZZ-0009' });
    expect(state.eventCount).toBe(4);
    expect(await getCaseState(db, 'gmail:t1')).toEqual(state);
  });

  it('gives the same state as a full derivation over many appends', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:t1');
    let last;
    for (let i = 0; i < 30; i++) last = await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'template_inserted', T0, { templateId: `t${i % 4}` })], {}, opts);
    expect(await getCaseState(db, 'gmail:t1')).toEqual(last!.state);
  });
});

describe('runCaseCommand', () => {
  it('issues sequential, unique references per kind and prefix', async () => {
    ({ db } = await freshDb());
    const refs: string[] = [];
    for (const [i, category] of (['complaint', 'complaint', 'support', 'inquiry', 'complaint'] as const).entries()) {
      const caseId = `gmail:t${i}`;
      await startCase(caseId, [event(caseId, 'category_set', T0, { category, by: 'classifier' }, 'system')]);
      const result = await command(caseId, { type: 'acknowledge' });
      if (!result.ok) throw new Error(result.error);
      refs.push(result.record?.reference ?? '-');
    }
    expect(refs).toEqual(['CMP-AB-0001', 'CMP-AB-0002', 'TKT-AB-0001', '-', 'CMP-AB-0003']);
    await startCase('gmail:other', [event('gmail:other', 'category_set', T0, { category: 'complaint', by: 'agent' })]);
    const other = await command('gmail:other', { type: 'acknowledge' }, { referencePrefix: 'cd' });
    expect(other.ok && other.record?.reference).toBe('CMP-CD-0001');
    expect(await nextReference(db, 'complaint', 'AB')).toBe('CMP-AB-0004');
  });

  it('hands out distinct numbers to concurrent actions', async () => {
    ({ db } = await freshDb());
    const ids = Array.from({ length: 12 }, (_, i) => `gmail:c${i}`);
    for (const id of ids) await startCase(id, [event(id, 'category_set', T0, { category: 'support', by: 'classifier' }, 'system')]);
    const results = await Promise.all(ids.map((id) => command(id, { type: 'acknowledge' })));
    const refs = results.map((r) => (r.ok ? r.record?.reference : r.error));
    expect(new Set(refs).size).toBe(12);
    expect([...refs].sort()).toEqual(ids.map((_, i) => `TKT-AB-${String(i + 1).padStart(4, '0')}`));
  });

  it('writes nothing for a refused command and uses no number', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:t1', [event('gmail:t1', 'category_set', T0, { category: 'complaint', by: 'agent' })]);
    const refused = await command('gmail:t1', { type: 'escalate', reason: 'Legal', to: '' });
    expect(refused).toEqual({ ok: false, error: 'Acknowledge the case before escalating it.' });
    expect(await getCaseEvents(db, 'gmail:t1')).toHaveLength(2);
    const ok = await command('gmail:t1', { type: 'acknowledge' });
    expect(ok.ok && ok.record?.reference).toBe('CMP-AB-0001');
  });

  it('uses the follow-up count from settings', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:t1');
    await command('gmail:t1', { type: 'acknowledge' });
    await command('gmail:t1', { type: 'resolve', code: 'answered', summary: 'Answered' });
    await command('gmail:t1', { type: 'followUp' });
    const close = { type: 'close', satisfied: false, reason: 'No answer after one follow-up' } as const;
    expect((await command('gmail:t1', close)).ok).toBe(false);
    await putSetting(db, 'followUpsBeforeClose', 1);
    const closed = await command('gmail:t1', close);
    expect(closed.ok && closed.record).toMatchObject({ stage: 'closed', open: 0, closedAt: '2026-03-02T09:00:00.000Z' });
    expect((await getCase(db, 'gmail:t1'))?.nextDueAt).toBeUndefined();
    const reopened = await command('gmail:t1', { type: 'reopen' });
    expect(reopened.ok && reopened.record?.closedAt).toBeUndefined();
    expect((await getCaseState(db, 'gmail:t1')).reopenCount).toBe(1);
  });
});

describe('snapshots and list rows', () => {
  const snapshot: ThreadSnapshot = {
    host: 'gmail',
    threadId: 'abc',
    subject: 'Refund not received',
    messages: [
      { id: 'm1', from: { name: 'Dana Reyes', email: 'Dana@Example.org' }, sentAt: '2026-03-01T10:00:00.000Z', direction: 'inbound', text: 'Where is my refund?', collapsed: true },
      { id: 'm2', from: { email: 'ann@shop.example' }, sentAt: '2026-03-01T11:00:00.000Z', direction: 'outbound', text: 'Looking into it', collapsed: false },
    ],
  };
  const auto = { agentId: 'agent-ann', now: '2026-03-03T09:00:00.000Z', newId, syncable: false, referencePrefix: 'AB' };

  it('records a thread read from the page once, with the message times and never the body', async () => {
    ({ db } = await freshDb());
    const row = await recordListRow(db, { threadId: 'abc', subject: 'Refund not received', from: { email: 'dana@example.org' }, dateText: 'Mar 1', sentAt: '2026-03-01T10:00:00.000Z', unread: true }, { ...auto, host: 'gmail' });
    expect(row.ok && row.record).toMatchObject({ stage: 'received', createdAt: '2026-03-01T10:00:00.000Z' });
    const first = await recordSnapshot(db, snapshot, auto);
    expect(first.ok && first.events.map((e) => e.type)).toEqual(['acknowledged', 'responded']);
    const again = await recordSnapshot(db, snapshot, auto);
    expect(again.ok && again.events).toEqual([]);
    const record = await getCase(db, 'gmail:abc');
    expect(record).toMatchObject({ subject: 'Refund not received', customerEmail: 'dana@example.org', customerName: 'Dana Reyes', stage: 'acknowledged' });
    const everything = JSON.stringify([await db.getAll('cases'), await db.getAll('events')]);
    expect(everything).not.toContain('Where is my refund');
    expect(everything).not.toContain('Looking into it');
  });
});

describe('queries', () => {
  it('lists open cases by next deadline, then open cases without one; closed never', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:late', [], { nextDueAt: '2026-03-05T00:00:00.000Z' });
    await startCase('gmail:soon', [], { nextDueAt: '2026-03-03T00:00:00.000Z' });
    await startCase('gmail:none');
    await startCase('gmail:closed', [], { nextDueAt: '2026-03-01T00:00:00.000Z' });
    await command('gmail:closed', { type: 'acknowledge' });
    await command('gmail:closed', { type: 'resolve', code: 'fixed', summary: 'Fixed' });
    await command('gmail:closed', { type: 'close', satisfied: true });
    expect((await listOpenCasesByDeadline(db, 10)).map((c) => c.caseId)).toEqual(['gmail:soon', 'gmail:late', 'gmail:none']);
    expect((await listOpenCasesByDeadline(db, 1)).map((c) => c.caseId)).toEqual(['gmail:soon']);
    await setNextDueAt(db, 'gmail:none', '2026-03-02T12:00:00.000Z');
    expect((await listOpenCasesByDeadline(db, 2)).map((c) => c.caseId)).toEqual(['gmail:none', 'gmail:soon']);
    await expect(setNextDueAt(db, 'gmail:missing', undefined)).rejects.toThrow(/not in the database/);
  });

  it('reads the events of several cases in one go, as one read each would', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:a', [event('gmail:a', 'category_set', T0, { category: 'complaint', by: 'agent' })]);
    await startCase('gmail:b');
    const each = [await getCaseEvents(db, 'gmail:b'), await getCaseEvents(db, 'gmail:missing'), await getCaseEvents(db, 'gmail:a')];
    expect(await getEventsOfCases(db, ['gmail:b', 'gmail:missing', 'gmail:a'])).toEqual(each);
    expect(each.map((list) => list.length)).toEqual([1, 0, 2]);
    expect(await getEventsOfCases(db, [])).toEqual([]);
  });

  it('lists by category and by creation date', async () => {
    ({ db } = await freshDb());
    await startCase('gmail:a', [event('gmail:a', 'category_set', T0, { category: 'complaint', by: 'agent' })]);
    await applyCaseEvents(db, 'outlook:b', [event('outlook:b', 'received', '2026-04-01T00:00:00.000Z', {}, 'customer')], {}, opts);
    expect((await listCasesByCategory(db, 'complaint')).map((c) => c.caseId)).toEqual(['gmail:a']);
    expect((await listCasesCreatedBetween(db, '2026-03-15T00:00:00.000Z', '2026-05-01T00:00:00.000Z')).map((c) => c.caseId)).toEqual(['outlook:b']);
  });
});

describe('a browser killed in the middle of a burst of writes', () => {
  it('keeps every committed action whole, and nothing of the rest', async () => {
    const factory = freshFactory();
    db = await openCaselineDb(factory, 'burst');
    const writes: Promise<boolean>[] = [];
    const ids = (i: number) => [`0${String(i).padStart(4, '0')}-a`, `0${String(i).padStart(4, '0')}-b`];
    for (let i = 0; i < 80; i++) {
      const caseId = `gmail:b${i % 20}`;
      const [a, b] = ids(i);
      const first = i < 20 ? event(caseId, 'received', T0, {}, 'customer', a) : event(caseId, 'template_inserted', T0, { templateId: `t${i}` }, 'agent-ann', a);
      const second = event(caseId, 'template_inserted', T0, { templateId: `u${i}` }, 'agent-ann', i % 9 === 8 ? ids(0)[0]! : b);
      writes.push(applyCaseEvents(db, caseId, [first!, second], { subject: `s${i}` }, opts).then(() => true, (error: unknown) => {
        expect(error).toBeInstanceOf(CaselineWriteError);
        return false;
      }));
      // The burst runs while earlier transactions commit; at i = 50 the browser dies.
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (i === 50) forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    }
    const committed = await Promise.all(writes);
    expect(committed.filter(Boolean).length).toBeGreaterThan(0);
    expect(committed.filter((ok) => !ok).length).toBeGreaterThan(20);

    db = await openCaselineDb(factory, 'burst');
    const stored = new Set((await db.getAll('events')).map((e) => e.id));
    committed.forEach((ok, i) => {
      const [a, b] = ids(i);
      // All of an action, or none of it.
      expect(stored.has(a!)).toBe(ok);
      if (i % 9 !== 8) expect(stored.has(b!)).toBe(ok);
    });
    for (const record of await db.getAll('cases')) {
      const state = await getCaseState(db, record.caseId);
      expect(record.stage).toBe(state.stage);
      expect(state.eventCount).toBeGreaterThan(0);
    }
  });
});
