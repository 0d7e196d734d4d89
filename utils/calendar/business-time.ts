/**
 * Business-time arithmetic on a BusinessCalendar. Intervals are half-open [open, close); every
 * walk jumps whole intervals, days and weeks (see compiled-calendar.ts), never minutes.
 */
import type { BusinessCalendar } from './types';
import type { CompiledCalendar } from './compiled-calendar';
import { FIRST_DAY, LAST_DAY, compileCalendar, weekOfDay } from './compiled-calendar';
import { MS_PER_DAY, weekdayOfDay } from './civil-date';

const MS_PER_MINUTE = 60_000;
const UNIT_MS = { minutes: MS_PER_MINUTE, hours: 3_600_000 } as const;

function instantOf(at: Date, what: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} must be a valid Date`);
  return t;
}

/** Whether `at` is inside business hours (an opening instant is, a closing instant is not). */
export function isBusinessTime(at: Date, cal: BusinessCalendar): boolean {
  const c = compileCalendar(cal);
  const t = instantOf(at, 'at');
  const iv = c.day(c.dayOf(t)).intervals;
  for (let i = 0; i < iv.length; i += 2) {
    if (t < (iv[i] as number)) return false;
    if (t < (iv[i + 1] as number)) return true;
  }
  return false;
}

/** `at` itself (the same Date) when it is business time, otherwise the next opening. */
export function nextBusinessTime(at: Date, cal: BusinessCalendar): Date {
  const c = compileCalendar(cal);
  const t = instantOf(at, 'at');
  const next = nextOpen(c, t);
  return next === t ? at : new Date(next);
}

/**
 * The mirror of nextBusinessTime: `at` itself when the moment just before it is business time
 * (inside hours, or exactly at a closing), otherwise the previous closing.
 */
export function previousBusinessTime(at: Date, cal: BusinessCalendar): Date {
  const c = compileCalendar(cal);
  return new Date(previousClose(c, instantOf(at, 'at')));
}

/**
 * Adds business time. Minutes and hours consume business time from `start` (backwards when
 * negative); a result exactly at a closing (forwards) or an opening (backwards) stays there.
 * Zero gives `start` when it is business time, otherwise the next opening. Days give the same
 * local wall-clock time on the N-th following (or preceding) business day, after moving a
 * `start` outside business time to the next opening; a fractional day adds that share of the
 * landing day's business hours. A result beyond the range of Date is an invalid Date.
 */
export function addBusinessTime(start: Date, amount: number, unit: 'minutes' | 'hours' | 'days', cal: BusinessCalendar): Date {
  const t = instantOf(start, 'start');
  const result = addBusinessTimeMs(t, amount, unit, cal);
  return result === t && amount === 0 ? start : new Date(result);
}

/** Business minutes in [start, end), fractional when needed, negative when end is before start. */
export function businessMinutesBetween(start: Date, end: Date, cal: BusinessCalendar): number {
  return businessMinutesBetweenMs(instantOf(start, 'start'), instantOf(end, 'end'), cal);
}

/** addBusinessTime on epoch milliseconds (no Date objects; for hot loops such as SLA evaluation). */
export function addBusinessTimeMs(start: number, amount: number, unit: 'minutes' | 'hours' | 'days', cal: BusinessCalendar): number {
  const c = compileCalendar(cal);
  if (!Number.isFinite(start)) throw new RangeError('start must be a valid instant');
  if (!Number.isFinite(amount)) throw new RangeError('amount must be a finite number');
  if (unit === 'days') return addDays(c, start, amount);
  const ms = UNIT_MS[unit];
  if (ms === undefined) throw new RangeError(`unit must be 'minutes', 'hours' or 'days', not ${String(unit)}`);
  return addMs(c, start, amount * ms);
}

/** businessMinutesBetween on epoch milliseconds. */
export function businessMinutesBetweenMs(a: number, b: number, cal: BusinessCalendar): number {
  const c = compileCalendar(cal);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('start and end must be valid instants');
  const minutes = b < a ? -businessMsBetween(c, b, a) / MS_PER_MINUTE : businessMsBetween(c, a, b) / MS_PER_MINUTE;
  return minutes === 0 ? 0 : minutes; // never -0
}

/** Whether a day number is the first (Monday) or last (Sunday) day of its week. */
function isMonday(day: number): boolean {
  return weekdayOfDay(day) === 1;
}
function isSunday(day: number): boolean {
  return weekdayOfDay(day) === 0;
}

function round(t: number): number {
  return Math.abs(t) > 8.64e15 ? Number.NaN : Math.round(t);
}

function addMs(c: CompiledCalendar, t: number, ms: number): number {
  if (ms === 0) return nextOpen(c, t);
  return round(ms > 0 ? consumeForward(c, t, ms) : consumeBackward(c, t, -ms));
}

/** The first business instant at or after t. */
function nextOpen(c: CompiledCalendar, t: number): number {
  let d = c.dayOf(t);
  const iv = c.day(d).intervals;
  for (let i = 0; i < iv.length; i += 2) {
    if (t < (iv[i + 1] as number)) return Math.max(t, iv[i] as number);
  }
  d++;
  while (d < LAST_DAY) {
    if (isMonday(d) && c.weekTotal(weekOfDay(d)) === 0) {
      d += 7;
      continue;
    }
    const next = c.day(d).intervals;
    if (next.length > 0) return next[0] as number;
    d++;
  }
  return Number.NaN;
}

/** The last instant at or before t that ends business time (t itself when just after business time). */
function previousClose(c: CompiledCalendar, t: number): number {
  let d = c.dayOf(t);
  const iv = c.day(d).intervals;
  for (let i = iv.length - 2; i >= 0; i -= 2) {
    if (t > (iv[i] as number)) return Math.min(t, iv[i + 1] as number);
  }
  d--;
  while (d > FIRST_DAY) {
    if (isSunday(d) && c.weekTotal(weekOfDay(d)) === 0) {
      d -= 7;
      continue;
    }
    const prev = c.day(d).intervals;
    if (prev.length > 0) return prev[prev.length - 1] as number;
    d--;
  }
  return Number.NaN;
}

function beyondRange(c: CompiledCalendar, day: number, ms: number, forward: boolean): boolean {
  const weeksLeft = (forward ? LAST_DAY - day : day - FIRST_DAY) / 7 + 1;
  return ms > weeksLeft * c.maxWeekMs;
}

function consumeForward(c: CompiledCalendar, t: number, ms: number): number {
  let rest = ms;
  let d = c.dayOf(t);
  if (beyondRange(c, d, rest, true)) return Number.NaN;
  const first = c.day(d).intervals;
  for (let i = 0; i < first.length; i += 2) {
    const open = Math.max(first[i] as number, t);
    const len = (first[i + 1] as number) - open;
    if (len <= 0) continue;
    if (rest <= len) return open + rest;
    rest -= len;
  }
  d++;
  while (d < LAST_DAY) {
    if (isMonday(d)) {
      const week = weekOfDay(d);
      const total = c.weekTotal(week);
      if (rest > total) {
        rest -= total;
        d += 7;
        continue;
      }
    }
    const plan = c.day(d);
    if (rest > plan.total) {
      rest -= plan.total;
      d++;
      continue;
    }
    const iv = plan.intervals;
    for (let i = 0; i < iv.length; i += 2) {
      const len = (iv[i + 1] as number) - (iv[i] as number);
      if (rest <= len) return (iv[i] as number) + rest;
      rest -= len;
    }
    // Floating-point remainder: the day's last closing.
    return iv[iv.length - 1] as number;
  }
  return Number.NaN;
}

function consumeBackward(c: CompiledCalendar, t: number, ms: number): number {
  let rest = ms;
  let d = c.dayOf(t);
  if (beyondRange(c, d, rest, false)) return Number.NaN;
  const first = c.day(d).intervals;
  for (let i = first.length - 2; i >= 0; i -= 2) {
    const close = Math.min(first[i + 1] as number, t);
    const len = close - (first[i] as number);
    if (len <= 0) continue;
    if (rest <= len) return close - rest;
    rest -= len;
  }
  d--;
  while (d > FIRST_DAY) {
    if (isSunday(d)) {
      const total = c.weekTotal(weekOfDay(d));
      if (rest > total) {
        rest -= total;
        d -= 7;
        continue;
      }
    }
    const plan = c.day(d);
    if (rest > plan.total) {
      rest -= plan.total;
      d--;
      continue;
    }
    const iv = plan.intervals;
    for (let i = iv.length - 2; i >= 0; i -= 2) {
      const len = (iv[i + 1] as number) - (iv[i] as number);
      if (rest <= len) return (iv[i + 1] as number) - rest;
      rest -= len;
    }
    return iv[0] as number;
  }
  return Number.NaN;
}

/** Business ms in [a, b), a ≤ b. */
function businessMsBetween(c: CompiledCalendar, a: number, b: number): number {
  if (a === b) return 0;
  const da = c.dayOf(a);
  const db = c.dayOf(b);
  if (da === db) return overlap(c.day(da).intervals, a, b);
  let total = overlap(c.day(da).intervals, a, Number.POSITIVE_INFINITY) + overlap(c.day(db).intervals, Number.NEGATIVE_INFINITY, b);
  let d = da + 1;
  while (d < db) {
    if (isMonday(d) && d + 7 <= db) {
      total += c.weekTotal(weekOfDay(d));
      d += 7;
    } else {
      total += c.day(d).total;
      d++;
    }
  }
  return total;
}

function overlap(iv: number[], a: number, b: number): number {
  let total = 0;
  for (let i = 0; i < iv.length; i += 2) {
    const open = Math.max(iv[i] as number, a);
    const close = Math.min(iv[i + 1] as number, b);
    if (close > open) total += close - open;
  }
  return total;
}

/** Days: the same local wall-clock time on the N-th business day from the (moved) start. */
function addDays(c: CompiledCalendar, t: number, amount: number): number {
  const start = nextOpen(c, t);
  if (!Number.isFinite(start)) return Number.NaN;
  const whole = Math.trunc(amount);
  const fraction = amount - whole;
  let result = start;
  let landing = c.dayOf(start);
  if (whole !== 0) {
    const target = nthBusinessDay(c, landing, whole);
    if (!Number.isFinite(target)) return Number.NaN;
    landing = target;
    const timeOfDay = c.zone.localOf(start) - c.dayOf(start) * MS_PER_DAY;
    result = wallClockOn(c, target, timeOfDay);
  }
  if (fraction === 0) return result;
  const share = fraction * c.day(landing).total;
  return addMs(c, result, share === 0 ? 0 : share);
}

/** The N-th business day after (N > 0) or before (N < 0) a day, jumping whole weeks. */
function nthBusinessDay(c: CompiledCalendar, from: number, n: number): number {
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  const weeksLeft = (n > 0 ? LAST_DAY - from : from - FIRST_DAY) / 7;
  if (left > (weeksLeft + 1) * c.nominalDaysPerWeek) return Number.NaN;
  let d = from + step;
  while (d < LAST_DAY && d > FIRST_DAY) {
    const atWeekEdge = step > 0 ? isMonday(d) : isSunday(d);
    if (atWeekEdge) {
      const count = c.weekBusinessDays(weekOfDay(d));
      if (left > count) {
        left -= count;
        d += 7 * step;
        continue;
      }
    }
    if (c.isBusinessDay(d)) {
      left--;
      if (left === 0) return d;
    }
    d += step;
  }
  return Number.NaN;
}

/** A local time of day on a business day, moved into the day's hours as the days rule says. */
function wallClockOn(c: CompiledCalendar, day: number, timeOfDay: number): number {
  const local = c.hours[weekdayOfDay(day)] as number[];
  const midnight = day * MS_PER_DAY;
  const minute = timeOfDay / MS_PER_MINUTE;
  let chosen = midnight + timeOfDay;
  if (local.length > 0 && minute < (local[0] as number)) {
    chosen = midnight + (local[0] as number) * MS_PER_MINUTE;
  } else if (local.length > 0 && minute >= (local[local.length - 1] as number)) {
    chosen = midnight + (local[local.length - 1] as number) * MS_PER_MINUTE;
  } else {
    for (let i = 0; i < local.length; i += 2) {
      if (minute < (local[i + 1] as number)) {
        if (minute < (local[i] as number)) chosen = midnight + (local[i] as number) * MS_PER_MINUTE;
        break;
      }
    }
  }
  const instant = c.zone.instantOf(chosen);
  // Keep the result inside the day's real intervals (a DST gap may have moved it).
  const plan = c.day(day);
  const iv = plan.intervals;
  if (iv.length === 0) return instant;
  if (instant <= (iv[0] as number)) return iv[0] as number;
  if (instant >= (iv[iv.length - 1] as number)) return iv[iv.length - 1] as number;
  return instant;
}

