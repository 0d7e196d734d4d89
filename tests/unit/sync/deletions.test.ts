/**
 * Issue 17, item 3: a document deleted on the server (an admin's maintenance, an erasure) leaves
 * every local store: the lead's records with their digests and dashboard, the agents' team
 * library. And a deleted record written again (a resend) is not taken back.
 */
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { approveTemplate, saveDraft } from '../../../utils/desk/template-library';
import { dashboardView, warmDashboard } from '../../../utils/desk/dashboard-view';
import { publishTemplate, templatesInForce } from '../../../utils/desk/team-publications';
import { listTeamDocs } from '../../../utils/desk/team-records';
import { syncWithTeam } from '../../../utils/desk/team-sync';
import { casesFromSyncDocs } from '../../../utils/metrics/cases-from-sync';
import { presetById } from '../../../utils/sla/presets';
import { newDraft } from '../../../utils/templates/approval';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pushOutbox } from '../../../utils/sync/push';
import type { CouchServer } from '../../support/couch-server';
import { newInstall, NOW } from './install-fixture';
import { adminClient, queueCase, serverDocs, userClient, useTeamServer } from './team-fixture';

const POLICY = presetById('sop-000')!;

/** Deletes documents as an admin does (maintenance, erasure). */
async function adminDelete(server: CouchServer, ids: string[]): Promise<void> {
  const admin = adminClient(server);
  const rows = (await admin.allDocs({ keys: ids })).rows;
  const answers = await admin.bulkDocs(rows.map((r) => ({ _id: r.key, _rev: r.value!.rev, _deleted: true })));
  expect(answers.every((a) => a.ok)).toBe(true);
}

describe('deletions on the server reach every local store', () => {
  const server = useTeamServer();

  it('the lead: deleted records leave the team store, the case digests and the dashboard; a deleted record sent again is refused', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann');
    const kept = queueCase(store, 'install-1', 'ann');
    const erased = queueCase(store, 'install-1', 'ann');
    const outbox = store.all();
    expect(await pushOutbox(store, ann)).toEqual({ sent: 6, rejected: 0, conflicts: 0 });

    const lead = await newInstall(server(), 'lea');
    await syncWithTeam(lead.db, lead.settings, lead.client);
    expect((await dashboardView(lead.db, POLICY, 'team', {}, NOW.getTime() + 10 * 86_400_000)).totalCases).toBe(2);

    // An erasure removes a whole case; maintenance removes one event of the other.
    await adminDelete(server(), [...erased.map((e) => `ev:ann:${e.id}`), `ev:ann:${kept[2]!.id}`]);
    const run = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(run.error).toBeUndefined();
    expect(run.pulled?.deleted).toBe(4);
    expect(run.changes.removed).toBe(4);
    const team = await listTeamDocs(lead.db);
    expect(team.map((d) => d._id).sort()).toEqual([`ev:ann:${kept[0]!.id}`, `ev:ann:${kept[1]!.id}`].sort());
    const view = await dashboardView(lead.db, POLICY, 'team', {}, NOW.getTime() + 10 * 86_400_000);
    expect(view.totalCases).toBe(1);
    expect(casesFromSyncDocs(team).cases[0]!.events.map((e) => e.type).sort()).toEqual(['acknowledged', 'received']);
    // The dashboard stores its pack after showing the figures: once it has, the gone digest is dropped.
    await warmDashboard(lead.db, POLICY, 'team', NOW.getTime() + 10 * 86_400_000);
    expect(await lead.db.get('digests', `team:ann:${erased[0]!.caseId}`)).toBeUndefined();
    expect(await lead.db.get('digests', `team:ann:${kept[0]!.caseId}`)).toMatchObject({ eventCount: 2 });

    // ann's outbox comes back (a restored backup, an answer lost): the erased records are sent
    // again. The server cannot tell them from new ones; the lead can (written again, not first).
    for (const e of outbox) store.enqueue(e);
    expect(await pushOutbox(store, ann)).toEqual({ sent: 6, rejected: 0, conflicts: 0 });
    const again = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(again.pulled?.applied).toBe(0);
    expect(again.pulled?.invalid.map((i) => i.reason)).toEqual(Array(4).fill(expect.stringContaining('a record is written once')));
    expect((await listTeamDocs(lead.db)).map((d) => d._id).sort()).toEqual(team.map((d) => d._id).sort());
    expect((await dashboardView(lead.db, POLICY, 'team', {}, NOW.getTime() + 10 * 86_400_000)).totalCases).toBe(1);
  });

  it('the agents: a publication deleted on the server leaves every agent’s library', async () => {
    const lead = await newInstall(server(), 'lea');
    const at = NOW.toISOString();
    const id = `tpl-${ulid()}`;
    await saveDraft(lead.db, newDraft({ id, name: 'Holding reply', stage: 'acknowledgement', language: 'en', body: 'Thank you, we are on it.' }, at), at);
    expect((await approveTemplate(lead.db, id, 'Lea', at)).ok).toBe(true);
    expect(await publishTemplate(lead.db, lead.settings, id, { agentId: lead.settings.agent.id, now: at })).toMatchObject({ ok: true });
    expect((await syncWithTeam(lead.db, lead.settings, lead.client)).pushed).toMatchObject({ sent: 1, rejected: 0 });

    const agents = [await newInstall(server(), 'ann'), await newInstall(server(), 'bob')];
    for (const a of agents) {
      await syncWithTeam(a.db, a.settings, a.client);
      expect((await templatesInForce(a.db, a.settings)).map((t) => t.id)).toContain(id);
    }
    const published = (await serverDocs(server())).filter((d) => d.type === 'template' && (d.template as { templateId: string }).templateId === id);
    expect(published).toHaveLength(1);
    await adminDelete(server(), [published[0]!._id]);
    for (const a of agents) {
      const run = await syncWithTeam(a.db, a.settings, a.client);
      expect(run.pulled?.deleted).toBeGreaterThanOrEqual(1);
      expect(run.changes.publicationsChanged).toBe(true);
      expect((await templatesInForce(a.db, a.settings)).map((t) => t.id)).not.toContain(id);
    }
  });
});
