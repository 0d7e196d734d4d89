/**
 * The background's use cases over the database: a thread read from the page becomes a case with
 * automatic events, a category and SLA deadlines; agents' commands become events; templates are
 * rendered from the case. No extension APIs: the background binds these to messages, and the
 * unit tests run them on fake-indexeddb.
 */
import { classify, correctionFrom, detectEscalation, mergeEscalations, type Classification, type Correction } from '../classify/classifier';
import type { CaseView, ListChip, QueueItem } from '../case-view';
import { caseIdFor } from '../cases/case-id';
import type { CaseEvent, Category } from '../cases/events';
import { availableActions, deriveCase, type CaseCommand } from '../cases/lifecycle';
import type { CaseRecord } from '../cases/records';
import {
  applyCaseEvents,
  getCase,
  getCaseEvents,
  getEventsOfCases,
  listOpenCasesByDeadline,
  recordListRow,
  recordSnapshot,
  runCaseCommand,
  setNextDueAt,
  type CommandResult,
} from '../db/case-store';
import { describeDbError } from '../db/errors';
import { addCorrection, listCorrections } from '../db/corrections';
import { putOutcome } from '../db/outcomes';
import type { CaselineDb, CorrectionRecord } from '../db/schema';
import type { MailHost, ThreadListRow, ThreadSnapshot } from '../cases/mail-thread';
import type { CaselineSettings } from '../settings/settings';
import { evaluate, nextDeadline } from '../sla/evaluate';
import type { TargetStatus } from '../sla/types';
import { renderTemplate } from '../templates/render';
import { fillableFrom, variableLabel, variablesOf } from '../templates/variables';
import { canInsert } from '../templates/approval';
import type { RenderedForInsert, Template } from '../templates/types';
import { buildCaseView, summarizeTemplates } from './build-case-view';
import { effectivePolicy } from './effective-policy';
import { templatesInForce } from './team-publications';

export interface DeskDeps {
  db: CaselineDb;
  settings: () => Promise<CaselineSettings>;
  now: () => Date;
  newId: () => string;
  /** The agent's own zone (the browser's). */
  timeZone: string;
  /**
   * Makes the classifier's data available before a thread is classified: the background fetches
   * it from the extension's package on first use. Absent where the data is bundled (Node).
   */
  loadClassifier?: () => Promise<void>;
}

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What was last read of a thread, kept in memory only (never stored): lets an override teach the classifier. */
interface ReadText {
  subject: string;
  body: string;
  classification: Classification;
}

const MAX_REMEMBERED = 100;

export class CaseDesk {
  private readonly lastRead = new Map<string, ReadText>();
  private corrections: Correction[] | undefined;

  constructor(private readonly deps: DeskDeps) {}

  /** A thread read from the page: record automatic events, classify, evaluate; the sidebar's view. */
  async snapshot(snapshot: ThreadSnapshot): Promise<DeskResult<CaseView | null>> {
    const inbound = snapshot.messages.filter((m) => m.direction === 'inbound');
    const newest = inbound[inbound.length - 1];
    // The classifier's data loads (first time only) while the snapshot is recorded.
    const classifierReady = newest ? this.deps.loadClassifier?.() : undefined;
    classifierReady?.catch(() => undefined);
    const settings = await this.deps.settings();
    const now = this.deps.now();
    const caseId = caseIdFor(snapshot.host, snapshot.threadId);
    const recorded = await this.guard(() =>
      recordSnapshot(this.deps.db, snapshot, { agentId: settings.agent.id, now: now.toISOString(), newId: this.deps.newId, syncable: settings.sync.enabled, referencePrefix: settings.agent.prefix }),
    );
    if (!recorded.ok) return recorded;
    if (!recorded.value.record) return { ok: true, value: null };

    let classification: Classification | undefined;
    if (newest) {
      await classifierReady;
      classification = classify({ subject: snapshot.subject, body: newest.text }, { corrections: await this.loadCorrections(), priorInboundCount: inbound.length - 1 });
      // The newest message decides the label; a threat made in any of the customer's own
      // messages (never in quoted history) keeps the case flagged.
      const earlier = inbound.slice(0, -1).map((m) => detectEscalation({ subject: '', body: m.text }));
      classification = { ...classification, escalation: mergeEscalations([classification.escalation, ...earlier]) };
      this.remember(caseId, { subject: snapshot.subject, body: newest.text, classification });
    }
    if (classification && recorded.value.state.category === undefined) {
      const at = newest?.sentAt ?? now.toISOString();
      const event = { id: this.deps.newId(), caseId, type: 'category_set', at, actor: 'classifier', source: 'auto', data: { category: classification.label, by: 'classifier', confidence: classification.confidence } } as CaseEvent;
      const applied = await this.guard(async () => {
        const change = await applyCaseEvents(this.deps.db, caseId, [event], {}, { syncable: settings.sync.enabled, agentId: settings.agent.id, now: now.toISOString() });
        return { ok: true as const, record: change.record, state: change.state, events: change.events };
      });
      if (!applied.ok) return applied;
    }
    return this.view(caseId, settings, classification);
  }

  /** Rows of the conversation list: start cases before they are opened; chips for tracked rows. */
  async threadList(host: MailHost, rows: ThreadListRow[]): Promise<DeskResult<ListChip[]>> {
    const settings = await this.deps.settings();
    const now = this.deps.now();
    const policy = effectivePolicy(settings, now);
    const chips: ListChip[] = [];
    for (const row of rows) {
      if (!row.threadId) continue;
      const caseId = caseIdFor(host, row.threadId);
      let record = await getCase(this.deps.db, caseId);
      if (!record) {
        if (!row.sentAt) continue;
        const started = await this.guard(() =>
          recordListRow(this.deps.db, row, { host, agentId: settings.agent.id, now: now.toISOString(), newId: this.deps.newId, syncable: settings.sync.enabled, referencePrefix: settings.agent.prefix }),
        );
        if (!started.ok || !started.value.record) continue;
        await this.deps.loadClassifier?.();
        const c = classify({ subject: row.subject, body: row.snippet ?? '' }, { corrections: await this.loadCorrections() });
        const event = { id: this.deps.newId(), caseId, type: 'category_set', at: row.sentAt, actor: 'classifier', source: 'auto', data: { category: c.label, by: 'classifier', confidence: c.confidence } } as CaseEvent;
        try {
          await applyCaseEvents(this.deps.db, caseId, [event], {}, { syncable: settings.sync.enabled, agentId: settings.agent.id, now: now.toISOString() });
        } catch {
          continue;
        }
        record = await getCase(this.deps.db, caseId);
        if (!record) continue;
      }
      const events = await getCaseEvents(this.deps.db, caseId);
      const statuses = evaluate(events, policy, now);
      const next = nextDeadline(statuses);
      await this.updateDeadline(record, next);
      chips.push({
        threadId: row.threadId,
        caseId,
        category: record.category ?? 'inquiry',
        ...(next?.dueAt ? { dueAt: next.dueAt, dueTarget: next.target } : {}),
        ...(next ? { state: liveState(next, now) } : {}),
      });
    }
    return { ok: true, value: chips };
  }

  /** An agent's action on a case, as one transaction; the refreshed view, or the refusal in words. */
  async command(caseId: string, command: CaseCommand): Promise<DeskResult<CaseView>> {
    const settings = await this.deps.settings();
    const now = this.deps.now();
    const policy = effectivePolicy(settings, now);
    const result = await this.guard(() =>
      runCaseCommand(this.deps.db, {
        caseId,
        command,
        agentId: settings.agent.id,
        now: now.toISOString(),
        newId: this.deps.newId,
        syncable: settings.sync.enabled,
        referencePrefix: settings.agent.prefix,
        policy: { followUpsBeforeClose: policy.followUpsBeforeClose, usesNps: policy.usesNps },
      }),
    );
    if (!result.ok) return result;
    if (!result.value.record) return { ok: false, error: 'There is no case for this conversation yet.' };
    if (command.type === 'recordOutcome') {
      const saved = await this.guard(async () => {
        await putOutcome(this.deps.db, { ...command.outcome, caseId, agentId: settings.agent.id, recordedAt: now.toISOString() } as never, { syncable: settings.sync.enabled, usesNps: policy.usesNps });
        return result.value;
      });
      if (!saved.ok) return saved;
    }
    let classification = this.lastRead.get(caseId)?.classification;
    if (command.type === 'setCategory') {
      const read = this.lastRead.get(caseId);
      if (read) {
        const correction = correctionFrom({ subject: read.subject, body: read.body }, command.category, this.deps.newId(), now.toISOString());
        await this.saveCorrection(correction, caseId, read.classification.label, settings.agent.id);
        classification = { ...read.classification, label: command.category };
      }
    }
    const view = await this.view(caseId, settings, classification);
    if (!view.ok) return view;
    if (!view.value) return { ok: false, error: 'The case could not be read back.' };
    return { ok: true, value: view.value };
  }

  /** A template rendered with the case's values (and the agent's), as text blocks for the editor. */
  async renderTemplate(caseId: string, templateId: string, given: Record<string, string>): Promise<DeskResult<RenderedForInsert>> {
    const settings = await this.deps.settings();
    const now = this.deps.now();
    const template = (await templatesInForce(this.deps.db, settings)).find((t) => t.id === templateId);
    if (!template) return { ok: false, error: 'That template is not in your library any more (withdrawn or replaced).' };
    if (!canInsert(template)) return { ok: false, error: `“${template.name}” is not approved, so it cannot be inserted.` };
    let record = await getCase(this.deps.db, caseId);
    if (!record) return { ok: false, error: 'There is no case for this conversation yet.' };
    let events = await getCaseEvents(this.deps.db, caseId);
    // A reply that quotes the reference number is the acknowledgement: a complaint or support
    // request not yet acknowledged is acknowledged now, which issues its reference.
    if (!record.reference && variablesOf(template).includes('case.reference')) {
      const state = deriveCase(events);
      if ((state.category === 'complaint' || state.category === 'support') && availableActions(state).includes('acknowledge')) {
        const acked = await this.command(caseId, { type: 'acknowledge' });
        if (!acked.ok) return acked;
        record = (await getCase(this.deps.db, caseId)) ?? record;
        events = await getCaseEvents(this.deps.db, caseId);
      }
    }
    const policy = effectivePolicy(settings, now);
    const statuses = evaluate(events, policy, now);
    const due = (name: TargetStatus['target']) => statuses.find((s) => s.target === name && s.dueAt && !s.metAt)?.dueAt;
    const escalation = events.filter((e): e is Extract<CaseEvent, { type: 'escalated' }> => e.type === 'escalated').pop();
    const values = {
      ...fillableFrom({
        language: template.language,
        timeZone: this.deps.timeZone,
        now: now.toISOString(),
        customer: { ...(record.customerName ? { name: record.customerName } : {}), ...(record.customerEmail ? { email: record.customerEmail } : {}) },
        agent: { name: settings.agent.name },
        company: { name: settings.company.name },
        case: { ...(record.reference ? { reference: record.reference } : {}), subject: record.subject, ...(record.category ? { category: record.category } : {}) },
        sla: {
          acknowledgeBy: due('acknowledge'),
          respondBy: due('respond'),
          resolveBy: due('resolve'),
          followUpBy: due('followUp'),
          escalationUpdateBy: due('escalationUpdate'),
        },
        escalation: escalation ? { contact: escalation.data.to } : {},
      }),
      ...Object.fromEntries(Object.entries(given).filter(([, v]) => v.trim() !== '')),
    };
    const rendered = renderTemplate(template, values);
    return {
      ok: true,
      value: {
        blocks: rendered.blocks,
        text: rendered.text,
        missing: rendered.missing.map((name) => ({ name, label: variableLabel(name, template.language) })),
        templateName: template.name,
      },
    };
  }

  /** Approved templates for the palette, the case's suggestions first. */
  async templateList(caseId: string | undefined): Promise<DeskResult<ReturnType<typeof summarizeTemplates>>> {
    const settings = await this.deps.settings();
    const templates = await templatesInForce(this.deps.db, settings);
    if (!caseId) return { ok: true, value: summarizeTemplates(templates, [], settings.language) };
    const view = await this.view(caseId, settings, this.lastRead.get(caseId)?.classification);
    if (!view.ok) return view;
    return { ok: true, value: view.value?.templates ?? summarizeTemplates(templates, [], settings.language) };
  }

  /** My open cases, nearest deadline first (deadlines re-evaluated now). */
  async queue(limit = 100): Promise<DeskResult<QueueItem[]>> {
    const settings = await this.deps.settings();
    const now = this.deps.now();
    const policy = effectivePolicy(settings, now);
    const records = await listOpenCasesByDeadline(this.deps.db, limit);
    // All their events in one read: a wake's first queue or deadline check waits on one transaction, not one per case.
    const eventsOf = await getEventsOfCases(this.deps.db, records.map((r) => r.caseId));
    const items: QueueItem[] = [];
    for (const [i, record] of records.entries()) {
      const statuses = evaluate(eventsOf[i] ?? [], policy, now);
      const next = nextDeadline(statuses);
      await this.updateDeadline(record, next);
      items.push({
        caseId: record.caseId,
        host: record.host,
        threadId: record.threadId,
        subject: record.subject,
        category: record.category ?? 'inquiry',
        stage: record.stage,
        ...(record.reference ? { reference: record.reference } : {}),
        ...(next?.dueAt ? { nextDueAt: next.dueAt, nextTarget: next.target, state: liveState(next, now) } : {}),
      });
    }
    items.sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999'));
    return { ok: true, value: items };
  }

  /** Open cases whose nearest deadline is breached or due soon now, with the deadlines coming up within `leadMinutes`. */
  async attention(leadMinutes: number): Promise<{ breached: QueueItem[]; dueSoon: QueueItem[]; upcoming: QueueItem[] }> {
    const q = await this.queue(5000);
    const items = q.ok ? q.value : [];
    const now = this.deps.now().getTime();
    return {
      breached: items.filter((i) => i.state === 'breached'),
      dueSoon: items.filter((i) => i.state === 'due_soon'),
      upcoming: items.filter((i) => i.nextDueAt && i.state !== 'breached' && Date.parse(i.nextDueAt) - now <= leadMinutes * 60_000),
    };
  }

  /** The view of one case as it stands. */
  async view(caseId: string, settings: CaselineSettings, classification?: Classification): Promise<DeskResult<CaseView | null>> {
    const now = this.deps.now();
    const record = await getCase(this.deps.db, caseId);
    if (!record) return { ok: true, value: null };
    const events = await getCaseEvents(this.deps.db, caseId);
    const state = deriveCase(events);
    const policy = effectivePolicy(settings, now);
    const statuses = evaluate(events, policy, now);
    await this.updateDeadline(record, nextDeadline(statuses));
    const templates: Template[] = await templatesInForce(this.deps.db, settings);
    return {
      ok: true,
      value: buildCaseView({
        record,
        state,
        events,
        ...(classification ? { classification } : {}),
        statuses,
        policy,
        templates,
        language: settings.language,
        agentTimeZone: this.deps.timeZone,
      }),
    };
  }

  /** Forgets what was read (after "erase everything" or a customer erasure). */
  forget(): void {
    this.lastRead.clear();
    this.corrections = undefined;
  }

  private remember(caseId: string, read: ReadText) {
    this.lastRead.delete(caseId);
    this.lastRead.set(caseId, read);
    if (this.lastRead.size > MAX_REMEMBERED) {
      const oldest = this.lastRead.keys().next().value;
      if (oldest !== undefined) this.lastRead.delete(oldest);
    }
  }

  private async loadCorrections(): Promise<Correction[]> {
    if (!this.corrections) this.corrections = (await listCorrections(this.deps.db)).map(correctionOfRecord).filter((c): c is Correction => c !== null);
    return this.corrections;
  }

  private async saveCorrection(c: Correction, caseId: string, from: Category, agentId: string) {
    const features: Record<string, number> = {};
    c.features.index.forEach((bucket, i) => (features[String(bucket)] = c.features.value[i] ?? 0));
    const record: CorrectionRecord = { id: c.id, at: c.at, to: c.label, from, caseId, agentId, features };
    await addCorrection(this.deps.db, record);
    (await this.loadCorrections()).push(c);
  }

  private async updateDeadline(record: CaseRecord, next: TargetStatus | undefined) {
    const due = next?.dueAt;
    if (record.open === 1 && record.nextDueAt !== due) await setNextDueAt(this.deps.db, record.caseId, due);
  }

  private async guard(work: () => Promise<CommandResult>): Promise<DeskResult<Extract<CommandResult, { ok: true }>>> {
    try {
      const r = await work();
      return r.ok ? { ok: true, value: r } : { ok: false, error: r.error };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  }
}

/** A stored correction as the classifier's memory entry. */
export function correctionOfRecord(r: CorrectionRecord): Correction | null {
  if (!r.features) return null;
  const entries = Object.entries(r.features)
    .map(([k, v]) => [Number(k), v] as const)
    .filter(([k]) => Number.isInteger(k))
    .sort((a, b) => a[0] - b[0]);
  return { id: r.id, label: r.to, at: r.at, features: { index: entries.map(([k]) => k), value: entries.map(([, v]) => v) } };
}

/** A running target turns due soon or breached as time passes between evaluations. */
function liveState(status: TargetStatus, now: Date): TargetStatus['state'] {
  if (status.state === 'breached' || !status.dueAt) return status.state;
  if (Date.parse(status.dueAt) <= now.getTime()) return 'breached';
  return status.state;
}
