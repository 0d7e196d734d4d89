/**
 * Issue 17, items 1 and 2: every record is bound to the user who wrote it, and the lead's view
 * merges records about a case only with the case's own author's. Against the test server, with
 * the lead's extension store (IndexedDB) and dashboard.
 */
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { dashboardView } from '../../../utils/desk/dashboard-view';
import { listTeamDocs } from '../../../utils/desk/team-records';
import { syncWithTeam } from '../../../utils/desk/team-sync';
import { casesFromSyncDocs } from '../../../utils/metrics/cases-from-sync';
import { presetById } from '../../../utils/sla/presets';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pushOutbox } from '../../../utils/sync/push';
import { newInstall } from './install-fixture';
import { adminClient, queueCase, userClient, useTeamServer } from './team-fixture';

const POLICY = presetById('sop-000')!;
const NOW = Date.parse('2026-03-09T00:00:00Z');

describe('records are their authors’: on the server and in the lead’s view', () => {
  const server = useTeamServer();

  it('the lead attributes every record to the user the server verified, never to an agent id a writer chose', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann');
    // The install's own agent id is whatever it is; on the server the record is ann's.
    const events = queueCase(store, 'install-4c1e', 'ann');
    expect(await pushOutbox(store, ann)).toEqual({ sent: 3, rejected: 0, conflicts: 0 });

    // bob cannot write under ann's name or id…
    const bob = await userClient(server(), 'bob');
    const forged = { type: 'event', author: 'bob', createdAt: '2026-03-02T09:00:00Z', event: { ...events[0]!, id: ulid(), type: 'resolved', data: { code: 'x', summary: 'y' } } };
    const answers = await bob.bulkDocs([
      { ...forged, _id: `ev:ann:${ulid()}`, agentId: 'ann' },
      { ...forged, _id: `ev:install-4c1e:${ulid()}`, agentId: 'install-4c1e' },
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason))).toEqual([expect.stringContaining('agentId must be the logged-in user'), expect.stringContaining('agentId must be the logged-in user')]);

    // …and a record not bound to its author (as a server without this validation could hold,
    // written by an admin here) is refused by the lead's pull too.
    await adminClient(server()).putDoc({ ...forged, _id: `ev:A1:${ulid()}`, agentId: 'A1' });

    const lead = await newInstall(server(), 'lea');
    const run = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(run.error).toBeUndefined();
    expect(run.pulled?.invalid).toEqual([{ id: expect.stringMatching(/^ev:A1:/), reason: expect.stringContaining('agentId must be its author') }]);
    const team = await listTeamDocs(lead.db);
    expect(team.every((d) => d.agentId === d.author)).toBe(true);
    const view = await dashboardView(lead.db, POLICY, 'team', {}, NOW);
    expect(view.agents).toEqual(['ann']);
    expect(view.figures.byAgent.map((a) => [a.agentId, a.figures.cases])).toEqual([['ann', 1]]);
  });

  it('an event under one’s own name with another agent’s case key and event id does not replace that event nor join that case', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann');
    const caseKey = `case-${ulid()}`;
    const events = queueCase(store, 'install-4c1e', 'ann', caseKey);
    store.enqueue({ id: `install-4c1e:${ulid()}`, kind: 'case', doc: { caseId: caseKey, category: 'inquiry', stage: 'resolved' } });
    expect(await pushOutbox(store, ann)).toEqual({ sent: 4, rejected: 0, conflicts: 0 });

    const lead = await newInstall(server(), 'lea');
    await syncWithTeam(lead.db, lead.settings, lead.client);
    const before = await dashboardView(lead.db, POLICY, 'team', {}, NOW);
    const annBefore = casesFromSyncDocs(await listTeamDocs(lead.db)).cases.find((c) => c.caseId === `ann:${caseKey}`);
    expect(annBefore?.events).toHaveLength(3);

    // bob writes, in his own name (the server accepts: they are his records), ann's case key
    // with ann's event id reopened, and a case summary calling her case a complaint.
    const bob = await userClient(server(), 'bob');
    const resolved = events[2]!;
    const base = { author: 'bob', agentId: 'bob', createdAt: '2026-03-03T09:00:00Z' };
    const written = await bob.bulkDocs([
      { _id: `ev:bob:${ulid()}`, type: 'event', ...base, event: { ...resolved, type: 'reopened', data: {} } },
      { _id: `cs:bob:${ulid()}`, type: 'case', ...base, case: { caseId: caseKey, category: 'complaint' } },
    ]);
    expect(written.every((a) => a.ok)).toBe(true);

    const run = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(run.pulled?.applied).toBe(2);
    const cases = casesFromSyncDocs(await listTeamDocs(lead.db)).cases;
    const annAfter = cases.find((c) => c.caseId === `ann:${caseKey}`);
    expect(annAfter).toEqual(annBefore);
    expect(annAfter?.events.find((e) => e.id === resolved.id)?.type).toBe('resolved');
    expect(annAfter?.category).toBe('inquiry');
    // bob's records are a case of bob's own, attributed to him.
    expect(cases.find((c) => c.caseId === `bob:${caseKey}`)).toMatchObject({ agentId: 'bob', category: 'complaint', events: [expect.objectContaining({ type: 'reopened' })] });

    const after = await dashboardView(lead.db, POLICY, 'team', { agents: ['ann'] }, NOW);
    const annFigures = before.figures.byAgent.find((a) => a.agentId === 'ann')!.figures;
    expect(after.figures.byAgent.find((a) => a.agentId === 'ann')!.figures).toEqual(annFigures);
    expect(after.agents).toEqual(['ann', 'bob']);
  });
});
