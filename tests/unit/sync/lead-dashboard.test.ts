import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { ulid } from 'ulid';
import { openCaselineDb } from '../../../utils/db';
import { dashboardView } from '../../../utils/desk/dashboard-view';
import { putTeamDocs } from '../../../utils/desk/team-records';
import { dailySeries } from '../../../utils/metrics/daily-series';
import { dashboardCases, dashboardInput } from '../../../utils/metrics/dashboard-input';
import type { RecordedCase } from '../../../utils/metrics/dashboard-input';
import { presetById } from '../../../utils/sla/presets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, Category } from '../../../utils/cases/events';
import { casesFromSyncDocs } from '../../../utils/metrics/cases-from-sync';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import type { DashboardCase, DashboardOutcome } from '../../../utils/metrics/dashboard';
import type { SyncDoc } from '../../../utils/cases/team-docs';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pullChanges } from '../../../utils/sync/pull';
import { pushOutbox } from '../../../utils/sync/push';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { setUpTeam, userClient } from './team-fixture';

/** A deterministic pseudo-random source. */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * Cases with random paths through the lifecycle, queued as events, case summaries and outcomes
 * from an install with its own agent id; returned as the lead sees them: each case its
 * author's (`<user>:<caseKey>`), the agent the server user who wrote it.
 */
function generate(store: MemorySyncStore, agentId: string, actor: string, count: number, random: () => number): { cases: DashboardCase[]; outcomes: DashboardOutcome[] } {
  const cats: Category[] = ['inquiry', 'complaint', 'support'];
  const cases: DashboardCase[] = [];
  const outcomes: DashboardOutcome[] = [];
  const start = Date.parse('2026-03-02T08:00:00Z');
  for (let i = 0; i < count; i++) {
    const caseId = `${agentId}-case-${i}`;
    const category = cats[Math.floor(random() * 3)]!;
    let t = start + Math.floor(random() * 5 * 86_400_000);
    const at = () => new Date((t += Math.floor(random() * 240 + 1) * 60_000)).toISOString();
    const events: CaseEvent[] = [{ id: ulid(), caseId, type: 'received', at: new Date(t).toISOString(), actor: 'customer', source: 'auto', data: {} }];
    const r = random();
    if (r > 0.15) events.push({ id: ulid(), caseId, type: 'acknowledged', at: at(), actor, source: 'auto', data: {} });
    if (r > 0.35) events.push({ id: ulid(), caseId, type: 'resolved', at: at(), actor, source: 'agent', data: { code: 'done', summary: 'Done' } });
    if (r > 0.5) events.push({ id: ulid(), caseId, type: 'closed', at: at(), actor, source: 'agent', data: { satisfied: random() > 0.3 } });
    if (r > 0.6) events.push({ id: ulid(), caseId, type: 'outcome_recorded', at: at(), actor, source: 'agent', data: { csat: 1 + Math.floor(random() * 5) } });
    for (const e of events) store.enqueue({ id: `${agentId}:${e.id}`, kind: 'event', doc: e });
    store.enqueue({ id: `${agentId}:${ulid()}`, kind: 'case', doc: { caseId, category, stage: 'received' } });
    if (r > 0.4) {
      const o = { caseId, at: at(), nps: Math.floor(random() * 11) };
      store.enqueue({ id: `${agentId}:${ulid()}`, kind: 'outcome', doc: o });
      outcomes.push({ ...o, caseId: `${actor}:${caseId}` });
    }
    cases.push({ caseId: `${actor}:${caseId}`, agentId: actor, category, events: events.map((e) => ({ ...e, caseId: `${actor}:${caseId}` })) });
  }
  return { cases, outcomes };
}

describe("the lead's dashboard from synced records", () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('equals the figures computed directly from the generated events', async () => {
    const random = prng(42);
    const annStore = new MemorySyncStore();
    const bobStore = new MemorySyncStore();
    const ann = generate(annStore, 'A1', 'ann', 60, random);
    const bob = generate(bobStore, 'B7', 'bob', 60, random);
    await pushOutbox(annStore, await userClient(server, 'ann'), { batchSize: 100 });
    await pushOutbox(bobStore, await userClient(server, 'bob'), { batchSize: 100 });
    expect(annStore.all()).toEqual([]);
    expect(bobStore.all()).toEqual([]);

    const pulled: SyncDoc[] = [];
    const leadStore = new MemorySyncStore();
    await pullChanges(leadStore, await userClient(server, 'lea'), { role: 'lead', limit: 150, apply: async (d) => void pulled.push(...d) });
    const fromServer = casesFromSyncDocs(pulled);

    const filters = { from: '2026-03-03T00:00:00Z', to: '2026-03-06T00:00:00Z' };
    const now = Date.parse('2026-03-08T00:00:00Z');
    const direct = computeDashboard({ cases: [...ann.cases, ...bob.cases], outcomes: [...ann.outcomes, ...bob.outcomes], filters, now });
    const synced = computeDashboard({ ...fromServer, filters, now });
    expect(synced).toEqual(direct);
    expect(direct.team.cases).toBeGreaterThan(40);
    expect(direct.byAgent.map((a) => a.agentId)).toEqual(['ann', 'bob']);
    expect(direct.team.nps.responses).toBeGreaterThan(10);

    // And with the category and agent filters.
    const narrow = { ...filters, categories: ['complaint' as const], agents: ['bob'] };
    expect(computeDashboard({ ...fromServer, filters: narrow, now })).toEqual(
      computeDashboard({ cases: [...ann.cases, ...bob.cases], outcomes: [...ann.outcomes, ...bob.outcomes], filters: narrow, now }),
    );

    // The extension's way: the pulled documents stored as they arrive (batches of 150), the
    // dashboard computed by the background from its digests, with SLA states, equals the pure
    // functions on the generated events (satisfaction from the events; outcome records mirror them).
    const factory = new IDBFactory();
    const db = await openCaselineDb(factory, 'lead');
    for (let i = 0; i < pulled.length; i += 150) await putTeamDocs(db, pulled.slice(i, i + 150));
    const policy = presetById('sop-000')!;
    const generated: RecordedCase[] = [...ann.cases, ...bob.cases].map((c) => ({ caseId: c.caseId, agentId: c.agentId, category: c.category ?? 'inquiry', events: c.events ?? [] }));
    for (const form of [{}, { fromDate: '2026-03-03', toDate: '2026-03-05' }, { categories: ['complaint' as const], agents: ['bob'] }]) {
      const view = await dashboardView(db, policy, 'team', form, now);
      const input = dashboardInput(dashboardCases({ cases: generated, policy }, now), policy.calendar, form, now);
      expect(view.figures).toEqual(computeDashboard(input));
      expect(view.series).toEqual(dailySeries(input, policy.calendar.timeZone));
    }
    db.close();
  });
});
