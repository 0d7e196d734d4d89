import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMinutesBetween, isBusinessTime, nextBusinessTime, previousBusinessTime, validateCalendar } from '../../../utils/calendar';
import type { BusinessCalendar, Weekday } from '../../../utils/calendar';
import { zoneOffsets } from '../../../utils/calendar/zone-offset';

const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Santiago', // changes at midnight
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45/+13:45
  'America/St_Johns', // -03:30
];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** One day's hours: sorted distinct cut minutes taken in pairs. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
  return pairs;
});

const holidayDates = fc.uniqueArray(fc.integer({ min: 0, max: 3 * 365 }), { maxLength: 20 }).map((offsets) =>
  offsets.map((d) => new Date(FROM + d * 86_400_000).toISOString().slice(0, 10)),
);

interface Sample {
  cal: BusinessCalendar;
  /** Business minutes in a plain week. */
  weekMinutes: number;
}

const calendarArb: fc.Arbitrary<Sample> = fc
  .record({ zone: fc.constantFrom(...ZONES), days: fc.array(dayHours, { minLength: 7, maxLength: 7 }), holidays: holidayDates })
  .map(({ zone, days, holidays }) => {
    const week: BusinessCalendar['week'] = {};
    let weekMinutes = 0;
    days.forEach((hours, i) => {
      if (hours.length === 0) return;
      week[DAYS[i] as Weekday] = hours;
      for (const [a, b] of hours) weekMinutes += toMinutes(b) - toMinutes(a);
    });
    return { cal: { timeZone: zone, week, holidays }, weekMinutes };
  })
  .filter((s) => s.weekMinutes > 0);

function toMinutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const instant = fc.integer({ min: FROM, max: TO });
const minuteInstant = instant.map((t) => Math.floor(t / 60_000) * 60_000);

/** Whole minutes up to about `weeks` plain weeks of the calendar. */
const amountFor = (s: Sample, weeks: number) => fc.integer({ min: 1, max: Math.max(1, s.weekMinutes * weeks) });

describe('business time properties (fast-check)', () => {
  it('random calendars are valid', () => {
    fc.assert(
      fc.property(calendarArb, (s) => {
        expect(validateCalendar(s.cal)).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('adding then measuring gives back the amount', () => {
    fc.assert(
      fc.property(calendarArb.chain((s) => fc.tuple(fc.constant(s), instant, amountFor(s, 30))), ([s, t, a]) => {
        const start = new Date(t);
        const end = addBusinessTime(start, a, 'minutes', s.cal);
        expect(businessMinutesBetween(start, end, s.cal)).toBe(a);
        const back = addBusinessTime(start, -a, 'minutes', s.cal);
        expect(businessMinutesBetween(start, back, s.cal)).toBe(-a);
      }),
      { numRuns: 300 },
    );
  });

  it('results are monotonic in the amount', () => {
    fc.assert(
      fc.property(calendarArb.chain((s) => fc.tuple(fc.constant(s), instant, amountFor(s, 10), amountFor(s, 10))), ([s, t, a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const start = new Date(t);
        expect(addBusinessTime(start, lo, 'minutes', s.cal).getTime()).toBeLessThanOrEqual(addBusinessTime(start, hi, 'minutes', s.cal).getTime());
        expect(addBusinessTime(start, -hi, 'minutes', s.cal).getTime()).toBeLessThanOrEqual(addBusinessTime(start, -lo, 'minutes', s.cal).getTime());
        expect(addBusinessTime(start, lo, 'days', s.cal).getTime()).toBeLessThanOrEqual(addBusinessTime(start, hi, 'days', s.cal).getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('adding a + b equals adding a then b from business time', () => {
    fc.assert(
      fc.property(calendarArb.chain((s) => fc.tuple(fc.constant(s), instant, amountFor(s, 10), amountFor(s, 10))), ([s, t, a, b]) => {
        const start = nextBusinessTime(new Date(t), s.cal);
        const once = addBusinessTime(start, a + b, 'minutes', s.cal);
        const twice = addBusinessTime(addBusinessTime(start, a, 'minutes', s.cal), b, 'minutes', s.cal);
        expect(twice.toISOString()).toBe(once.toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('subtracting undoes adding', () => {
    fc.assert(
      fc.property(calendarArb.chain((s) => fc.tuple(fc.constant(s), instant, amountFor(s, 20))), ([s, t, a]) => {
        const start = nextBusinessTime(new Date(t), s.cal);
        const there = addBusinessTime(start, a, 'minutes', s.cal);
        expect(addBusinessTime(there, -a, 'minutes', s.cal).toISOString()).toBe(start.toISOString());
        // And the mirror: from a moment just after business time, back then forth.
        const end = previousBusinessTime(new Date(t), s.cal);
        const back = addBusinessTime(end, -a, 'minutes', s.cal);
        expect(addBusinessTime(back, a, 'minutes', s.cal).toISOString()).toBe(end.toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, instant, (s, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((v) => new Date(v)) as [Date, Date, Date];
        const ab = businessMinutesBetween(a, b, s.cal);
        expect(businessMinutesBetween(b, a, s.cal)).toBe(ab === 0 ? 0 : -ab);
        expect(ab + businessMinutesBetween(b, c, s.cal)).toBeCloseTo(businessMinutesBetween(a, c, s.cal), 6);
      }),
      { numRuns: 200 },
    );
  });

  it('nextBusinessTime is business time with no business time before it', () => {
    fc.assert(
      fc.property(calendarArb, instant, (s, t) => {
        const next = nextBusinessTime(new Date(t), s.cal);
        expect(isBusinessTime(next, s.cal)).toBe(true);
        expect(businessMinutesBetween(new Date(t), next, s.cal)).toBe(0);
        expect(addBusinessTime(new Date(t), 0, 'minutes', s.cal).getTime()).toBe(next.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('days land on business days and subtracting days undoes adding them', () => {
    fc.assert(
      fc.property(calendarArb, instant, fc.integer({ min: 1, max: 400 }), (s, t, n) => {
        const start = nextBusinessTime(new Date(t), s.cal);
        const there = addBusinessTime(start, n, 'days', s.cal);
        expect(Number.isNaN(there.getTime())).toBe(false);
        expect(there.getTime()).toBeGreaterThan(start.getTime());
        const back = addBusinessTime(start, -n, 'days', s.cal);
        expect(back.getTime()).toBeLessThan(start.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('never throws or hangs at large distances on valid calendars', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((s) => fc.tuple(fc.constant(s), instant, fc.integer({ min: -s.weekMinutes * 2000, max: s.weekMinutes * 2000 }), fc.integer({ min: -20_000, max: 20_000 }))),
        ([s, t, minutes, days]) => {
          const start = new Date(t);
          const m = addBusinessTime(start, minutes, 'minutes', s.cal);
          expect(Number.isNaN(m.getTime())).toBe(false);
          expect(businessMinutesBetween(start, m, s.cal)).toBe(minutes);
          const d = addBusinessTime(start, days, 'days', s.cal);
          expect(Number.isNaN(d.getTime())).toBe(false);
          expect(typeof isBusinessTime(d, s.cal)).toBe('boolean');
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** An independent reading of the calendar, minute by minute, through Intl (test oracle only). */
function oracle(cal: BusinessCalendar) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const holidays = new Set(cal.holidays);
  return (t: number): boolean => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    if (holidays.has(date)) return false;
    const minute = (Number(p.hour) % 24) * 60 + Number(p.minute);
    const hours = cal.week[String(p.weekday).toLowerCase().slice(0, 3) as Weekday] ?? [];
    return hours.some(([a, b]) => minute >= toMinutes(a) && minute < toMinutes(b));
  };
}

function offsetSteady(zone: string, from: number, to: number): boolean {
  const z = zoneOffsets(zone);
  return z.offsetAt(from) === z.offsetAt(to);
}

describe('agreement with a minute-by-minute oracle (days without an offset change)', () => {
  it('isBusinessTime and businessMinutesBetween match counting minutes', () => {
    fc.assert(
      fc.property(calendarArb, minuteInstant, fc.integer({ min: 0, max: 2 * 1440 }), (s, t, span) => {
        fc.pre(offsetSteady(s.cal.timeZone, t - 2 * 86_400_000, t + span * 60_000 + 2 * 86_400_000));
        const isOpen = oracle(s.cal);
        let count = 0;
        for (let m = 0; m < span; m++) {
          const open = isOpen(t + m * 60_000);
          if (open) count++;
          if (m % 97 === 0) expect(isBusinessTime(new Date(t + m * 60_000), s.cal)).toBe(open);
        }
        expect(businessMinutesBetween(new Date(t), new Date(t + span * 60_000), s.cal)).toBe(count);
      }),
      { numRuns: 30 },
    );
  });
});

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, utc: number): Record<string, number> {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(utc).map((x) => [x.type, Number(x.value)]));
}

describe('zone offsets', () => {
  it('match Intl at random instants from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES, 'Africa/Casablanca', 'Europe/Dublin', 'America/Sao_Paulo', 'Asia/Tehran'), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, t) => {
        const utc = Math.floor(t / 1000) * 1000;
        const p = wallClock(zone, utc);
        const local = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, (p.hour ?? 0) % 24, p.minute, p.second);
        expect(zoneOffsets(zone).offsetAt(utc)).toBe(local - utc);
      }),
      { numRuns: 2000 },
    );
  });

  it('find every transition of 2026 to the second', () => {
    // Europe/London: 29 Mar 01:00Z and 25 Oct 01:00Z.
    const z = zoneOffsets('Europe/London');
    expect(z.offsetAt(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(0);
    expect(z.offsetAt(Date.UTC(2026, 2, 29, 1))).toBe(3_600_000);
    expect(z.offsetAt(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(3_600_000);
    expect(z.offsetAt(Date.UTC(2026, 9, 25, 1))).toBe(0);
    const lordHowe = zoneOffsets('Australia/Lord_Howe');
    expect(lordHowe.offsetAt(Date.UTC(2026, 3, 4, 15))).toBe(10.5 * 3_600_000);
    expect(lordHowe.offsetAt(Date.UTC(2026, 3, 4, 14, 59, 59))).toBe(11 * 3_600_000);
  });
});

describe('days rule against an oracle', () => {
  const uniformArb = fc.record({
    zone: fc.constantFrom(...ZONES),
    open: fc.subarray(DAYS, { minLength: 1 }),
    hours: dayHours.filter((h) => h.length > 0),
    holidays: holidayDates,
  });

  it('lands on the N-th business day at the same wall-clock time when every business day has the same hours', () => {
    fc.assert(
      fc.property(uniformArb, instant, fc.integer({ min: 1, max: 30 }), fc.boolean(), ({ zone, open, hours, holidays }, t, n, backwards) => {
        const cal: BusinessCalendar = { timeZone: zone, week: Object.fromEntries(open.map((d) => [d, hours])), holidays };
        const start = nextBusinessTime(new Date(t), cal);
        const result = addBusinessTime(new Date(t), backwards ? -n : n, 'days', cal);
        fc.pre(offsetSteady(zone, start.getTime() - 2 * 86_400_000, start.getTime() + 2 * 86_400_000));
        fc.pre(offsetSteady(zone, result.getTime() - 2 * 86_400_000, result.getTime() + 2 * 86_400_000));
        const parts = (d: Date) =>
          Object.fromEntries(
            new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
              .formatToParts(d)
              .map((p) => [p.type, p.value]),
          );
        const s = parts(start);
        const r = parts(result);
        // Walk local dates from the start's date, counting business days.
        let day = Date.UTC(Number(s.year), Number(s.month) - 1, Number(s.day));
        const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
        for (let left = n; left > 0; ) {
          day += (backwards ? -1 : 1) * 86_400_000;
          const date = new Date(day).toISOString().slice(0, 10);
          const weekday = names[new Date(day).getUTCDay()] as Weekday;
          if (open.includes(weekday) && !holidays.includes(date)) left--;
        }
        expect(`${r.year}-${r.month}-${r.day}`).toBe(new Date(day).toISOString().slice(0, 10));
        expect(`${r.hour}:${r.minute}:${r.second}`).toBe(`${s.hour}:${s.minute}:${s.second}`);
      }),
      { numRuns: 300 },
    );
  });
});
