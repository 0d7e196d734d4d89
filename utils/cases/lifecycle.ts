/**
 * The case lifecycle as a pure state machine.
 *
 *   received → acknowledged → (escalated) → resolved → followed_up → closed
 *                  ↑______________ reopened (agent, or the customer writes again) _____|
 *
 * `deriveCase` folds the append-only event log into the current state, in log order.
 * `decide` turns an agent's command into new events, or refuses it with a sentence the sidebar
 * can show. Every event carries who (actor), when (at) and, where the command has one, why.
 */
import type { CaseEvent, CaseEventType, Category, EventDataByType, Stage } from './events';
import { validateOutcome, ResolutionCodeSchema, ResolutionSummarySchema } from './outcome';
import type { OutcomeInput, Outcome, ResolutionCode } from './outcome';
import * as v from 'valibot';

export type ReferenceKind = Category;

export interface CaseState {
  caseId?: string;
  /** null until the first `received` event: there is no case yet. */
  stage: Stage | null;
  category?: Category;
  categoryBy?: 'classifier' | 'agent';
  categoryConfidence?: number;
  /** Complaint reference ("CMP-AB-0042") or support ticket number ("TKT-AB-0042"). */
  reference?: string;
  /** The open escalation, if the case is escalated. */
  escalation?: { reason: string; to: string; at: string; by: string; updates: number };
  waitingOnCustomer: boolean;
  /** When the current wait on the customer began. */
  waitingSince?: string;
  firstInboundAt?: string;
  acknowledgedAt?: string;
  firstResponseAt?: string;
  /** Latest resolution (cleared by a reopen). */
  resolvedAt?: string;
  resolution?: { code: string; summary: string };
  /** Follow-ups sent since the latest resolution. */
  followUps: number;
  lastFollowUpAt?: string;
  closedAt?: string;
  closure?: { satisfied: boolean; reason?: string };
  reopenCount: number;
  lastCustomerMessageAt?: string;
  /** Outcome fields merged in the order they were recorded. */
  outcome?: EventDataByType['outcome_recorded'];
  templatesUsed: string[];
  createdAt?: string;
  updatedAt?: string;
  eventCount: number;
}

export type CaseCommand =
  | { type: 'acknowledge' }
  | { type: 'respond'; messageId?: string }
  | { type: 'awaitCustomer'; note?: string }
  | { type: 'escalate'; reason: string; to: string }
  | { type: 'updateEscalation'; note?: string }
  | { type: 'resolve'; code: ResolutionCode; summary: string }
  | { type: 'followUp'; note?: string }
  | { type: 'close'; satisfied: true }
  | { type: 'close'; satisfied: false; reason: string }
  | { type: 'reopen'; reason?: string }
  | { type: 'setCategory'; category: Category }
  | { type: 'recordOutcome'; outcome: OutcomeInput }
  | { type: 'logTemplate'; templateId: string; templateVersion?: number };

export type CaseCommandType = CaseCommand['type'];

export interface LifecyclePolicy {
  /** Follow-ups that must have been sent before a case closes without the customer's confirmation. */
  followUpsBeforeClose: number;
  /** Whether the outcome form asks for NPS (sop/002 §8). */
  usesNps?: boolean;
}

export const DEFAULT_LIFECYCLE_POLICY: LifecyclePolicy = { followUpsBeforeClose: 2, usesNps: false };

export interface DecideContext {
  agentId: string;
  /** ISO instant of the action. */
  now: string;
  newId: () => string;
  /** Issues the next reference of a kind; called at most once per decision. */
  nextReference: (kind: ReferenceKind) => string;
  policy?: Partial<LifecyclePolicy>;
}

export type Decision = { ok: true; events: CaseEvent[] } | { ok: false; error: string };

export const REASON_MAX = 500;
export const NAME_MAX = 200;

export function emptyCaseState(): CaseState {
  return { stage: null, waitingOnCustomer: false, followUps: 0, reopenCount: 0, templatesUsed: [], eventCount: 0 };
}

const OPEN_WORK_STAGES: readonly Stage[] = ['acknowledged', 'escalated'];
const FINISHED_STAGES: readonly Stage[] = ['resolved', 'followed_up', 'closed'];

/** Folds one event into a state (returns a new state). */
export function applyEvent(previous: CaseState, event: CaseEvent): CaseState {
  const s: CaseState = { ...previous, eventCount: previous.eventCount + 1, updatedAt: event.at };
  s.caseId ??= event.caseId;
  // Before the first customer message there is no case: only its start and its label count.
  if (s.stage === null && event.type !== 'received' && event.type !== 'customer_replied' && event.type !== 'category_set') return s;
  s.createdAt ??= event.at;
  switch (event.type) {
    case 'received':
      if (s.stage === null) s.stage = 'received';
      s.firstInboundAt ??= event.at;
      s.lastCustomerMessageAt = later(s.lastCustomerMessageAt, event.at);
      break;
    case 'customer_replied':
      if (s.stage === null) {
        s.stage = 'received';
        s.firstInboundAt ??= event.at;
      }
      s.lastCustomerMessageAt = later(s.lastCustomerMessageAt, event.at);
      s.waitingOnCustomer = false;
      delete s.waitingSince;
      break;
    case 'acknowledged':
      if (s.stage === 'received' || s.stage === null) {
        s.stage = 'acknowledged';
        s.acknowledgedAt ??= event.at;
      }
      if (event.data.reference && !s.reference) s.reference = event.data.reference;
      break;
    case 'responded':
      s.firstResponseAt ??= event.at;
      if (s.stage === 'received' || s.stage === null) {
        s.stage = 'acknowledged';
        s.acknowledgedAt ??= event.at;
      }
      break;
    case 'awaiting_customer':
      s.waitingOnCustomer = true;
      s.waitingSince = event.at;
      break;
    case 'escalated':
      s.stage = 'escalated';
      s.escalation = { reason: event.data.reason, to: event.data.to, at: event.at, by: event.actor, updates: 0 };
      break;
    case 'escalation_updated':
      if (s.escalation) s.escalation = { ...s.escalation, updates: s.escalation.updates + 1 };
      break;
    case 'resolved':
      s.stage = 'resolved';
      s.resolvedAt = event.at;
      s.resolution = { code: event.data.code, summary: event.data.summary };
      s.followUps = 0;
      s.waitingOnCustomer = false;
      delete s.waitingSince;
      delete s.escalation;
      break;
    case 'followed_up':
      s.stage = 'followed_up';
      s.followUps += 1;
      s.lastFollowUpAt = event.at;
      break;
    case 'closed':
      s.stage = 'closed';
      s.closedAt = event.at;
      s.closure = event.data.reason === undefined ? { satisfied: event.data.satisfied } : { satisfied: event.data.satisfied, reason: event.data.reason };
      s.waitingOnCustomer = false;
      delete s.waitingSince;
      break;
    case 'reopened':
      s.stage = 'acknowledged';
      s.reopenCount += 1;
      s.followUps = 0;
      delete s.resolvedAt;
      delete s.resolution;
      delete s.closedAt;
      delete s.closure;
      delete s.lastFollowUpAt;
      break;
    case 'category_set':
      s.category = event.data.category;
      s.categoryBy = event.data.by;
      if (event.data.confidence === undefined) delete s.categoryConfidence;
      else s.categoryConfidence = event.data.confidence;
      break;
    case 'template_inserted':
      if (!s.templatesUsed.includes(event.data.templateId)) s.templatesUsed = [...s.templatesUsed, event.data.templateId];
      break;
    case 'outcome_recorded':
      s.outcome = { ...s.outcome, ...stripUndefined(event.data) };
      break;
  }
  return s;
}

/** The current state of a case from its events, applied in log order. */
export function deriveCase(events: readonly CaseEvent[]): CaseState {
  let state = emptyCaseState();
  for (const event of events) state = applyEvent(state, event);
  return state;
}

/** The commands the sidebar may offer now (their arguments are checked by `decide`). */
export function availableActions(state: CaseState): CaseCommandType[] {
  const actions: CaseCommandType[] = [];
  const stage = state.stage;
  if (stage === null) return actions;
  if (stage === 'received') actions.push('acknowledge');
  if (stage === 'received' || OPEN_WORK_STAGES.includes(stage)) actions.push('respond');
  if (OPEN_WORK_STAGES.includes(stage) && !state.waitingOnCustomer) actions.push('awaitCustomer');
  if (stage === 'acknowledged') actions.push('escalate');
  if (stage === 'escalated') actions.push('updateEscalation');
  if (OPEN_WORK_STAGES.includes(stage)) actions.push('resolve');
  if (stage === 'resolved' || stage === 'followed_up') actions.push('followUp', 'close');
  if (FINISHED_STAGES.includes(stage)) actions.push('reopen', 'recordOutcome');
  actions.push('setCategory');
  if (stage !== 'closed') actions.push('logTemplate');
  return actions;
}

const STAGE_WORDS: Record<Stage, string> = {
  received: 'received but not yet acknowledged',
  acknowledged: 'acknowledged',
  escalated: 'escalated',
  resolved: 'resolved',
  followed_up: 'resolved and followed up',
  closed: 'closed',
};

/** Decides what an agent's command does to a case: new events, or a refusal in words. */
export function decide(state: CaseState, command: CaseCommand, ctx: DecideContext): Decision {
  const policy: LifecyclePolicy = { ...DEFAULT_LIFECYCLE_POLICY, ...ctx.policy };
  const stage = state.stage;
  const caseId = state.caseId;
  if (stage === null || caseId === undefined) {
    return refuse('There is no case for this conversation yet: it starts when the first customer message is read.');
  }
  const make = <T extends CaseEventType>(type: T, data: EventDataByType[T]): CaseEvent =>
    ({ id: ctx.newId(), caseId, type, at: ctx.now, actor: ctx.agentId, source: 'agent', data }) as CaseEvent;
  const inStage = `This case is ${STAGE_WORDS[stage]}`;
  const closedRefusal = (what: string) => refuse(`This case is closed; reopen it before you ${what}.`);

  switch (command.type) {
    case 'acknowledge': {
      if (stage !== 'received') return refuse(`${inStage}: it was already acknowledged.`);
      return accept([make('acknowledged', referenceData(state, ctx))]);
    }
    case 'respond': {
      if (stage === 'closed') return closedRefusal('reply');
      if (stage === 'resolved' || stage === 'followed_up') {
        return refuse(`${inStage}: send a follow-up instead, or reopen the case.`);
      }
      const data = command.messageId ? { messageId: command.messageId } : {};
      const events: CaseEvent[] = [];
      if (stage === 'received') events.push(make('acknowledged', referenceData(state, ctx)));
      events.push(make('responded', data));
      return accept(events);
    }
    case 'awaitCustomer': {
      if (stage === 'closed') return closedRefusal('wait on the customer');
      if (stage === 'received') return refuse('Acknowledge the case before marking it as waiting on the customer.');
      if (stage === 'resolved' || stage === 'followed_up') return refuse(`${inStage}: there is nothing to wait for.`);
      if (state.waitingOnCustomer) return refuse('The case is already waiting on the customer.');
      const note = optionalText(command.note, 'note');
      if (!note.ok) return note;
      return accept([make('awaiting_customer', note.value === undefined ? {} : { note: note.value })]);
    }
    case 'escalate': {
      if (stage === 'closed') return closedRefusal('escalate it');
      if (stage === 'received') return refuse('Acknowledge the case before escalating it.');
      if (stage === 'escalated') {
        return refuse(`The case is already escalated to ${state.escalation?.to ?? 'someone'}; send an escalation update instead.`);
      }
      if (stage === 'resolved' || stage === 'followed_up') return refuse(`${inStage}: reopen it before escalating.`);
      const reason = requiredText(command.reason, 'Give the reason for the escalation.', REASON_MAX, 'reason');
      if (!reason.ok) return reason;
      const to = requiredText(command.to, 'Say to whom the case is escalated.', NAME_MAX, 'name of whom it goes to');
      if (!to.ok) return to;
      return accept([make('escalated', { reason: reason.value, to: to.value })]);
    }
    case 'updateEscalation': {
      if (stage !== 'escalated') return refuse(`${inStage}, not escalated: there is no escalation to update.`);
      const note = optionalText(command.note, 'note');
      if (!note.ok) return note;
      return accept([make('escalation_updated', note.value === undefined ? {} : { note: note.value })]);
    }
    case 'resolve': {
      if (stage === 'closed') return closedRefusal('resolve it again');
      if (stage === 'received') return refuse('Acknowledge the case before resolving it.');
      if (stage === 'resolved' || stage === 'followed_up') return refuse('The case is already resolved.');
      const code = v.safeParse(ResolutionCodeSchema, command.code);
      if (!code.success) return refuse(code.issues[0].message);
      const summary = v.safeParse(ResolutionSummarySchema, command.summary);
      if (!summary.success) return refuse(summary.issues[0].message);
      return accept([make('resolved', { code: code.output, summary: summary.output })]);
    }
    case 'followUp': {
      if (stage === 'closed') return closedRefusal('follow up');
      if (stage !== 'resolved' && stage !== 'followed_up') return refuse(`${inStage}: follow-ups come after the case is resolved.`);
      const note = optionalText(command.note, 'note');
      if (!note.ok) return note;
      return accept([make('followed_up', note.value === undefined ? {} : { note: note.value })]);
    }
    case 'close': {
      if (stage === 'closed') return refuse('The case is already closed.');
      if (stage !== 'resolved' && stage !== 'followed_up') return refuse(`${inStage}: resolve it before closing it.`);
      if (command.satisfied === true) return accept([make('closed', { satisfied: true })]);
      const reason = requiredText(
        (command as { reason?: unknown }).reason,
        'Without the customer\'s confirmation, closing needs a reason (for example "no answer after the follow-ups").',
        REASON_MAX,
        'reason',
      );
      if (!reason.ok) return reason;
      const needed = policy.followUpsBeforeClose;
      if (state.followUps < needed) {
        return refuse(
          `Without the customer's confirmation, the policy asks for ${plural(needed, 'follow-up')} before closing; ` +
            `${state.followUps === 0 ? 'none has' : plural(state.followUps, 'follow-up') + (state.followUps === 1 ? ' has' : ' have')} been sent.`,
        );
      }
      return accept([make('closed', { satisfied: false, reason: reason.value })]);
    }
    case 'reopen': {
      if (!FINISHED_STAGES.includes(stage)) return refuse(`${inStage}: only a resolved or closed case can be reopened.`);
      const reason = optionalText(command.reason, 'reason');
      if (!reason.ok) return reason;
      return accept([make('reopened', reason.value === undefined ? {} : { reason: reason.value })]);
    }
    case 'setCategory': {
      const category = command.category as string;
      if (category !== 'inquiry' && category !== 'complaint' && category !== 'support') {
        return refuse('Choose inquiry, complaint or support.');
      }
      if (state.category === category && state.categoryBy === 'agent') return refuse(`The case is already marked as ${category}.`);
      const events: CaseEvent[] = [make('category_set', { category, by: 'agent' })];
      // An acknowledged complaint or support request that has no number yet gets one now.
      const acknowledged = stage !== 'received';
      if (acknowledged && !state.reference && category !== 'inquiry') {
        events.push(make('acknowledged', { reference: ctx.nextReference(category) }));
      }
      return accept(events);
    }
    case 'recordOutcome': {
      if (!FINISHED_STAGES.includes(stage)) return refuse(`${inStage}: record the outcome once the case is resolved.`);
      const checked = validateOutcome(command.outcome, policy);
      if (!checked.ok) return refuse(checked.errors.map((e) => e.message).join(' '));
      return accept([make('outcome_recorded', stripUndefined(checked.outcome as Outcome))]);
    }
    case 'logTemplate': {
      if (stage === 'closed') return closedRefusal('insert a template');
      const templateId = requiredText(command.templateId, 'A template id is needed.', NAME_MAX, 'template id');
      if (!templateId.ok) return templateId;
      const version = command.templateVersion;
      if (version !== undefined && (!Number.isInteger(version) || version < 0)) return refuse('The template version must be a whole number.');
      return accept([make('template_inserted', version === undefined ? { templateId: templateId.value } : { templateId: templateId.value, templateVersion: version })]);
    }
    default: {
      const unknown: never = command;
      return refuse(`Unknown action "${String((unknown as { type?: unknown }).type)}".`);
    }
  }
}

/** Complaints and support requests get their number when acknowledged (sop/000 §5.3, sop/001 step 2). */
function referenceData(state: CaseState, ctx: DecideContext): EventDataByType['acknowledged'] {
  if (state.reference || state.category === undefined || state.category === 'inquiry') return {};
  return { reference: ctx.nextReference(state.category) };
}

const REFERENCE_PREFIX: Record<ReferenceKind, string> = { complaint: 'CMP', support: 'TKT', inquiry: 'INQ' };

/** A reference such as "CMP-AB-0042": kind, agent/team prefix, counter (at least 4 digits). */
export function formatReference(kind: ReferenceKind, prefix: string, counter: number): string {
  const cleanPrefix = normalizeReferencePrefix(prefix);
  return `${REFERENCE_PREFIX[kind]}-${cleanPrefix}-${String(counter).padStart(4, '0')}`;
}

/** Upper-case letters and digits, 1–6 characters; anything else is refused. */
export function normalizeReferencePrefix(prefix: string): string {
  const clean = prefix.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,6}$/.test(clean)) throw new Error('The reference prefix is 1 to 6 letters or digits, for example "AB".');
  return clean;
}

function accept(events: CaseEvent[]): Decision {
  return { ok: true, events };
}
function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

type TextCheck = { ok: true; value: string } | { ok: false; error: string };
type OptionalTextCheck = { ok: true; value: string | undefined } | { ok: false; error: string };

function requiredText(value: unknown, missing: string, max: number, what: string): TextCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, error: missing };
  const trimmed = value.trim();
  if (trimmed.length > max) return { ok: false, error: `Keep the ${what} to ${max} characters.` };
  return { ok: true, value: trimmed };
}

function optionalText(value: unknown, what: string): OptionalTextCheck {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, error: `The ${what} must be text.` };
  const trimmed = value.trim();
  if (trimmed.length > REASON_MAX) return { ok: false, error: `Keep the ${what} to ${REASON_MAX} characters.` };
  return { ok: true, value: trimmed === '' ? undefined : trimmed };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function later(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
