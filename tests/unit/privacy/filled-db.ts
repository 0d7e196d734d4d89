/**
 * A database with something in every store, about two customers: what the erasure tests erase
 * one of (or both). Made through the database's own write paths, as the extension makes them.
 */
import { syncCaseKey } from '../../../utils/cases/case-id';
import type { SyncDoc } from '../../../utils/cases/team-docs';
import { addCorrection, applyCaseEvents, putCheckpoint, putOutcome, runCaseCommand } from '../../../utils/db';
import { saveDraft } from '../../../utils/desk/template-library';
import { writeNotified } from '../../../utils/db/notified-deadlines';
import type { CaselineDb } from '../../../utils/db';
import { readDigests, storePack } from '../../../utils/db/digests';
import { dashboardView } from '../../../utils/desk/dashboard-view';
import { effectivePolicy } from '../../../utils/desk/effective-policy';
import { saveAppSettings } from '../../../utils/desk/app-settings';
import { putTeamDocs } from '../../../utils/desk/team-records';
import { defaultSettings } from '../../../utils/settings/default-settings';
import { event, newId } from '../db/helpers';
import { recordOwnershipChange } from '../../../utils/db/ownership-store';
import { addNote } from '../../../utils/db/notes-store';
import { putPulledSharedInbox } from '../../../utils/db/shared-inbox-records';
import { threadKeyFor } from '../../../utils/shared-inbox/thread-key';

export interface Customer {
  email: string;
  name: string;
  subject: string;
  caseIds: string[];
  /** The cases' keys on the team server. */
  caseKeys: string[];
  /** The same conversations' thread keys (shared inbox). */
  threads: string[];
}

const AGENT = 'agent-ann';
const NOW = '2026-03-02T10:00:00.000Z';

async function complaint(db: CaselineDb, caseId: string, who: { email: string; name: string; subject: string }, at: string): Promise<void> {
  await applyCaseEvents(
    db,
    caseId,
    [event(caseId, 'received', at, { messageId: `${caseId}-m1` }, 'customer'), event(caseId, 'category_set', at, { category: 'complaint', by: 'classifier', confidence: 0.9 }, 'classifier')],
    { customerEmail: who.email, customerName: who.name, subject: who.subject },
    { syncable: true, agentId: AGENT, now: at },
  );
  // Acknowledging a complaint issues its reference (the counters store).
  const acked = await runCaseCommand(db, { caseId, command: { type: 'acknowledge' }, agentId: AGENT, now: at, newId, syncable: true });
  if (!acked.ok) throw new Error(acked.error);
  await putOutcome(db, { caseId, agentId: AGENT, recordedAt: at, csat: 2, feedback: `${who.name} was unhappy about ${who.subject}` }, { syncable: true });
  await addCorrection(db, { id: `corr-${caseId}`, at, to: 'complaint', from: 'inquiry', caseId, agentId: AGENT, features: { '17': 0.5 } });
}

/** The team's copy of a case, as a lead pulls it back (keyed by the case key). */
function teamDocs(caseKey: string, agentId: string, suffix: string): SyncDoc[] {
  const base = { author: agentId, agentId, createdAt: NOW };
  return [
    { ...base, _id: `ev:${agentId}:${suffix}1`, type: 'event', event: { id: `${suffix}1`, caseId: caseKey, type: 'received', at: NOW, actor: 'customer', source: 'auto', data: {} } },
    { ...base, _id: `ca:${agentId}:${suffix}2`, type: 'case', case: { caseId: caseKey, category: 'complaint', stage: 'acknowledged' } },
    { ...base, _id: `oc:${agentId}:${suffix}3`, type: 'outcome', outcome: { caseId: caseKey, at: NOW, csat: 2 } },
  ] as SyncDoc[];
}

export async function fillEveryStore(db: CaselineDb): Promise<{ erased: Customer; kept: Customer }> {
  const settings = defaultSettings(new Date(NOW));
  await saveAppSettings(db, settings);
  await saveDraft(db, { id: 'own-template', version: 1, name: 'Our apology', stage: 'complaint_apology', categories: ['complaint'], language: 'en', body: 'We are sorry, {{customer.firstName}}.', status: 'draft', updatedAt: NOW }, NOW);
  await putCheckpoint(db, { id: 'changes:lead:https://couch.example.org/caseline', seq: '42', updatedAt: NOW });
  const salt = (await db.get('meta', 'syncSalt'))!.value as string;
  const customer = (email: string, name: string, subject: string, caseIds: string[]): Customer => ({
    email,
    name,
    subject,
    caseIds,
    caseKeys: caseIds.map((id) => syncCaseKey(id, salt)),
    threads: caseIds.map((id) => threadKeyFor(id, salt)),
  });
  const erased = customer('dana.erased@example.org', 'Dana Erased', 'Broken kettle order 991', ['gmail:dana-thread-1', 'outlook:dana-conv-2']);
  const kept = customer('eli.kept@example.org', 'Eli Kept', 'Late parcel order 552', ['gmail:eli-thread-1']);
  for (const c of [erased, kept]) for (const id of c.caseIds) await complaint(db, id, c, NOW);
  // A lead's pull: the team's copies of this install's own cases, and another agent's case.
  await putTeamDocs(db, [...erased.caseKeys.flatMap((k, i) => teamDocs(k, AGENT, `d${i}`)), ...kept.caseKeys.flatMap((k, i) => teamDocs(k, AGENT, `e${i}`)), ...teamDocs('other-agent-case-key', 'agent-bob', 'b')]);
  // The shared inbox: an own claim and note on each customer's first case, a teammate's claim and
  // note pulled, and a teammate's presence on both customers' conversations.
  for (const c of [erased, kept]) {
    const caseId = c.caseIds[0]!;
    const thread = c.threads[0]!;
    const claimed = event(caseId, 'claimed', NOW, { by: 'ann' });
    await recordOwnershipChange(db, { caseId, event: claimed, agentId: AGENT, now: NOW, shareWithTeam: true, syncable: true, name: 'Ann' });
    await addNote(db, { id: `ann:${newId()}`, thread, by: 'ann', at: NOW, text: `${c.name} rang about ${c.subject}`, mentions: ['bob'] }, { caseId, agentId: AGENT, shareWithTeam: true });
    await putPulledSharedInbox(db, {
      ownership: [{ id: `bob-claim-${caseId}`, thread, type: 'claimed', at: NOW, by: 'bob', origin: 'team', docId: `cl:bob:${caseId}` }],
      notes: [{ id: `bob:${caseId}`, thread, by: 'bob', at: NOW, text: `Spoke to ${c.name}`, mentions: ['ann'], origin: 'team', docId: `nt:bob:${caseId}` }],
      presence: [],
      erasedThreads: [],
    });
  }
  await putPulledSharedInbox(db, {
    ownership: [],
    notes: [],
    presence: [{ id: 'pr:bob:install-b', by: 'bob', at: NOW, threads: Object.fromEntries([...erased.threads, ...kept.threads].map((t) => [t, { state: 'viewing', since: NOW }])) }],
    erasedThreads: [],
  });
  // Deadlines already notified (meta), for both customers.
  await writeNotified(db, [...erased.caseIds, ...kept.caseIds].map((id) => `${id}@2026-03-03T10:00:00.000Z`));
  // The dashboard's packs, for this browser's cases and the team's.
  for (const source of ['local', 'team'] as const) {
    const read = await readDigests(db, source);
    const rows = read.changed.filter((d) => !d.deleted).map((d) => ({ caseId: d.caseId, agentId: d.agentId, category: d.category, marks: d.marks }));
    if (!(await storePack(db, read.version, source, 'policy', rows, read.changed))) throw new Error(`no ${source} pack stored`);
  }
  // The dashboard's last view of each source, painted first on its next visit: stored by the
  // dashboard right after it answers.
  for (const source of ['local', 'team'] as const) {
    await dashboardView(db, effectivePolicy(settings, new Date(NOW)), source, {}, Date.parse(NOW) + 3_600_000);
    for (let tries = 0; !(await db.get('views', source)); tries++) {
      if (tries > 500) throw new Error(`no ${source} view stored`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  return { erased, kept };
}

/** Every value in a store as text (typed arrays as numbers, so packed rows are searched too). */
export async function storeText(db: CaselineDb, store: Parameters<CaselineDb['getAll']>[0]): Promise<string> {
  return JSON.stringify(await db.getAll(store), (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

/** The words that would identify a customer, wherever they were kept. */
export function tracesOf(c: Customer): string[] {
  return [c.email, c.name, c.subject, ...c.caseIds, ...c.caseKeys, ...c.threads, ...c.caseIds.map((id) => id.split(':')[1]!)];
}
