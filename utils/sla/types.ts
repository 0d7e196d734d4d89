/** SLA policies: per category, the targets a procedure sets and how their clocks run. */
import type { BusinessCalendar } from '../calendar';
import type { Category, CaseEventType } from '../cases/events';

export type TargetName = 'acknowledge' | 'respond' | 'resolve' | 'followUp' | 'escalationUpdate';

/** The order targets are listed in. */
export const TARGET_NAMES: readonly TargetName[] = ['acknowledge', 'respond', 'resolve', 'followUp', 'escalationUpdate'];

export interface SlaTarget {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  /** 'business' counts the policy calendar's hours; 'calendar' counts every minute. */
  clock: 'business' | 'calendar';
  /** Events that start the clock. */
  startOn: CaseEventType[];
  /** Events that meet the target. */
  metBy: CaseEventType[];
  /** Whether the clock stops between `awaiting_customer` and the next `customer_replied`. */
  pausesWhileWaiting: boolean;
  /** Where the figure comes from, e.g. "sop/000 §5.1: Acknowledge receipt of the inquiry within 24 hours". */
  source: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  source: string;
  calendar: BusinessCalendar;
  /** Share of a target's time after which it is due soon, e.g. 0.25 = in its last quarter. */
  dueSoonShare: number;
  usesNps: boolean;
  followUpsBeforeClose: number;
  targets: Record<Category, Partial<Record<TargetName, SlaTarget>>>;
}

export type TargetState = 'not_started' | 'running' | 'due_soon' | 'paused' | 'met' | 'breached';

export interface TargetStatus {
  target: TargetName;
  state: TargetState;
  clock: 'business' | 'calendar';
  startedAt?: string;
  /** ISO instant. While paused: the due time if the clock resumed now. */
  dueAt?: string;
  /** While running: the instant it turns due soon (the last `dueSoonShare` of its time). */
  dueSoonAt?: string;
  /** Until dueAt, in the target's clock; negative = overdue. */
  remainingMinutes?: number;
  metAt?: string;
  breachedAt?: string;
  pausedMinutes?: number;
  source: string;
}
