/**
 * The dashboard's kept view (the `views` store): the dashboard page reads it straight from the
 * database, read-only, and that read never makes, upgrades or changes the database; a view is
 * stored only over the pack it was made from, so nothing made before a restore, an erasure or a
 * wipe is kept after it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCaseEvents, eraseCustomer, eraseEverything, openCaselineDb } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { DASHBOARD_VIEW_SHAPE, readLastView, viewRecord } from '../../../utils/db/dashboard-views';
import { readDigests, storeDashboard } from '../../../utils/db/digests';
import { LATEST_VERSION } from '../../../utils/db/migrations';
import { importBackup } from '../../../utils/backup/json-backup';
import { dashboardView, evaluatedCases } from '../../../utils/desk/dashboard-view';
import { presetById } from '../../../utils/sla/presets';
import type { SlaPolicy } from '../../../utils/sla/types';
import { event, freshFactory } from './helpers';

const POLICY: SlaPolicy = presetById('sop-001')!;
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
let db: CaselineDb | undefined;
afterEach(() => db?.close());

async function start(target: CaselineDb, caseId: string, email: string): Promise<void> {
  const at = '2026-03-02T08:00:00.000Z';
  await applyCaseEvents(
    target,
    caseId,
    [event(caseId, 'received', at, { messageId: `m-${caseId}` }, 'customer'), event(caseId, 'category_set', at, { category: 'complaint', by: 'classifier', confidence: 0.9 }, 'system')],
    { subject: 'Broken', customerEmail: email },
    { syncable: false, agentId: 'agent-ann', now: at },
  );
}

/** The view the dashboard answers with for the default filters, once its deferred save has run. */
async function openedDashboard(target: CaselineDb, now = NOW) {
  const view = await dashboardView(target, POLICY, 'local', {}, now);
  for (let tries = 0; (await target.get('views', 'local'))?.view.now !== now; tries++) {
    if (tries > 500) throw new Error('the view was not stored');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return view;
}

describe('the kept dashboard view', () => {
  it('is stored after the default filters’ answer, not after a filtered one, and read back as it was sent', async () => {
    const factory = freshFactory();
    db = await openCaselineDb(factory, 'caseline');
    await start(db, 'gmail:t1', 'dana@example.org');
    await start(db, 'gmail:t2', 'eli@example.org');
    expect(await readLastView(factory, 'local')).toBeUndefined();
    const view = await openedDashboard(db);
    expect(view.totalCases).toBe(2);
    expect(await readLastView(factory, 'local')).toEqual(view);
    expect(await readLastView(factory, 'team')).toBeUndefined();
    // A filtered answer is not what the page opens with: the kept view stays the default one.
    await dashboardView(db, POLICY, 'local', { categories: ['inquiry'] }, NOW + 60_000);
    await evaluatedCases(db, POLICY, 'local', NOW); // a read after the deferred save had its turn
    expect((await readLastView(factory, 'local'))?.now).toBe(NOW);
  });

  it('the page’s read never makes the database, and ignores a view of another shape or a schema without the store', async () => {
    const factory = freshFactory();
    expect(await readLastView(factory, 'local')).toBeUndefined();
    // Nothing was made: the background's first open builds every version from the start.
    db = await openCaselineDb(factory, 'caseline');
    expect([...db.objectStoreNames]).toContain('views');
    expect((await db.get('meta', 'syncSalt'))?.value).toMatch(/^[0-9a-f]{64}$/);
    await start(db, 'gmail:t1', 'dana@example.org');
    const view = await openedDashboard(db);
    await db.put('views', { ...viewRecord(view), shape: DASHBOARD_VIEW_SHAPE + 1 });
    expect(await readLastView(factory, 'local')).toBeUndefined();
    db.close();

    const older = freshFactory();
    const v6 = await openCaselineDb(older, 'caseline', { version: 6 });
    v6.close();
    expect(await readLastView(older, 'local')).toBeUndefined();
    // The reader let go of the database: the upgrade is not blocked.
    db = await openCaselineDb(older, 'caseline');
    expect(db.version).toBe(LATEST_VERSION);
  });

  it('is stored only over the pack it was made from: not after an erasure, a wipe or a restore in between', async () => {
    const factory = freshFactory();
    db = await openCaselineDb(factory, 'caseline');
    await start(db, 'gmail:t1', 'dana@example.org');
    await start(db, 'gmail:t2', 'eli@example.org');
    await openedDashboard(db);
    const wipes: Array<(target: CaselineDb) => Promise<unknown>> = [
      (target) => eraseCustomer(target, 'dana@example.org', { agentId: 'agent-ann', now: '2026-03-05T00:00:00.000Z', queueSync: false }),
      (target) => eraseEverything(target),
      (target) => importBackup(target, JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION, exportedAt: '2026-03-05T00:00:00.000Z', stores: {} }), { replace: true }),
    ];
    for (const wipe of wipes) {
      await start(db, 'gmail:t3', 'fay@example.org');
      const read = await readDigests(db, 'local');
      const made = await dashboardView(db, POLICY, 'local', {}, NOW);
      await wipe(db);
      expect(await db.count('views')).toBe(0);
      expect(await storeDashboard(db, read.version, 'local', { view: viewRecord(made) })).toBe(false);
      expect(await db.count('views')).toBe(0);
      await evaluatedCases(db, POLICY, 'local', NOW); // the dashboard's own deferred save had its turn
      expect(await readLastView(factory, 'local')).toBeUndefined();
    }
  });
});
