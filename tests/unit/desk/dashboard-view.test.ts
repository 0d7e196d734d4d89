/**
 * The dashboard the background sends equals the pure functions run on the whole logs, for this
 * browser's cases and for the team's pulled records, under every kind of filter; and the cached
 * SLA states are used while they hold and evaluated again exactly when they do not.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent, Category } from '../../../utils/cases/events';
import { applyCaseEvents, runCaseCommand } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { importBackup } from '../../../utils/backup/json-backup';
import { readDigests } from '../../../utils/db/digests';
import { LATEST_VERSION } from '../../../utils/db/migrations';
import { dashboardView, evaluatedCases, warmDashboard } from '../../../utils/desk/dashboard-view';
import { listTeamDocs, putTeamDocs } from '../../../utils/desk/team-records';
import { casesFromSyncDocs } from '../../../utils/metrics/cases-from-sync';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import { dailySeries } from '../../../utils/metrics/daily-series';
import { dashboardCases, dashboardInput } from '../../../utils/metrics/dashboard-input';
import type { DashboardFormFilters, RecordedCase } from '../../../utils/metrics/dashboard-input';
import { presetById } from '../../../utils/sla/presets';
import type { SlaPolicy } from '../../../utils/sla/types';
import type { SyncDoc } from '../../../utils/cases/team-docs';
import { event, freshDb, newId } from '../db/helpers';

let db: CaselineDb;
afterEach(() => db?.close());

const POLICY: SlaPolicy = presetById('sop-001')!;
const DAY = 86_400_000;
const START = Date.parse('2026-03-02T07:00:00.000Z');
const CATS: Category[] = ['inquiry', 'complaint', 'support'];
const AGENTS = ['agent-ann', 'agent-bob', 'agent-cy'];

/** About `count` cases over two weeks: some answered, resolved, closed, reopened, rated, some left open. */
function generateLogs(count: number, seed: number): Array<{ caseId: string; agentId: string; events: CaseEvent[] }> {
  let s = seed;
  const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const out: Array<{ caseId: string; agentId: string; events: CaseEvent[] }> = [];
  for (let c = 0; c < count; c++) {
    const caseId = `gmail:c${c}`;
    const agentId = AGENTS[c % 3]!;
    let t = START + Math.floor(random() * 14 * DAY);
    const iso = () => new Date(t).toISOString();
    const step = (maxHours: number) => (t += Math.floor(random() * maxHours * 60 + 1) * 60_000);
    const events: CaseEvent[] = [event(caseId, 'received', iso(), { messageId: `m${c}` }, 'customer'), event(caseId, 'category_set', iso(), { category: CATS[c % 3]!, by: 'classifier', confidence: 0.8 }, 'system')];
    const r = random();
    if (r > 0.15) {
      step(30);
      events.push(event(caseId, 'acknowledged', iso(), {}, agentId));
    }
    if (r > 0.35) {
      step(60);
      events.push(event(caseId, 'resolved', iso(), { code: 'fixed', summary: 'Fixed' }, agentId));
    }
    if (r > 0.55) {
      step(48);
      events.push(event(caseId, 'closed', iso(), { satisfied: random() > 0.3 }, agentId));
    }
    if (r > 0.9) {
      step(24);
      events.push(event(caseId, 'reopened', iso(), { reason: 'Again' }, 'customer'));
    }
    if (random() > 0.5) {
      step(5);
      events.push(event(caseId, 'outcome_recorded', iso(), { csat: 1 + Math.floor(random() * 5), nps: Math.floor(random() * 11) }, agentId));
    }
    out.push({ caseId, agentId, events });
  }
  return out;
}

async function seedLocal(logs: ReturnType<typeof generateLogs>): Promise<void> {
  for (const log of logs) await applyCaseEvents(db, log.caseId, log.events, { subject: 'x' }, { syncable: false, agentId: log.agentId, now: log.events[0]!.at });
}

/** The pure functions on every whole log, as the page computed them before digests existed. */
async function expectedLocal(form: DashboardFormFilters, now: number) {
  const records = await db.getAll('cases');
  const cases: RecordedCase[] = await Promise.all(
    records.map(async (r) => ({ caseId: r.caseId, agentId: r.agentId, category: r.category ?? 'inquiry', events: await db.getAllFromIndex('events', 'byCase', r.caseId) })),
  );
  return expected(cases, form, now);
}

function expected(cases: RecordedCase[], form: DashboardFormFilters, now: number) {
  const input = dashboardInput(dashboardCases({ cases, policy: POLICY }, now), POLICY.calendar, form, now);
  return { figures: computeDashboard(input), series: dailySeries(input, POLICY.calendar.timeZone) };
}

const FORMS: DashboardFormFilters[] = [
  {},
  { categories: ['complaint'] },
  { agents: ['agent-bob'], categories: ['support', 'inquiry'] },
  { fromDate: '2026-03-05', toDate: '2026-03-10' },
  { toDate: '2026-03-08' },
  { fromDate: '2026-03-20' },
];

/** A backup of these logs as open Gmail cases, exported at `now`. */
function backupOf(logs: ReturnType<typeof generateLogs>, now: number): string {
  return JSON.stringify({
    format: 'caseline-backup',
    version: 1,
    schemaVersion: LATEST_VERSION,
    exportedAt: new Date(now).toISOString(),
    stores: {
      cases: logs.map((l) => ({ caseId: l.caseId, host: 'gmail', threadId: l.caseId.slice(6), subject: 'x', stage: 'received', agentId: l.agentId, createdAt: l.events[0]!.at, updatedAt: l.events[0]!.at, open: 1 })),
      events: logs.flatMap((l) => l.events),
    },
  });
}

describe('dashboardView', () => {
  it('this browser: equals the pure functions on the whole logs, for every filter', async () => {
    ({ db } = await freshDb());
    await seedLocal(generateLogs(60, 11));
    const now = START + 20 * DAY;
    for (const form of FORMS) {
      const view = await dashboardView(db, POLICY, 'local', form, now);
      const want = await expectedLocal(form, now);
      expect(view.figures, JSON.stringify(form)).toEqual(want.figures);
      expect(view.series, JSON.stringify(form)).toEqual(want.series);
      expect(view.totalCases).toBe(60);
      expect(view.agents).toEqual(AGENTS);
      expect(view.agentNames).toEqual({});
      expect(view.timeZone).toBe(POLICY.calendar.timeZone);
    }
    const named = await dashboardView(db, POLICY, 'local', {}, now, { 'agent-bob': 'Bob Lee', 'agent-zed': 'Not here' });
    expect(named.figures.team.cases).toBe(60);
    expect(named.agentNames).toEqual({ 'agent-bob': 'Bob Lee' });
  });

  it('uses the cached SLA states while they hold, and evaluates again exactly the cases that changed', async () => {
    ({ db } = await freshDb());
    await seedLocal(generateLogs(40, 5));
    // Cached while some cases still have events to come (a clock ahead of ours): those are
    // evaluated again once their time has come, the others not.
    const early = START + 10 * DAY;
    expect(await warmDashboard(db, POLICY, 'local', early)).toBe(40);
    const ahead = (await db.getAll('events')).filter((e) => Date.parse(e.at) > early);
    const aheadCases = new Set(ahead.map((e) => e.caseId));
    expect(aheadCases.size).toBeGreaterThan(0);
    const first = START + 25 * DAY; // after every event
    expect(await warmDashboard(db, POLICY, 'local', first)).toBe(aheadCases.size);
    // Later, open cases have breached more targets: the cache says so without evaluating.
    for (const now of [first, first + 2 * DAY, first + 30 * DAY]) {
      const view = await dashboardView(db, POLICY, 'local', {}, now);
      expect(view.evaluated).toBe(0);
      expect(view.figures).toEqual((await expectedLocal({}, now)).figures);
    }
    const later = first + 31 * DAY;
    const changed = await runCaseCommand(db, { caseId: 'gmail:c0', command: { type: 'setCategory', category: 'support' }, agentId: 'agent-ann', now: new Date(later - DAY).toISOString(), newId, syncable: false });
    expect(changed.ok).toBe(true);
    const view = await dashboardView(db, POLICY, 'local', {}, later);
    expect(view.evaluated).toBe(1);
    expect(view.figures).toEqual((await expectedLocal({}, later)).figures);
    // Before `at` of the cache (a clock set back) the states cannot be told: evaluated again.
    expect(await warmDashboard(db, POLICY, 'local', early - DAY)).toBe(40);
    // Another policy: every case again.
    const other: SlaPolicy = { ...POLICY, dueSoonShare: 0.5, targets: { ...POLICY.targets, complaint: { ...POLICY.targets.complaint, acknowledge: { ...POLICY.targets.complaint.acknowledge!, amount: 1 } } } };
    expect(await warmDashboard(db, other, 'local', later)).toBe(40);
    expect(await warmDashboard(db, other, 'local', later)).toBe(0);
  });

  it('a restore of many cases is folded straight into the pack: nothing left marked, the same figures', async () => {
    ({ db } = await freshDb());
    await seedLocal(generateLogs(30, 3));
    const now = START + 25 * DAY;
    expect(await warmDashboard(db, POLICY, 'local', now)).toBe(30);
    const logs = generateLogs(260, 9).map((l) => ({ ...l, caseId: `${l.caseId}-restored`, events: l.events.map((e) => ({ ...e, caseId: `${l.caseId}-restored` })) }));
    expect((await importBackup(db, backupOf(logs, now))).ok).toBe(true);
    const read = await readDigests(db, 'local');
    expect(read.changed).toEqual([]);
    expect(read.rows).toHaveLength(290);
    // Only the restored cases are evaluated again; the figures are those of the whole logs.
    const view = await dashboardView(db, POLICY, 'local', {}, now);
    expect(view.evaluated).toBe(260);
    expect(view.figures).toEqual((await expectedLocal({}, now)).figures);
    expect(await db.countFromIndex('digests', 'byDirty', IDBKeyRange.bound(['local', 0], ['local', 2]))).toBe(0);
  });

  it('a pack made from a read before the first large restore is not stored over it (no case is lost)', async () => {
    // The dashboard was open on a new install (no pack yet) while a backup was restored in
    // parts: its pack, made from the empty read, came after the first part's digests.
    ({ db } = await freshDb());
    const now = START + 25 * DAY;
    const early = await evaluatedCases(db, POLICY, 'local', now);
    expect(early.cases).toEqual([]);
    const logs = generateLogs(260, 4);
    expect((await importBackup(db, backupOf(logs, now))).ok).toBe(true);
    expect(await early.save()).toBe(false);
    const view = await dashboardView(db, POLICY, 'local', {}, now);
    expect(view.totalCases).toBe(260);
    expect(view.figures).toEqual((await expectedLocal({}, now)).figures);
  });

  it('the team: equals the pure functions on the pulled documents', async () => {
    ({ db } = await freshDb());
    const docs: SyncDoc[] = [];
    for (const log of generateLogs(45, 23)) {
      const caseKey = `key-${log.caseId}`;
      const user = log.agentId.replace('agent-', '');
      for (const e of log.events) docs.push({ _id: `ev:${user}:${e.id}`, type: 'event', author: user, agentId: user, createdAt: e.at, event: { ...e, caseId: caseKey } } as unknown as SyncDoc);
    }
    // In two pulls, one of them repeating documents, in shuffled order.
    docs.reverse();
    await putTeamDocs(db, docs.slice(0, 100));
    await putTeamDocs(db, docs.slice(60));
    const cases = casesFromSyncDocs(await listTeamDocs(db)).cases.map((c) => ({ ...c, category: c.category ?? 'inquiry' }));
    const now = START + 18 * DAY;
    for (const form of FORMS) {
      const view = await dashboardView(db, POLICY, 'team', form, now);
      const want = expected(cases, form, now);
      expect(view.figures, JSON.stringify(form)).toEqual(want.figures);
      expect(view.series).toEqual(want.series);
      // Each team agent is the server user who wrote the records.
      expect(view.agentNames).toEqual({ ann: 'ann', bob: 'bob', cy: 'cy' });
      expect(view.agents).toEqual(['ann', 'bob', 'cy']);
    }
    expect((await dashboardView(db, POLICY, 'local', {}, now)).totalCases).toBe(0);
  });
});
