/**
 * What one countdown shows at a given instant: remaining (or overdue) time on the target's own
 * clock, the due time in the agent's zone, and the state in words and tone. Pure, so the
 * sidebar, the queue, the chips and the tests agree to the minute.
 */
import type { BusinessCalendar } from '../calendar/types';
import { businessMinutesBetween } from '../calendar/business-time';
import { formatBusinessDuration } from '../calendar/format-duration';
import type { TargetName, TargetState, TargetStatus } from '../sla/types';

export type CountdownTone = 'ok' | 'warn' | 'bad' | 'muted' | 'done';

export interface CountdownDescription {
  target: TargetName;
  /** Live state: a running target turns due soon or breached as time passes. */
  state: TargetState;
  /** e.g. "3 h 20 min left", "45 min overdue", "paused", "met". */
  remainingText: string;
  /** Minutes left on the target's clock (negative when overdue); undefined when not running. */
  remainingMinutes?: number;
  /** Due time in the agent's zone, e.g. "Fri 28 Nov, 17:00". */
  dueText?: string;
  tone: CountdownTone;
}

const TARGET_LABELS: Record<TargetName, string> = {
  acknowledge: 'Acknowledge',
  respond: 'First response',
  resolve: 'Resolve',
  followUp: 'Follow up',
  escalationUpdate: 'Escalation update',
};

export function targetLabel(target: TargetName): string {
  return TARGET_LABELS[target];
}

export const STATE_WORDS: Record<TargetState, string> = {
  not_started: 'not started',
  running: 'on track',
  due_soon: 'due soon',
  paused: 'paused: waiting on the customer',
  met: 'met',
  breached: 'breached',
};

const dueFormats = new Map<string, Intl.DateTimeFormat>();

/** Builds the due-time formatter ahead of the first view (its first construction is the slow part). */
export function warmDueFormat(timeZone: string, locale = 'en-GB'): void {
  formatDueTime(new Date(0).toISOString(), timeZone, locale);
}
export function formatDueTime(iso: string, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone}`;
  let f = dueFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    dueFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Minutes between two instants on a clock: business minutes of `calendar`, or plain minutes. */
export function clockMinutes(from: Date, to: Date, clock: 'business' | 'calendar', calendar: BusinessCalendar): number {
  return clock === 'business' ? businessMinutesBetween(from, to, calendar) : (to.getTime() - from.getTime()) / 60_000;
}

export function describeCountdown(
  status: TargetStatus,
  now: Date,
  calendar: BusinessCalendar,
  options: { timeZone: string; locale?: string; dueSoonShare: number },
): CountdownDescription {
  const dueText = status.dueAt ? formatDueTime(status.dueAt, options.timeZone, options.locale) : undefined;
  const base = { target: status.target, dueText };
  switch (status.state) {
    case 'not_started':
      return { ...base, state: 'not_started', remainingText: 'not started', tone: 'muted' };
    case 'met':
      return { ...base, state: 'met', remainingText: status.metAt ? `met ${formatDueTime(status.metAt, options.timeZone, options.locale)}` : 'met', tone: 'done' };
    case 'paused':
      return {
        ...base,
        state: 'paused',
        remainingText: status.remainingMinutes !== undefined ? `${formatBusinessDuration(status.remainingMinutes)} left when resumed` : 'paused',
        remainingMinutes: status.remainingMinutes,
        tone: 'muted',
      };
    default:
      break;
  }
  if (!status.dueAt) return { ...base, state: status.state, remainingText: STATE_WORDS[status.state], tone: 'muted' };
  // A breached target that was met late stays breached; one still open counts on.
  if (status.state === 'breached' && status.metAt) {
    return { ...base, state: 'breached', remainingText: `met late ${formatDueTime(status.metAt, options.timeZone, options.locale)}`, tone: 'bad' };
  }
  const due = new Date(status.dueAt);
  const remaining = clockMinutes(now, due, status.clock, calendar);
  if (now.getTime() >= due.getTime()) {
    const overdue = Math.max(0, -remaining);
    return { ...base, state: 'breached', remainingText: `${formatBusinessDuration(overdue)} overdue`, remainingMinutes: -overdue, tone: 'bad' };
  }
  const total = status.startedAt ? clockMinutes(new Date(status.startedAt), due, status.clock, calendar) - (status.pausedMinutes ?? 0) : Number.POSITIVE_INFINITY;
  const dueSoon = remaining <= options.dueSoonShare * total;
  return {
    ...base,
    state: dueSoon ? 'due_soon' : 'running',
    remainingText: `${formatBusinessDuration(remaining)} left`,
    remainingMinutes: remaining,
    tone: dueSoon ? 'warn' : 'ok',
  };
}
