/**
 * The dashboard's adapter: cases with their event logs and the SLA policy become
 * computeDashboard's input. Each case's SLA targets are evaluated once, at
 * `now`; business minutes are counted on the policy's calendar. Filters typed as local dates
 * (the date inputs of the page) become instants in the calendar's time zone.
 *
 * A case whose record names a category but whose log has no `category_set` event is evaluated
 * under that category's targets (evaluate() otherwise reads only the log and would fall back to
 * the inquiry targets), so the SLA figures and the category counts agree.
 */
import type { CaseEvent, Category } from '../cases/events';
import { businessMinutesBetweenMs } from '../calendar/business-time';
import { MS_PER_DAY, parseIsoDate } from '../calendar/civil-date';
import { zoneOffsets } from '../calendar/zone-offset';
import type { BusinessCalendar } from '../calendar/types';
// Straight from the module, not '../sla': that index also carries the presets and holidays.
import { evaluate } from '../sla/evaluate';
import type { SlaPolicy, TargetStatus } from '../sla/types';
import type { DashboardCase, DashboardFilters, DashboardInput } from './dashboard';

/** One case with its log (DashboardRecords['cases'][number] fits). */
export interface RecordedCase {
  caseId: string;
  agentId: string;
  category?: Category | undefined;
  events: readonly CaseEvent[];
}

/** Cases and the policy they are measured by (DashboardRecords fits). */
export interface RecordsForDashboard {
  cases: readonly RecordedCase[];
  policy: SlaPolicy;
}

/** The filters as the page's form holds them: local dates, inclusive at both ends. */
export interface DashboardFormFilters {
  /** 'YYYY-MM-DD', first day included; empty or missing: since the beginning. */
  fromDate?: string | undefined;
  /** 'YYYY-MM-DD', last day included; empty or missing: up to now. */
  toDate?: string | undefined;
  categories?: readonly Category[] | undefined;
  agents?: readonly string[] | undefined;
}

/** Business minutes between two instants on `calendar` (computeDashboard's `businessMinutes`). */
export function businessMinutesOn(calendar: BusinessCalendar): (start: Date, end: Date) => number {
  return (start, end) => businessMinutesBetweenMs(start.getTime(), end.getTime(), calendar);
}

function hasCategoryEvent(events: readonly CaseEvent[]): boolean {
  for (const e of events) if (e.type === 'category_set') return true;
  return false;
}

function earliestAt(events: readonly CaseEvent[]): string | undefined {
  let best: string | undefined;
  let bestMs = Number.POSITIVE_INFINITY;
  for (const e of events) {
    const t = Date.parse(e.at);
    if (t < bestMs) {
      bestMs = t;
      best = e.at;
    }
  }
  return best;
}

/** The log evaluate() sees: the case's own, plus its record's category when the log has none. */
function logForEvaluation(c: RecordedCase): CaseEvent[] {
  const events = c.events as CaseEvent[];
  if (c.category === undefined || hasCategoryEvent(events)) return events;
  const at = earliestAt(events);
  if (at === undefined) return events;
  const implied: CaseEvent = {
    id: '',
    caseId: c.caseId,
    type: 'category_set',
    at,
    actor: 'system',
    source: 'auto',
    data: { category: c.category, by: 'agent' },
  };
  return [implied, ...events];
}

/** One case's SLA target states at `at`, under its record's category when its log names none. */
export function caseStatuses(c: RecordedCase, policy: SlaPolicy, at: Date): TargetStatus[] {
  return c.events.length > 0 ? evaluate(logForEvaluation(c), policy, at) : [];
}

/** The cases with their SLA target states evaluated at `now` (epoch ms). */
export function dashboardCases(records: RecordsForDashboard, now: number): DashboardCase[] {
  const at = new Date(now);
  return records.cases.map((c) => ({
    caseId: c.caseId,
    agentId: c.agentId,
    category: c.category,
    events: c.events,
    statuses: caseStatuses(c, records.policy, at),
  }));
}

/** Epoch ms of local midnight starting day number `day` in `timeZone`. */
export function localMidnight(day: number, timeZone: string): number {
  const zone = zoneOffsets(timeZone);
  const wall = day * MS_PER_DAY;
  // Two steps settle the offset around a transition (the offset before and after midnight).
  let utc = wall - zone.offsetAt(wall);
  utc = wall - zone.offsetAt(utc);
  return utc;
}

/** Local day number (0 = 1970-01-01) of the instant `utc` in `timeZone`. */
export function localDay(utc: number, timeZone: string): number {
  return Math.floor((utc + zoneOffsets(timeZone).offsetAt(utc)) / MS_PER_DAY);
}

/**
 * The form's filters as computeDashboard's: from = local midnight starting `fromDate`; to = local
 * midnight after `toDate` (the day is included), never later than `now`. Unreadable dates are
 * ignored; a range whose end comes before its start is empty (to = from).
 */
export function filtersFromForm(form: DashboardFormFilters, timeZone: string, now: number): DashboardFilters {
  const fromDay = form.fromDate ? parseIsoDate(form.fromDate) : undefined;
  const toDay = form.toDate ? parseIsoDate(form.toDate) : undefined;
  const from = fromDay === undefined ? undefined : localMidnight(fromDay, timeZone);
  let to = toDay === undefined ? now : Math.min(localMidnight(toDay + 1, timeZone), now);
  if (from !== undefined && to < from) to = from;
  return {
    from: from === undefined ? undefined : new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    categories: form.categories && form.categories.length > 0 ? [...form.categories] : undefined,
    agents: form.agents && form.agents.length > 0 ? [...form.agents] : undefined,
  };
}

/** computeDashboard's whole input from evaluated cases, the policy's calendar and the form. */
export function dashboardInput(cases: readonly DashboardCase[], calendar: BusinessCalendar, form: DashboardFormFilters, now: number): DashboardInput {
  return {
    cases,
    filters: filtersFromForm(form, calendar.timeZone, now),
    businessMinutes: businessMinutesOn(calendar),
    now,
  };
}

/** The agents the filter offers: those named and every case's owner, sorted, once each. */
export function agentChoices(agents: readonly string[], cases: readonly { agentId: string }[]): string[] {
  const all = new Set(agents);
  for (const c of cases) all.add(c.agentId);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
