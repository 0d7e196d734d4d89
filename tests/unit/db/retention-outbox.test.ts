import { threadKeyFor } from '../../../utils/shared-inbox/thread-key';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCaseKey } from '../../../utils/cases/case-id';
import {
  addCorrection,
  applyCaseEvents,
  CaselineWriteError,
  countOutbox,
  deleteTemplate,
  eraseCustomer,
  eraseEverything,
  getCheckpoint,
  getOutcome,
  getSetting,
  getSettings,
  getTemplate,
  listCorrections,
  listOutbox,
  listTemplates,
  markOutboxAttemptFailed,
  markOutboxRejected,
  markOutboxSent,
  purgeExpired,
  putCheckpoint,
  putOutcome,
  putSetting,
  putTemplate,
  retryRejected,
  runCaseCommand,
} from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { event, freshDb, newId } from './helpers';

let db: CaselineDb;
afterEach(() => db?.close());

async function closedCase(caseId: string, email: string, closedAt: string) {
  await applyCaseEvents(db, caseId, [event(caseId, 'received', '2025-01-01T08:00:00.000Z', {}, 'customer')], { customerEmail: email, subject: 'x' }, { syncable: false, agentId: 'agent-ann' });
  for (const command of [{ type: 'acknowledge' }, { type: 'resolve', code: 'answered', summary: 'Done' }, { type: 'close', satisfied: true }] as const) {
    const result = await runCaseCommand(db, { caseId, command, agentId: 'agent-ann', now: closedAt, newId, syncable: false });
    if (!result.ok) throw new Error(result.error);
  }
  await putOutcome(db, { caseId, agentId: 'agent-ann', recordedAt: closedAt, csat: 5 });
}

describe('purgeExpired', () => {
  it('removes closed cases past retention with their events and outcomes, and nothing else', async () => {
    ({ db } = await freshDb());
    await closedCase('gmail:old', 'a@example.org', '2025-01-10T00:00:00.000Z');
    await closedCase('gmail:recent', 'b@example.org', '2026-02-20T00:00:00.000Z');
    await applyCaseEvents(db, 'gmail:open-old', [event('gmail:open-old', 'received', '2024-01-01T00:00:00.000Z', {}, 'customer')], {}, { syncable: false, agentId: 'agent-ann' });
    const removed = await purgeExpired(db, '2026-03-01T00:00:00.000Z');
    expect(removed).toEqual({ cases: 1, events: 4, outcomes: 1 });
    expect((await db.getAllKeys('cases')).sort()).toEqual(['gmail:open-old', 'gmail:recent']);
    expect((await db.getAll('events')).some((e) => e.caseId === 'gmail:old')).toBe(false);
    expect(await getOutcome(db, 'gmail:old')).toBeUndefined();
    expect(await purgeExpired(db, '2026-03-01T00:00:00.000Z', 5)).toMatchObject({ cases: 1 });
    await expect(purgeExpired(db, '2026-03-01T00:00:00.000Z', 0)).rejects.toThrow(/at least one day/);
  });
});

describe('eraseCustomer', () => {
  it('removes every local record of the address and queues an erasure that names no one', async () => {
    ({ db } = await freshDb());
    await closedCase('gmail:d1', 'dana@example.org', '2026-02-01T00:00:00.000Z');
    await applyCaseEvents(db, 'outlook:d2', [event('outlook:d2', 'received', '2026-02-02T00:00:00.000Z', {}, 'customer')], { customerEmail: 'DANA@example.org ' }, { syncable: true, agentId: 'agent-ann' });
    await closedCase('gmail:e1', 'eli@example.org', '2026-02-01T00:00:00.000Z');
    await addCorrection(db, { id: 'c1', at: '2026-02-01T00:00:00.000Z', to: 'complaint', caseId: 'gmail:d1', features: { refund: 1 } });
    expect(await countOutbox(db)).toBe(2);

    const removed = await eraseCustomer(db, ' Dana@Example.org', { agentId: 'agent-ann', now: '2026-03-01T00:00:00.000Z' });
    expect(removed).toEqual({ cases: 2, events: 5, outcomes: 1, caseIds: ['gmail:d1', 'outlook:d2'] });
    expect(await db.getAllKeys('cases')).toEqual(['gmail:e1']);
    expect(new Set((await db.getAll('events')).map((e) => e.caseId))).toEqual(new Set(['gmail:e1']));
    expect(await listCorrections(db)).toEqual([]);
    const outbox = await listOutbox(db);
    expect(outbox).toHaveLength(1);
    const salt = (await db.get('meta', 'syncSalt'))!.value as string;
    // The conversations' thread keys too (no team profile here: keyed with the install's salt), so
    // every teammate drops the notes and owners kept under them.
    expect(outbox[0]!.doc).toEqual({
      kind: 'erasure',
      caseKeys: [syncCaseKey('gmail:d1', salt), syncCaseKey('outlook:d2', salt)],
      threads: [threadKeyFor('gmail:d1', salt), threadKeyFor('outlook:d2', salt)],
      at: '2026-03-01T00:00:00.000Z',
      agentId: 'agent-ann',
    });
    expect(JSON.stringify(await db.getAll('outbox'))).not.toMatch(/dana/i);
    expect(JSON.stringify([await db.getAll('cases'), await db.getAll('outcomes')])).not.toMatch(/dana/i);
  });

  it('does nothing and queues nothing for an unknown address', async () => {
    ({ db } = await freshDb());
    expect(await eraseCustomer(db, 'nobody@example.org', { agentId: 'a', now: '2026-03-01T00:00:00.000Z' })).toEqual({ cases: 0, events: 0, outcomes: 0, caseIds: [] });
    expect(await countOutbox(db)).toBe(0);
    await expect(eraseCustomer(db, ' ', { agentId: 'a', now: '2026-03-01T00:00:00.000Z' })).rejects.toThrow(/address/);
  });
});

describe('eraseEverything', () => {
  it('empties every store and makes a new salt', async () => {
    ({ db } = await freshDb());
    const salt = (await db.get('meta', 'syncSalt'))!.value;
    await closedCase('gmail:d1', 'dana@example.org', '2026-02-01T00:00:00.000Z');
    await putSetting(db, 'retentionDays', 30);
    await eraseEverything(db);
    for (const store of ['cases', 'events', 'outcomes', 'settings', 'counters'] as const) expect(await db.count(store)).toBe(0);
    const fresh = (await db.get('meta', 'syncSalt'))!.value;
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(salt);
  });
});

describe('outbox', () => {
  it('lists pending items oldest first, removes sent ones, keeps rejected ones with the reason', async () => {
    ({ db } = await freshDb());
    await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'received', '2026-03-01T00:00:00.000Z', {}, 'customer'), event('gmail:t1', 'acknowledged', '2026-03-01T01:00:00.000Z', {})], {}, { syncable: true, agentId: 'agent-ann', now: '2026-03-01T01:00:00.000Z' });
    const pending = await listOutbox(db);
    expect(pending.map((i) => i.kind)).toEqual(['event', 'event', 'case']);
    await markOutboxSent(db, [pending[0]!.id]);
    await markOutboxAttemptFailed(db, pending[1]!.id, 'network down');
    await markOutboxRejected(db, pending[2]!.id, '403 forbidden by validation');
    expect((await listOutbox(db)).map((i) => [i.id, i.attempts, i.lastError])).toEqual([[pending[1]!.id, 1, 'network down']]);
    const rejected = await listOutbox(db, 'rejected');
    expect(rejected).toMatchObject([{ id: pending[2]!.id, state: 'rejected', attempts: 1, lastError: '403 forbidden by validation' }]);
    await retryRejected(db, pending[2]!.id);
    expect(await countOutbox(db, 'pending')).toBe(2);
    expect(await countOutbox(db, 'rejected')).toBe(0);
  });
});

describe('outcomes', () => {
  it('validates, merges and queues the outcome', async () => {
    ({ db } = await freshDb());
    await closedCase('gmail:t1', 'a@example.org', '2026-02-01T00:00:00.000Z');
    await putOutcome(db, { caseId: 'gmail:t1', agentId: 'agent-ann', recordedAt: '2026-02-02T00:00:00.000Z', code: 'fixed', feedback: 'Liked the speed' }, { syncable: true });
    expect(await getOutcome(db, 'gmail:t1')).toEqual({ caseId: 'gmail:t1', agentId: 'agent-ann', recordedAt: '2026-02-02T00:00:00.000Z', csat: 5, code: 'fixed', feedback: 'Liked the speed' });
    const queued = await listOutbox(db);
    expect(queued.map((i) => i.doc)).toMatchObject([{ kind: 'outcome', code: 'fixed', csat: 5 }]);
    expect(JSON.stringify(queued)).not.toContain('Liked the speed');
    await expect(putOutcome(db, { caseId: 'gmail:t1', agentId: 'a', recordedAt: '2026-02-02T00:00:00.000Z', csat: 9 })).rejects.toThrow(/1 to 5/);
    await expect(putOutcome(db, { caseId: 'gmail:none', agentId: 'a', recordedAt: '2026-02-02T00:00:00.000Z', csat: 3 })).rejects.toBeInstanceOf(CaselineWriteError);
  });
});

describe('settings, templates, corrections, checkpoints', () => {
  it('reads defaults and stored values', async () => {
    ({ db } = await freshDb());
    expect(await getSetting(db, 'retentionDays')).toBe(365);
    expect(await getSetting(db, 'shareSubjectOnSync')).toBe(false);
    await putSetting(db, 'retentionDays', 90);
    await putSetting(db, 'sla.preset', { name: 'email' });
    expect(await getSetting(db, 'retentionDays')).toBe(90);
    expect(await getSetting(db, 'sla.preset')).toEqual({ name: 'email' });
    expect(await getSettings(db)).toMatchObject({ retentionDays: 90, referencePrefix: 'CL', followUpsBeforeClose: 2 });
  });

  it('stores templates, corrections and checkpoints', async () => {
    ({ db } = await freshDb());
    const template = { id: 'ack', name: 'Acknowledge', body: 'Hello {{customer.firstName}}', version: 1, updatedAt: '2026-03-01T00:00:00.000Z' };
    await putTemplate(db, template);
    await putTemplate(db, { ...template, id: 'apology', version: 2 });
    expect(await getTemplate(db, 'ack')).toEqual(template);
    await deleteTemplate(db, 'ack');
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['apology']);
    await addCorrection(db, { id: 'c2', at: '2026-03-02T00:00:00.000Z', to: 'support', from: 'inquiry' });
    await addCorrection(db, { id: 'c1', at: '2026-03-01T00:00:00.000Z', to: 'complaint' });
    expect((await listCorrections(db)).map((c) => c.id)).toEqual(['c1', 'c2']);
    await expect(addCorrection(db, { id: 'c1', at: '2026-03-01T00:00:00.000Z', to: 'complaint' })).rejects.toThrow();
    await putCheckpoint(db, { id: 'https://couch.example/team', seq: '42-g1', updatedAt: '2026-03-01T00:00:00.000Z' });
    expect((await getCheckpoint(db, 'https://couch.example/team'))?.seq).toBe('42-g1');
  });
});
