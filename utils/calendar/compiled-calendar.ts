/**
 * What the engine derives from a BusinessCalendar, once per calendar object (WeakMap): weekly
 * hours as local minutes, holidays as day numbers, and lazily, per local day, the business
 * intervals as UTC instants and per week their total, so long spans jump whole weeks.
 */
import type { BusinessCalendar } from './types';
import { WEEKDAYS_FROM_SUNDAY } from './types';
import { MS_PER_DAY, parseIsoDate, weekdayOfDay } from './civil-date';
import { parseClockTime, validateCalendar } from './validate-calendar';
import type { ZoneOffsets } from './zone-offset';
import { zoneOffsets } from './zone-offset';

/** One local day: [start, end) instants of its midnights and its business intervals. */
export interface DayPlan {
  start: number;
  end: number;
  /** Flattened [open, close, open, close, …] instants (ms), ordered and disjoint. */
  intervals: number[];
  /** Business ms in the day. */
  total: number;
}

/** Day numbers beyond which a Date cannot go (±100,000,000 days from 1970). */
export const LAST_DAY = 100_000_000;
export const FIRST_DAY = -100_000_000;
/** Monday 1970-01-05 is day 4: weeks run Monday to Sunday. */
const FIRST_MONDAY = 4;
const MS_PER_MINUTE = 60_000;

/** Index of the Monday-to-Sunday week of a day number. */
export function weekOfDay(day: number): number {
  return Math.floor((day - FIRST_MONDAY) / 7);
}

/** First day (Monday) of a week index. */
export function firstDayOfWeek(week: number): number {
  return week * 7 + FIRST_MONDAY;
}

export class CompiledCalendar {
  readonly zone: ZoneOffsets;
  /** Per weekday (0 = Sunday), merged local minute intervals, flattened [open, close, …]. */
  readonly hours: number[][];
  readonly holidays: Set<number>;
  /** Business days a week has when it has no holidays. */
  readonly nominalDaysPerWeek: number;
  /** Business ms of a week without holidays or offset changes. */
  readonly nominalWeekMs: number;
  /** An upper bound of the business ms a week can hold (DST may lengthen a day). */
  readonly maxWeekMs: number;
  private readonly days = new Map<number, DayPlan>();
  private readonly weekTotals = new Map<number, number>();
  private readonly weekDayCounts = new Map<number, number>();

  constructor(cal: BusinessCalendar) {
    this.zone = zoneOffsets(cal.timeZone);
    this.hours = WEEKDAYS_FROM_SUNDAY.map((name) => mergeIntervals(cal.week[name] ?? []));
    this.holidays = new Set();
    for (const date of cal.holidays) {
      const day = parseIsoDate(date);
      if (day !== undefined) this.holidays.add(day);
    }
    this.nominalDaysPerWeek = this.hours.filter((h) => h.length > 0).length;
    let weekMinutes = 0;
    for (const h of this.hours) for (let i = 0; i < h.length; i += 2) weekMinutes += (h[i + 1] as number) - (h[i] as number);
    this.nominalWeekMs = weekMinutes * MS_PER_MINUTE;
    this.maxWeekMs = this.nominalWeekMs + 7 * 3 * 3_600_000;
  }

  /** The local day number of an instant. */
  dayOf(utc: number): number {
    return Math.floor(this.zone.localOf(utc) / MS_PER_DAY);
  }

  /** Whether a local day is a business day: its weekday has hours and it is not a holiday. */
  isBusinessDay(day: number): boolean {
    return (this.hours[weekdayOfDay(day)] as number[]).length > 0 && !this.holidays.has(day);
  }

  /** The plan of one local day (cached). */
  day(day: number): DayPlan {
    let plan = this.days.get(day);
    if (plan === undefined) {
      plan = this.planDay(day);
      this.days.set(day, plan);
    }
    return plan;
  }

  /** Business ms in a Monday-to-Sunday week (cached). */
  weekTotal(week: number): number {
    let total = this.weekTotals.get(week);
    if (total === undefined) {
      total = 0;
      const first = firstDayOfWeek(week);
      if (this.weekBusinessDays(week) === this.nominalDaysPerWeek && this.zone.steadyOffset(first * MS_PER_DAY - MS_PER_DAY, (first + 8) * MS_PER_DAY) !== undefined) {
        // No holiday and no offset change: the week is its nominal hours, no day plans needed.
        total = this.nominalWeekMs;
      } else {
        for (let d = first; d < first + 7; d++) total += this.day(d).total;
      }
      this.weekTotals.set(week, total);
    }
    return total;
  }

  /** Business days in a Monday-to-Sunday week (cached). */
  weekBusinessDays(week: number): number {
    let count = this.weekDayCounts.get(week);
    if (count === undefined) {
      count = 0;
      const first = firstDayOfWeek(week);
      for (let d = first; d < first + 7; d++) if (this.isBusinessDay(d)) count++;
      this.weekDayCounts.set(week, count);
    }
    return count;
  }

  private planDay(day: number): DayPlan {
    const midnight = day * MS_PER_DAY;
    const steady = this.zone.steadyOffset(midnight - 2 * MS_PER_DAY, midnight + 2 * MS_PER_DAY);
    const instantOf = steady === undefined ? (local: number) => this.zone.instantOf(local) : (local: number) => local - steady;
    const start = instantOf(midnight);
    const end = instantOf(midnight + MS_PER_DAY);
    const intervals: number[] = [];
    let total = 0;
    if (this.isBusinessDay(day)) {
      const local = this.hours[weekdayOfDay(day)] as number[];
      let floor = start;
      for (let i = 0; i < local.length; i += 2) {
        const open = Math.max(instantOf(midnight + (local[i] as number) * MS_PER_MINUTE), floor);
        const close = Math.min(instantOf(midnight + (local[i + 1] as number) * MS_PER_MINUTE), end);
        if (close > open) {
          intervals.push(open, close);
          total += close - open;
          floor = close;
        }
      }
    }
    return { start, end, intervals, total };
  }
}

/** Sorted local intervals in minutes, touching ones merged, flattened. */
function mergeIntervals(pairs: Array<[string, string]>): number[] {
  const parsed: Array<[number, number]> = [];
  for (const [a, b] of pairs) {
    const open = parseClockTime(a, false);
    const close = parseClockTime(b, true);
    if (open !== undefined && close !== undefined && close > open) parsed.push([open, close]);
  }
  parsed.sort((x, y) => x[0] - y[0]);
  const flat: number[] = [];
  for (const [open, close] of parsed) {
    const last = flat.length - 1;
    if (last > 0 && open <= (flat[last] as number)) flat[last] = Math.max(flat[last] as number, close);
    else flat.push(open, close);
  }
  return flat;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();
/** Calendars equal in content share one compiled form, e.g. when read afresh from storage. */
const byContent = new Map<string, CompiledCalendar>();
const MAX_BY_CONTENT = 32;

/**
 * The compiled form of a calendar (cached per object, then per content); throws RangeError
 * naming the fields when the calendar is invalid.
 */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (c !== undefined) return c;
  const check = validateCalendar(cal);
  if (!check.ok) throw new RangeError(`invalid business calendar: ${check.errors.map((e) => e.message).join('; ')}`);
  const key = JSON.stringify([cal.timeZone, WEEKDAYS_FROM_SUNDAY.map((d) => cal.week[d] ?? []), cal.holidays]);
  c = byContent.get(key);
  if (c === undefined) {
    c = new CompiledCalendar(cal);
    if (byContent.size >= MAX_BY_CONTENT) {
      const oldest = byContent.keys().next().value;
      if (oldest !== undefined) byContent.delete(oldest);
    }
    byContent.set(key, c);
  }
  compiled.set(cal, c);
  return c;
}
