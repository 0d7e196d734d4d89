/**
 * Issue 17, item 6: one approved library and one set of settings for the team. The lead
 * publishes approved templates (version, approval history) and the team's settings; every
 * agent's install takes them (no reinstall), says which version it uses, keeps its own drafts
 * apart; withdrawing withdraws everywhere; an agent cannot publish (the server refuses it).
 */
import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { CaseDesk } from '../../../utils/desk/case-desk';
import { effectivePolicy } from '../../../utils/desk/effective-policy';
import { publishSettings, publishTemplate, settingsInForce, teamSettingsFor, teamView, templatesInForce, withdrawTemplate } from '../../../utils/desk/team-publications';
import { syncWithTeam } from '../../../utils/desk/team-sync';
import { approveTemplate, getTemplate, listLibrary, saveDraft } from '../../../utils/desk/template-library';
import { findSampleThread, toThreadSnapshot } from '../../../utils/practice';
import type { CaselineSettings } from '../../../utils/settings/settings';
import { newDraft } from '../../../utils/templates/approval';
import { newInstall, NOW, type Install } from './install-fixture';
import { useTeamServer } from './team-fixture';

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const ctx = (i: Install, minutes = 0) => ({ agentId: i.settings.agent.id, now: at(minutes) });

async function sync(i: Install) {
  const r = await syncWithTeam(i.db, i.settings, i.client);
  expect(r.error).toBeUndefined();
  return r;
}

describe('the team’s library and settings', () => {
  const server = useTeamServer();

  it('the lead publishes approved templates; agents use exactly those, with version and approvals, their drafts apart; withdrawn everywhere', async () => {
    const lead = await newInstall(server(), 'lea');
    const ann = await newInstall(server(), 'ann');
    const bob = await newInstall(server(), 'bob');
    const id = `team-ack-${ulid()}`;
    await saveDraft(lead.db, newDraft({ id, name: 'Team acknowledgement', stage: 'acknowledgement', language: 'en', body: 'Thank you, {{customer.firstName}}. We are on it.', shortcut: 'tack' }, at(0)), at(0));
    // Not approved yet: nothing to publish.
    expect(await publishTemplate(lead.db, lead.settings, id, ctx(lead))).toMatchObject({ ok: false, error: expect.stringContaining('not approved') });
    expect((await approveTemplate(lead.db, id, 'Lea Lead', at(1))).ok).toBe(true);
    expect(await publishTemplate(lead.db, lead.settings, id, ctx(lead, 2))).toMatchObject({ ok: true });
    expect((await sync(lead)).pushed).toMatchObject({ sent: 1, rejected: 0 });

    // ann has drafts of her own and the shipped library; until she syncs, that is what she inserts.
    const mine = `my-note-${ulid()}`;
    await saveDraft(ann.db, newDraft({ id: mine, name: 'My own wording', stage: 'resolution', language: 'en', body: 'Sorted.' }, at(0)), at(0));
    expect((await templatesInForce(ann.db, ann.settings)).length).toBeGreaterThan(5);

    for (const agent of [ann, bob]) {
      const run = await sync(agent);
      expect(run.changes.publicationsChanged).toBe(true);
      const inForce = await templatesInForce(agent.db, agent.settings);
      expect(inForce.map((t) => [t.id, t.version, t.status, t.approvedBy])).toEqual([[id, 1, 'approved', 'Lea Lead']]);
      const view = await teamView(agent.db, agent.settings, ['caseline-agent']);
      expect(view).toMatchObject({ inTeam: true, role: 'agent', canPublish: false, library: { inUse: true, publications: 1, lastChange: { by: 'lea' } } });
      expect(view.library.templates[0]).toMatchObject({ publishedBy: 'lea', approvals: [{ version: 1, by: 'Lea Lead', at: at(1) }], template: { id, version: 1, shortcut: 'tack' } });
    }
    // Her drafts stay hers, apart from the team's library.
    expect((await listLibrary(ann.db)).find((t) => t.id === mine)).toMatchObject({ status: 'draft' });
    expect((await templatesInForce(ann.db, ann.settings)).some((t) => t.id === mine)).toBe(false);

    // The sidebar offers the team's template, suggested, and inserts it.
    const desk = new CaseDesk({ db: ann.db, settings: async () => ann.settings, now: () => NOW, newId: monotonicFactory(), timeZone: 'Europe/London' });
    const snapshot = toThreadSnapshot(findSampleThread('p09-refund-kettle-rude')!, NOW);
    const opened = await desk.snapshot(snapshot);
    if (!opened.ok || !opened.value) throw new Error('no case');
    expect(opened.value.templates.map((t) => [t.id, t.version])).toEqual([[id, 1]]);
    const rendered = await desk.renderTemplate(opened.value.caseId, id, {});
    expect(rendered.ok && rendered.value.text).toContain('We are on it.');

    // A new version: edited, approved again, published; the approval history travels with it.
    await saveDraft(lead.db, { ...(await getTemplate(lead.db, id))!, body: 'Thank you, {{customer.firstName}}. We have it in hand.' }, at(10));
    expect((await getTemplate(lead.db, id))?.version).toBe(2);
    expect((await approveTemplate(lead.db, id, 'Lea Lead', at(11))).ok).toBe(true);
    expect(await publishTemplate(lead.db, lead.settings, id, ctx(lead, 12))).toMatchObject({ ok: true });
    await sync(lead);
    await sync(ann);
    const v2 = (await teamView(ann.db, ann.settings, undefined)).library.templates[0]!;
    expect(v2.template).toMatchObject({ version: 2, body: expect.stringContaining('in hand') });
    expect(v2.approvals).toEqual([{ version: 1, by: 'Lea Lead', at: at(1) }, { version: 2, by: 'Lea Lead', at: at(11) }]);
    expect((await desk.renderTemplate(opened.value.caseId, id, {})).ok && (await desk.renderTemplate(opened.value.caseId, id, {}))).toMatchObject({ value: { text: expect.stringContaining('in hand') } });

    // Withdrawn by the lead: gone from every agent's library, and said so.
    expect(await withdrawTemplate(lead.db, lead.settings, id, ctx(lead, 20))).toMatchObject({ ok: true, value: { version: 2 } });
    await sync(lead);
    for (const agent of [ann, bob]) {
      await sync(agent);
      expect((await templatesInForce(agent.db, agent.settings)).some((t) => t.id === id)).toBe(false);
      expect((await teamView(agent.db, agent.settings, undefined)).library.withdrawn).toEqual([{ templateId: id, version: 2, name: 'Team acknowledgement', withdrawnBy: 'lea', withdrawnAt: at(20) }]);
    }
    const refused = await desk.renderTemplate(opened.value.caseId, id, {});
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('not in your library') });
  });

  it('an agent cannot publish: the view offers nothing, and the server refuses a publication the agent’s install sends anyway', async () => {
    const ann = await newInstall(server(), 'ann');
    expect((await teamView(ann.db, ann.settings, ['caseline-agent'])).canPublish).toBe(false);
    // Even an install set to "lead" by hand: the server's roles decide what is offered…
    const posing: CaselineSettings = { ...ann.settings, role: 'lead' };
    expect((await teamView(ann.db, posing, ['caseline-agent'])).canPublish).toBe(false);
    // …and the server refuses what is sent; the record is kept as rejected, with the reason.
    const id = `rogue-${ulid()}`;
    await saveDraft(ann.db, newDraft({ id, name: 'Rogue', stage: 'closing', language: 'en', body: 'Bye.' }, at(0)), at(0));
    await approveTemplate(ann.db, id, 'Ann', at(1));
    expect(await publishTemplate(ann.db, posing, id, ctx(ann, 2))).toMatchObject({ ok: true });
    expect(await publishSettings(ann.db, posing, ctx(ann, 3))).toMatchObject({ ok: true });
    const run = await syncWithTeam(ann.db, ann.settings, ann.client);
    expect(run.pushed).toMatchObject({ sent: 0, rejected: 2 });
    const rejected = await ann.db.getAllFromIndex('outbox', 'byState', IDBKeyRange.bound(['rejected', ''], ['rejected', '\uffff']));
    expect(rejected.map((r) => r.lastError)).toEqual([expect.stringContaining('written by caseline-lead'), expect.stringContaining('written by caseline-lead')]);
    const bob = await newInstall(server(), 'bob');
    await sync(bob);
    expect((await templatesInForce(bob.db, bob.settings)).some((t) => t.id === id)).toBe(false);
  });

  it('the lead publishes the team’s settings: agents work by them (targets, calendar, holidays), versioned; the lead’s team dashboard measures by them', async () => {
    const lead = await newInstall(server(), 'lea');
    const ann = await newInstall(server(), 'ann');
    const own = ann.settings;
    const policy = structuredClone(lead.settings.policy);
    policy.targets.complaint.acknowledge = { ...policy.targets.complaint.acknowledge!, amount: 2, unit: 'hours' };
    policy.calendar = { ...policy.calendar, timeZone: 'Europe/Madrid', week: { ...policy.calendar.week, sat: [['10:00', '14:00']] } };
    lead.settings = { ...lead.settings, policy, holidays: { country: 'ES', region: '', extra: ['2026-03-06'] } };
    expect(await publishSettings(lead.db, lead.settings, ctx(lead))).toMatchObject({ ok: true, value: { version: 1 } });
    await sync(lead);
    await sync(ann);

    const works = await settingsInForce(ann.db, own);
    expect(works.policy).toEqual(policy);
    expect(works.holidays).toEqual({ country: 'ES', region: '', extra: ['2026-03-06'] });
    expect(works.agent).toEqual(own.agent); // only the team's part is replaced
    expect(effectivePolicy(works, NOW).calendar.holidays).toContain('2026-03-06');
    expect(effectivePolicy(works, NOW).calendar.holidays).toContain('2026-01-06'); // Spain's public holidays
    const view = await teamView(ann.db, own, undefined);
    expect(view.settings).toMatchObject({ inUse: true, publications: 1, inForce: { version: 1, publishedBy: 'lea', publishedAt: at(0) } });
    // The agent's own copy is kept, unused while the team's are in force.
    expect(own.policy).not.toEqual(policy);

    // The next publication is the next version, in force at once after the agents' next pull.
    const later = { ...lead.settings, holidays: { ...lead.settings.holidays, extra: ['2026-03-06', '2026-03-20'] } };
    expect(await publishSettings(lead.db, later, ctx(lead, 5))).toMatchObject({ ok: true, value: { version: 2 } });
    await sync(lead);
    await sync(ann);
    expect((await settingsInForce(ann.db, own)).holidays.extra).toEqual(['2026-03-06', '2026-03-20']);
    expect((await teamView(ann.db, own, undefined)).settings.inForce?.version).toBe(2);

    // The lead's own settings stay the lead's; the team dashboard measures by the team's.
    expect(await settingsInForce(lead.db, lead.settings)).toBe(lead.settings);
    expect((await teamSettingsFor(lead.db, lead.settings)).holidays.extra).toEqual(['2026-03-06', '2026-03-20']);
    expect((await teamView(lead.db, later, ['caseline-lead'])).settings).toMatchObject({ inUse: false, ownMatchesTeam: true });
  });
});
