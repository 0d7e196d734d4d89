import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { monotonicFactory } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCaselineDb } from '../../../utils/db/open';
import type { CaselineDb } from '../../../utils/db/schema';
import { CaseDesk } from '../../../utils/desk/case-desk';
import { loadAppSettings, saveAppSettings } from '../../../utils/desk/app-settings';
import { findSampleThread, toThreadSnapshot } from '../../../utils/practice';
import { defaultSettings } from '../../../utils/settings/default-settings';
import type { CaselineSettings } from '../../../utils/settings/settings';
import type { ThreadSnapshot } from '../../../utils/cases/mail-thread';

const NOW = new Date('2026-11-25T11:00:00Z'); // a Wednesday
let db: CaselineDb;
let desk: CaseDesk;
let settings: CaselineSettings;

function snapshotOf(id: string): ThreadSnapshot {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`no sample thread ${id}`);
  return toThreadSnapshot(thread, NOW);
}

beforeEach(async () => {
  db = await openCaselineDb(new IDBFactory());
  settings = { ...defaultSettings(NOW, 'sop-000', { seed: 'desk-test', timeZone: 'Europe/London' }), onboarded: true };
  settings.agent = { ...settings.agent, name: 'Sam Rivera', prefix: 'NW' };
  settings.company = { name: 'Northwind Home & Energy' };
  const saved = await saveAppSettings(db, settings);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  settings = saved.value;
  desk = new CaseDesk({ db, settings: async () => settings, now: () => NOW, newId: monotonicFactory(), timeZone: 'Europe/London' });
});

describe('CaseDesk.snapshot', () => {
  it('turns a complaint thread into a classified case with running deadlines timed from the message', async () => {
    const snap = snapshotOf('p09-refund-kettle-rude');
    const r = await desk.snapshot(snap);
    expect(r.ok).toBe(true);
    const view = r.ok ? r.value : null;
    expect(view).not.toBeNull();
    expect(view!.category).toBe('complaint');
    expect(view!.categoryBy).toBe('classifier');
    expect(view!.classification!.reasons.length).toBeGreaterThan(0);
    expect(view!.state.stage).toBe('received');
    expect(view!.state.firstInboundAt).toBe(snap.messages[0]!.sentAt);
    const ack = view!.sla.find((s) => s.target === 'acknowledge')!;
    expect(ack.startedAt).toBe(snap.messages[0]!.sentAt);
    // Procedure 000: acknowledge complaints within 24 hours (calendar clock).
    expect(Date.parse(ack.dueAt!) - Date.parse(ack.startedAt!)).toBe(24 * 3600_000);
    expect(view!.templates.some((t) => t.suggested)).toBe(true);
    expect(view!.templates[0]!.suggested).toBe(true);
  });

  it('is idempotent: reading the same thread twice adds nothing', async () => {
    const snap = snapshotOf('p16-saturday-delivery');
    await desk.snapshot(snap);
    const before = await db.count('events');
    await desk.snapshot(snap);
    expect(await db.count('events')).toBe(before);
  });

  it('records an agent reply already sent as acknowledged and answered, at the reply time', async () => {
    const thread = findSampleThread('p06-card-double-charge')!;
    const snap = toThreadSnapshot(thread, NOW);
    const r = await desk.snapshot(snap);
    const view = r.ok ? r.value! : null;
    const outbound = snap.messages.find((m) => m.direction === 'outbound')!;
    expect(view!.state.firstResponseAt).toBe(outbound.sentAt);
  });

  it('flags the legal threat with the words that raised it', async () => {
    const r = await desk.snapshot(snapshotOf('p02-ombudsman-billing'));
    const view = r.ok ? r.value! : null;
    const flags = view!.escalationFlags;
    expect(flags.map((f) => f.kind)).toContain('regulator');
    expect(flags.flatMap((f) => f.words).join(' ')).toMatch(/ombudsman|solicitor/i);
  });

  it('returns null for a thread with no customer message', async () => {
    const r = await desk.snapshot({ host: 'gmail', threadId: 'outbound-only', subject: 'Newsletter', messages: [{ from: { email: 'sam@northwind.example' }, direction: 'outbound', text: 'Hello all', collapsed: false, sentAt: NOW.toISOString() }] });
    expect(r).toEqual({ ok: true, value: null });
  });
});

describe('CaseDesk.command', () => {
  it('gives a complaint a reference at acknowledgement and refuses an invalid step in words', async () => {
    const snap = snapshotOf('p09-refund-kettle-rude');
    const view = (await desk.snapshot(snap)) as { ok: true; value: { caseId: string } };
    const acked = await desk.command(view.value.caseId, { type: 'acknowledge' });
    expect(acked.ok).toBe(true);
    expect(acked.ok && acked.value.state.reference).toMatch(/^CMP-NW-\d{4}$/);
    const refused = await desk.command(view.value.caseId, { type: 'close', satisfied: false, reason: 'no reply' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.length).toBeGreaterThan(10);
  });

  it('learns from an override: the corrected thread and a paraphrase then get the agent label', async () => {
    const snap = snapshotOf('p16-saturday-delivery');
    const first = (await desk.snapshot(snap)) as { ok: true; value: { caseId: string; category: string } };
    const target = first.value.category === 'support' ? 'complaint' : 'support';
    const overridden = await desk.command(first.value.caseId, { type: 'setCategory', category: target });
    expect(overridden.ok && overridden.value.category).toBe(target);
    expect(overridden.ok && overridden.value.categoryBy).toBe('agent');
    expect(await db.count('corrections')).toBe(1);
    // The same text in another thread now follows the correction.
    const again = await desk.snapshot({ ...snap, threadId: 'another-thread-same-words' });
    expect(again.ok && again.value!.category).toBe(target);
    expect(again.ok && again.value!.classification!.reasons[0]).toMatch(/corrected by an agent/);
  });

  it('records the outcome in the outcome log too', async () => {
    const snap = snapshotOf('p16-saturday-delivery');
    const v = (await desk.snapshot(snap)) as { ok: true; value: { caseId: string } };
    const early = await desk.command(v.value.caseId, { type: 'recordOutcome', outcome: { csat: 5 } });
    expect(!early.ok && early.error).toMatch(/resolved/);
    await desk.command(v.value.caseId, { type: 'acknowledge' });
    await desk.command(v.value.caseId, { type: 'resolve', code: 'answered', summary: 'Saturday delivery explained' });
    const r = await desk.command(v.value.caseId, { type: 'recordOutcome', outcome: { csat: 5, feedback: 'Quick and clear' } });
    expect(r.ok).toBe(true);
    expect((await db.get('outcomes', v.value.caseId))?.csat).toBe(5);
  });
});

describe('CaseDesk.renderTemplate', () => {
  it('fills the case values and asks for the ones it cannot fill', async () => {
    const snap = snapshotOf('p09-refund-kettle-rude');
    const v = (await desk.snapshot(snap)) as { ok: true; value: { caseId: string; templates: Array<{ id: string; stage: string }> } };
    await desk.command(v.value.caseId, { type: 'acknowledge' });
    const apology = v.value.templates.find((t) => t.stage === 'complaint_apology')!;
    const r = await desk.renderTemplate(v.value.caseId, apology.id, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text).toMatch(/CMP-NW-\d{4}/);
    expect(r.value.text).toContain('Sam');
    expect(r.value.text).not.toContain('{{case.reference}}');
    const escalation = v.value.templates.find((t) => t.stage === 'escalation_notice');
    if (escalation) {
      const e = await desk.renderTemplate(v.value.caseId, escalation.id, {});
      expect(e.ok && e.value.missing.map((m) => m.name)).toContain('escalation.contact');
      const filled = await desk.renderTemplate(v.value.caseId, escalation.id, { 'escalation.contact': 'Dana Lee, billing lead' });
      expect(filled.ok && filled.value.missing.map((m) => m.name)).not.toContain('escalation.contact');
      expect(filled.ok && filled.value.text).toContain('Dana Lee, billing lead');
    }
  });

  it('refuses templates that are not approved', async () => {
    const snap = snapshotOf('p16-saturday-delivery');
    const v = (await desk.snapshot(snap)) as { ok: true; value: { caseId: string } };
    const r = await desk.renderTemplate(v.value.caseId, 'no-such-template', {});
    expect(r.ok).toBe(false);
  });
});

describe('CaseDesk.queue and attention', () => {
  it('lists open cases nearest deadline first and counts the breached one', async () => {
    for (const id of ['p16-saturday-delivery', 'p01-late-delivery', 'p04-night-tariff-meter']) await desk.snapshot(snapshotOf(id));
    const q = await desk.queue();
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(q.value).toHaveLength(3);
    const dues = q.value.map((i) => i.nextDueAt ?? '');
    expect([...dues].sort()).toEqual(dues);
    const attention = await desk.attention(60);
    expect(attention.breached.map((b) => b.threadId)).toContain(snapshotOf('p01-late-delivery').threadId);
  });
});

describe('app settings', () => {
  it('round-trips through the database and refuses invalid settings whole', async () => {
    expect((await loadAppSettings(db, NOW)).agent.prefix).toBe('NW');
    const bad = await saveAppSettings(db, { ...settings, agent: { ...settings.agent, prefix: 'too long!' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]!.field).toBe('agent.prefix');
    expect((await loadAppSettings(db, NOW)).agent.prefix).toBe('NW');
    expect((await db.get('settings', 'referencePrefix'))?.value).toBe('NW');
  });
});
