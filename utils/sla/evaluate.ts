/**
 * Evaluates a case's SLA targets from its event log at a moment `now`.
 *
 * Rules:
 * - The category is that of the last `category_set` event; a case with none is evaluated as an
 *   'inquiry' (the classifier sets a category on arrival, so this only covers the first moments).
 * - Events after `now` are ignored (they have not happened yet as of `now`).
 * - A target's clock starts at the first `startOn` event and is met by the first `metBy` event
 *   after it (a `metBy` event logged before the start meets it at the start).
 * - Waiting: between `awaiting_customer` and the next `customer_replied`, targets with
 *   `pausesWhileWaiting` stop; the due time moves later by the paused time in the target's clock.
 *   A wait that takes no time on that clock (a night or weekend, for a business clock) leaves the
 *   due time as it was, and no wait makes it earlier. A business-days target that a wait moves
 *   onto a closing is due at the next opening instead, as the days rule gives start-of-day times.
 *   A pause that begins after the due time does not undo the breach.
 * - Reopening (`reopened`, or `customer_replied` after `resolved`/`closed`) restarts `resolve` and
 *   cancels an unmet `followUp`; the next `resolved` starts a new follow-up.
 * - Escalation updates recur: each `escalation_updated` meets the current one and, while the case
 *   is still escalated, starts the next. `resolved` or `closed` ends the escalation; the last
 *   completed update is then reported.
 * - `closed` stops every clock still running: a target whose due time had passed is breached,
 *   otherwise it no longer applies and is reported as not started.
 * - Met after the due time is 'breached', with both breachedAt and metAt.
 * - Business targets use the policy calendar (days by the calendar's days rule); calendar targets
 *   count elapsed time, a calendar day being 24 hours.
 * - Due soon: running with no more than `dueSoonShare` of the target's time left.
 */
import type { CaseEvent, CaseEventType, Category } from '../cases/events';
import type { BusinessCalendar } from '../calendar';
// Straight from the modules, not '../calendar': that index also carries the holiday places index.
import { addBusinessTimeMs, businessMinutesBetweenMs } from '../calendar/business-time';
import { formatIsoInstant, parseIsoInstant } from '../calendar/iso-instant';
import type { SlaPolicy, SlaTarget, TargetName, TargetStatus } from './types';
import { TARGET_NAMES } from './types';

const MS_PER_MINUTE = 60_000;
const UNIT_MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;

interface TimedEvent {
  type: CaseEventType;
  t: number;
  category?: Category;
}

interface Cycle {
  start: number;
  metAt?: number;
  /** When the cycle stopped without being met (case closed, reopened or de-escalated). */
  endedAt?: number;
}

interface Pause {
  start: number;
  end?: number;
}

const NO_PAUSES: Pause[] = [];

/** The SLA status of each target the policy sets for the case's category, in TARGET_NAMES order. */
export function evaluate(events: CaseEvent[], policy: SlaPolicy, now: Date): TargetStatus[] {
  const nowMs = now.getTime();
  const timeline = toTimeline(events, nowMs);
  let category: Category = 'inquiry';
  for (const e of timeline) if (e.category !== undefined) category = e.category;
  const targets = policy.targets[category] ?? {};
  const pauses = waitingPauses(timeline);
  const statuses: TargetStatus[] = [];
  for (const name of TARGET_NAMES) {
    const target = targets[name];
    if (target === undefined) continue;
    const cycle = currentCycle(name, target, timeline);
    statuses.push(statusOf(name, target, cycle, target.pausesWhileWaiting ? pauses : NO_PAUSES, policy, nowMs));
  }
  return statuses;
}

/** The target whose deadline comes first among those still owed (running, due soon or breached and unmet). */
export function nextDeadline(statuses: TargetStatus[]): TargetStatus | undefined {
  let best: TargetStatus | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const s of statuses) {
    if (s.dueAt === undefined || s.metAt !== undefined) continue;
    if (s.state !== 'running' && s.state !== 'due_soon' && s.state !== 'breached') continue;
    const at = parseIsoInstant(s.dueAt);
    if (at < bestAt) {
      best = s;
      bestAt = at;
    }
  }
  return best;
}

function toTimeline(events: CaseEvent[], nowMs: number): TimedEvent[] {
  const out: TimedEvent[] = [];
  let sorted = true;
  for (const e of events) {
    const t = parseIsoInstant(e.at);
    if (!Number.isFinite(t) || t > nowMs) continue;
    const item: TimedEvent = { type: e.type, t };
    if (e.type === 'category_set') item.category = e.data.category;
    const last = out[out.length - 1];
    if (last !== undefined && last.t > t) sorted = false;
    out.push(item);
  }
  if (!sorted) out.sort((a, b) => a.t - b.t);
  return out;
}

function waitingPauses(timeline: TimedEvent[]): Pause[] {
  const pauses: Pause[] = [];
  let open: Pause | undefined;
  for (const e of timeline) {
    if (e.type === 'awaiting_customer' && open === undefined) {
      open = { start: e.t };
      pauses.push(open);
    } else if (e.type === 'customer_replied' && open !== undefined) {
      open.end = e.t;
      open = undefined;
    }
  }
  return pauses;
}

function isActive(cycle: Cycle | undefined): boolean {
  return cycle !== undefined && cycle.metAt === undefined && cycle.endedAt === undefined;
}

/** The cycle of a target that its status reports, from the events in order. */
function currentCycle(name: TargetName, target: SlaTarget, timeline: TimedEvent[]): Cycle | undefined {
  let cycle: Cycle | undefined;
  let lastCompleted: Cycle | undefined;
  let metBeforeStart: number | undefined;
  let resolved = false;
  let closed = false;
  let escalated = false;

  for (const e of timeline) {
    const reopen = e.type === 'reopened' || (e.type === 'customer_replied' && (resolved || closed));
    // Meeting comes first: an event that meets and restarts (escalation_updated) does both.
    if (target.metBy.includes(e.type)) {
      if (isActive(cycle) && cycle !== undefined) {
        cycle.metAt = e.t;
        lastCompleted = cycle;
        if (name === 'escalationUpdate' && escalated) cycle = { start: e.t };
      } else if (cycle === undefined) {
        metBeforeStart ??= e.t;
      }
    }
    if (e.type === 'escalated') escalated = true;
    if (name === 'resolve' && reopen && cycle !== undefined) {
      cycle = { start: e.t };
    } else if (name === 'followUp' && reopen && isActive(cycle) && cycle !== undefined) {
      cycle.endedAt = e.t;
    }
    if (target.startOn.includes(e.type)) {
      if (cycle === undefined) {
        cycle = { start: e.t };
        if (metBeforeStart !== undefined && name !== 'followUp' && name !== 'escalationUpdate') cycle.metAt = e.t;
      } else if (!isActive(cycle) && (name === 'followUp' || name === 'escalationUpdate')) {
        // A new round: the follow-up after a new resolution, the updates of a new escalation.
        cycle = { start: e.t };
      }
    }
    if (e.type === 'resolved' || e.type === 'closed') {
      if (name === 'escalationUpdate' && escalated) {
        escalated = false;
        if (isActive(cycle) && cycle !== undefined) {
          cycle.endedAt = e.t;
          if (lastCompleted !== undefined) cycle = lastCompleted;
        }
      }
    }
    if (e.type === 'resolved') resolved = true;
    if (reopen) {
      resolved = false;
      closed = false;
    }
    if (e.type === 'closed') {
      closed = true;
      if (isActive(cycle) && cycle !== undefined) cycle.endedAt = e.t;
    }
  }
  return cycle;
}

/** Adds minutes on the target's clock. */
function clockAdd(target: SlaTarget, calendar: BusinessCalendar, from: number, minutes: number): number {
  return target.clock === 'calendar' ? from + minutes * MS_PER_MINUTE : addBusinessTimeMs(from, minutes, 'minutes', calendar);
}

/** Minutes between two instants on the target's clock. */
function clockBetween(target: SlaTarget, calendar: BusinessCalendar, from: number, to: number): number {
  return target.clock === 'calendar' ? (to - from) / MS_PER_MINUTE : businessMinutesBetweenMs(from, to, calendar);
}

/**
 * The due time after a wait that stopped the clock: `left` minutes on it from `resumed`. That is
 * later than the due time before the wait, as the wait took time on the clock. A business-days
 * target landing on a closing is due at the next opening, where the days rule puts its due times.
 */
function resumeAt(target: SlaTarget, calendar: BusinessCalendar, resumed: number, left: number): number {
  const due = clockAdd(target, calendar, resumed, left);
  if (target.clock !== 'business' || target.unit !== 'days' || !Number.isFinite(due)) return due;
  return addBusinessTimeMs(due, 0, 'minutes', calendar);
}

function firstDue(target: SlaTarget, start: number, calendar: BusinessCalendar): number {
  if (target.clock === 'business') return addBusinessTimeMs(start, target.amount, target.unit, calendar);
  return start + target.amount * UNIT_MINUTES[target.unit] * MS_PER_MINUTE;
}

/** ISO text of an instant; the last one is remembered, as a case's targets often share a start. */
let lastIsoMs = Number.NaN;
let lastIso = '';
function iso(t: number): string {
  if (t !== lastIsoMs) {
    lastIso = formatIsoInstant(t);
    lastIsoMs = t;
  }
  return lastIso;
}

function notStarted(name: TargetName, target: SlaTarget): TargetStatus {
  return { target: name, state: 'not_started', clock: target.clock, source: target.source };
}

function statusOf(name: TargetName, target: SlaTarget, cycle: Cycle | undefined, pauses: Pause[], policy: SlaPolicy, nowMs: number): TargetStatus {
  if (cycle === undefined) return notStarted(name, target);
  const cal = policy.calendar;
  const horizon = cycle.metAt ?? cycle.endedAt ?? nowMs;
  let due = firstDue(target, cycle.start, cal);
  let paused = 0;
  let pausedNow = false;
  for (const p of pauses) {
    if (p.end !== undefined && p.end <= cycle.start) continue;
    const from = Math.max(p.start, cycle.start);
    if (from >= due || from >= horizon) break;
    const left = clockBetween(target, cal, from, due);
    // No time was left to stop (e.g. a weekend pause right before a Monday-morning due time).
    if (left <= 0) continue;
    // Still waiting at the horizon: the clock stands at `left`, and the due time is the one it
    // would have if the wait ended there.
    const waiting = p.end === undefined || p.end > horizon;
    const resumed = p.end === undefined ? horizon : Math.min(p.end, horizon);
    const stopped = clockBetween(target, cal, from, resumed);
    paused += stopped;
    // A wait that took no time on the clock moves nothing: counting `left` again from `resumed`
    // could land on an earlier instant with the same clock reading (a closing before an opening).
    if (stopped > 0) due = resumeAt(target, cal, resumed, left);
    if (waiting) {
      pausedNow = cycle.metAt === undefined && cycle.endedAt === undefined;
      break;
    }
  }

  const status: TargetStatus = { target: name, state: 'not_started', clock: target.clock, startedAt: iso(cycle.start), dueAt: iso(due), source: target.source };
  if (target.pausesWhileWaiting) status.pausedMinutes = paused;
  if (cycle.metAt !== undefined) {
    status.metAt = iso(cycle.metAt);
    if (cycle.metAt > due) {
      status.state = 'breached';
      status.breachedAt = iso(due);
    } else {
      status.state = 'met';
    }
    return status;
  }
  if (cycle.endedAt !== undefined) {
    if (cycle.endedAt > due) {
      status.state = 'breached';
      status.breachedAt = iso(due);
      return status;
    }
    return notStarted(name, target);
  }
  const remaining = clockBetween(target, cal, nowMs, due);
  status.remainingMinutes = remaining;
  if (pausedNow) {
    status.state = 'paused';
    return status;
  }
  if (nowMs >= due) {
    status.state = 'breached';
    status.breachedAt = iso(due);
    return status;
  }
  const total = target.clock === 'calendar' || target.unit !== 'days' ? target.amount * UNIT_MINUTES[target.unit] : clockBetween(target, cal, cycle.start, due) - paused;
  status.state = remaining <= policy.dueSoonShare * total ? 'due_soon' : 'running';
  return status;
}
