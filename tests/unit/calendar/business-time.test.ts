import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessMinutesBetween,
  holidaysFor,
  isBusinessTime,
  nextBusinessTime,
  previousBusinessTime,
} from '../../../utils/calendar';
import type { BusinessCalendar } from '../../../utils/calendar';
import { at, everyDay, iso, weekdays } from './calendars';

// Europe/London in winter is UTC, so these instants read as local wall time.
// 2026-11-27 is a Friday, 2026-11-30 a Monday.
const london = weekdays('Europe/London', [['09:00', '17:00']]);
const add = (start: string, amount: number, unit: 'minutes' | 'hours' | 'days', cal: BusinessCalendar = london) => iso(addBusinessTime(at(start), amount, unit, cal));
const between = (a: string, b: string, cal: BusinessCalendar = london) => businessMinutesBetween(at(a), at(b), cal);

describe('half-open intervals', () => {
  it('counts the opening minute and not the closing minute', () => {
    expect(isBusinessTime(at('2026-11-30T09:00:00Z'), london)).toBe(true);
    expect(isBusinessTime(at('2026-11-30T16:59:59.999Z'), london)).toBe(true);
    expect(isBusinessTime(at('2026-11-30T17:00:00Z'), london)).toBe(false);
    expect(isBusinessTime(at('2026-11-30T08:59:59.999Z'), london)).toBe(false);
    expect(isBusinessTime(at('2026-11-28T12:00:00Z'), london)).toBe(false);
  });

  it('nextBusinessTime returns business instants unchanged and otherwise the next opening', () => {
    expect(iso(nextBusinessTime(at('2026-11-30T12:34:56.789Z'), london))).toBe('2026-11-30T12:34:56.789Z');
    expect(iso(nextBusinessTime(at('2026-11-30T09:00:00Z'), london))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(nextBusinessTime(at('2026-11-27T17:00:00Z'), london))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(nextBusinessTime(at('2026-11-28T10:00:00Z'), london))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(nextBusinessTime(at('2026-11-30T07:00:00Z'), london))).toBe('2026-11-30T09:00:00.000Z');
  });

  it('previousBusinessTime mirrors it: a closing instant stays, otherwise the last closing', () => {
    expect(iso(previousBusinessTime(at('2026-11-27T17:00:00Z'), london))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(previousBusinessTime(at('2026-11-30T09:00:00Z'), london))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(previousBusinessTime(at('2026-11-29T10:00:00Z'), london))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(previousBusinessTime(at('2026-11-30T10:00:00Z'), london))).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('adding minutes and hours', () => {
  it('stops at a closing time when the amount ends exactly there', () => {
    expect(add('2026-11-27T16:00:00Z', 60, 'minutes')).toBe('2026-11-27T17:00:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 8, 'hours')).toBe('2026-11-30T17:00:00.000Z');
  });

  it('carries the rest to the next opening', () => {
    expect(add('2026-11-27T16:00:00Z', 61, 'minutes')).toBe('2026-11-30T09:01:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 9, 'hours')).toBe('2026-12-01T10:00:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 40, 'hours')).toBe('2026-12-04T17:00:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 41, 'hours')).toBe('2026-12-07T10:00:00.000Z');
  });

  it('starts outside business time from the next opening', () => {
    expect(add('2026-11-28T12:00:00Z', 1, 'hours')).toBe('2026-11-30T10:00:00.000Z');
    expect(add('2026-11-30T06:00:00Z', 30, 'minutes')).toBe('2026-11-30T09:30:00.000Z');
    expect(add('2026-11-27T17:00:00Z', 1, 'minutes')).toBe('2026-11-30T09:01:00.000Z');
  });

  it('goes backwards for negative amounts and stops at an opening time', () => {
    expect(add('2026-11-30T10:00:00Z', -60, 'minutes')).toBe('2026-11-30T09:00:00.000Z');
    expect(add('2026-11-30T10:00:00Z', -61, 'minutes')).toBe('2026-11-27T16:59:00.000Z');
    expect(add('2026-11-28T12:00:00Z', -1, 'hours')).toBe('2026-11-27T16:00:00.000Z');
    expect(add('2026-11-30T09:00:00Z', -8, 'hours')).toBe('2026-11-27T09:00:00.000Z');
  });

  it('adding zero gives start in business time, otherwise the next opening', () => {
    expect(add('2026-11-30T11:00:00Z', 0, 'minutes')).toBe('2026-11-30T11:00:00.000Z');
    expect(add('2026-11-28T11:00:00Z', 0, 'hours')).toBe('2026-11-30T09:00:00.000Z');
    expect(add('2026-11-27T17:00:00Z', -0, 'minutes')).toBe('2026-11-30T09:00:00.000Z');
    expect(add('2026-11-28T11:00:00Z', 0, 'days')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('handles fractional minutes and hours', () => {
    expect(add('2026-11-30T09:00:00Z', 0.5, 'minutes')).toBe('2026-11-30T09:00:30.000Z');
    expect(add('2026-11-30T16:59:30Z', 1.5, 'minutes')).toBe('2026-12-01T09:01:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 1.25, 'hours')).toBe('2026-11-30T10:15:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 0.001, 'minutes')).toBe('2026-11-30T09:00:00.060Z');
  });
});

describe('businessMinutesBetween', () => {
  it('counts [start, end) only in business time', () => {
    expect(between('2026-11-30T09:00:00Z', '2026-11-30T17:00:00Z')).toBe(480);
    expect(between('2026-11-27T16:00:00Z', '2026-11-30T10:00:00Z')).toBe(120);
    expect(between('2026-11-28T00:00:00Z', '2026-11-29T23:59:00Z')).toBe(0);
    expect(between('2026-11-30T12:00:00Z', '2026-11-30T12:00:00Z')).toBe(0);
  });

  it('is negative when end is before start', () => {
    expect(between('2026-11-30T10:00:00Z', '2026-11-27T16:00:00Z')).toBe(-120);
  });

  it('is fractional where the instants are not on whole minutes', () => {
    expect(between('2026-11-30T09:00:00Z', '2026-11-30T09:00:30Z')).toBe(0.5);
    expect(between('2026-11-30T16:59:30Z', '2026-12-01T09:00:15Z')).toBe(0.75);
    expect(between('2026-11-30T08:00:00Z', '2026-11-30T09:00:00.600Z')).toBe(0.01);
  });

  it('counts whole weeks and a whole year', () => {
    expect(between('2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z')).toBe(5 * 480);
    expect(between('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(261 * 480);
  });
});

describe('days', () => {
  it('lands on the same wall-clock time N business days later', () => {
    expect(add('2026-12-01T10:00:00Z', 1, 'days')).toBe('2026-12-02T10:00:00.000Z');
    expect(add('2026-11-27T10:00:00Z', 1, 'days')).toBe('2026-11-30T10:00:00.000Z');
    expect(add('2026-11-30T10:00:00Z', 5, 'days')).toBe('2026-12-07T10:00:00.000Z');
    expect(add('2026-11-30T10:00:00Z', 3, 'days')).toBe('2026-12-03T10:00:00.000Z');
  });

  it('moves a start outside business time to the next opening first', () => {
    expect(add('2026-11-28T12:00:00Z', 1, 'days')).toBe('2026-12-01T09:00:00.000Z');
    expect(add('2026-11-27T17:00:00Z', 1, 'days')).toBe('2026-12-01T09:00:00.000Z');
    expect(add('2026-11-30T18:30:00Z', 2, 'days')).toBe('2026-12-03T09:00:00.000Z');
  });

  it('goes back for negative days', () => {
    expect(add('2026-11-27T10:00:00Z', -1, 'days')).toBe('2026-11-26T10:00:00.000Z');
    expect(add('2026-11-30T10:00:00Z', -1, 'days')).toBe('2026-11-27T10:00:00.000Z');
    expect(add('2026-12-07T10:00:00Z', -5, 'days')).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips holidays (business days are days with hours that are not holidays)', () => {
    const cal = weekdays('Europe/London', [['09:00', '17:00']], ['2026-11-30', '2026-12-02']);
    expect(add('2026-11-27T10:00:00Z', 1, 'days', cal)).toBe('2026-12-01T10:00:00.000Z');
    expect(add('2026-11-27T10:00:00Z', 2, 'days', cal)).toBe('2026-12-03T10:00:00.000Z');
    expect(add('2026-12-03T10:00:00Z', -2, 'days', cal)).toBe('2026-11-27T10:00:00.000Z');
  });

  it('clamps into a landing day with other hours: first opening, last closing, or the next opening in a gap', () => {
    // Saturdays 10:00–13:00; Wednesdays with a long lunch 12:00–14:00.
    const cal = weekdays('Europe/London', [['09:00', '17:00']], [], { wed: [['09:00', '12:00'], ['14:00', '17:00']], sat: [['10:00', '13:00']] });
    expect(add('2026-11-27T09:30:00Z', 1, 'days', cal)).toBe('2026-11-28T10:00:00.000Z');
    expect(add('2026-11-27T15:00:00Z', 1, 'days', cal)).toBe('2026-11-28T13:00:00.000Z');
    expect(add('2026-11-27T11:15:00Z', 1, 'days', cal)).toBe('2026-11-28T11:15:00.000Z');
    expect(add('2026-12-01T12:30:00Z', 1, 'days', cal)).toBe('2026-12-02T14:00:00.000Z');
    expect(add('2026-12-01T16:30:00Z', 1, 'days', cal)).toBe('2026-12-02T16:30:00.000Z');
  });

  it('adds a fractional day as that share of the landing day’s hours', () => {
    expect(add('2026-11-30T09:00:00Z', 0.5, 'days')).toBe('2026-11-30T13:00:00.000Z');
    expect(add('2026-11-30T09:00:00Z', 1.25, 'days')).toBe('2026-12-01T11:00:00.000Z');
    expect(add('2026-12-01T13:00:00Z', -0.5, 'days')).toBe('2026-12-01T09:00:00.000Z');
  });
});

describe('lunch breaks', () => {
  const lunch = weekdays('Europe/London', [['09:00', '12:00'], ['13:00', '17:00']]);
  it('skips the break and counts around it', () => {
    expect(add('2026-11-30T11:30:00Z', 60, 'minutes', lunch)).toBe('2026-11-30T13:30:00.000Z');
    expect(add('2026-11-30T11:00:00Z', 60, 'minutes', lunch)).toBe('2026-11-30T12:00:00.000Z');
    expect(add('2026-11-30T14:00:00Z', -60, 'minutes', lunch)).toBe('2026-11-30T13:00:00.000Z');
    expect(add('2026-11-30T13:30:00Z', -60, 'minutes', lunch)).toBe('2026-11-30T11:30:00.000Z');
    expect(isBusinessTime(at('2026-11-30T12:30:00Z'), lunch)).toBe(false);
    expect(iso(nextBusinessTime(at('2026-11-30T12:30:00Z'), lunch))).toBe('2026-11-30T13:00:00.000Z');
    expect(between('2026-11-30T11:00:00Z', '2026-11-30T14:00:00Z', lunch)).toBe(120);
    expect(between('2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z', lunch)).toBe(420);
  });

  it('treats touching intervals as one', () => {
    const split = weekdays('Europe/London', [['09:00', '12:00'], ['12:00', '17:00']]);
    expect(add('2026-11-30T11:00:00Z', 120, 'minutes', split)).toBe('2026-11-30T13:00:00.000Z');
    expect(isBusinessTime(at('2026-11-30T12:00:00Z'), split)).toBe(true);
  });
});

describe('weekend work, 24-hour days and 24:00 ends', () => {
  it('works Saturdays when the week says so', () => {
    const cal = weekdays('Europe/London', [['09:00', '17:00']], [], { sat: [['10:00', '14:00']] });
    expect(add('2026-11-27T16:30:00Z', 60, 'minutes', cal)).toBe('2026-11-28T10:30:00.000Z');
    expect(add('2026-11-27T16:30:00Z', 5, 'hours', cal)).toBe('2026-11-30T09:30:00.000Z');
    expect(between('2026-11-27T00:00:00Z', '2026-11-30T00:00:00Z', cal)).toBe(480 + 240);
  });

  it('a round-the-clock calendar is plain elapsed time', () => {
    const always = everyDay('UTC', [['00:00', '24:00']]);
    expect(add('2026-11-27T13:17:00Z', 48, 'hours', always)).toBe('2026-11-29T13:17:00.000Z');
    expect(between('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', always)).toBe(365 * 1440);
    expect(isBusinessTime(at('2026-11-29T00:00:00Z'), always)).toBe(true);
    expect(add('2026-11-27T13:17:00Z', -48, 'hours', always)).toBe('2026-11-25T13:17:00.000Z');
  });

  it('a night shift ending 24:00 joins the next morning', () => {
    const night = { timeZone: 'Europe/London', week: { fri: [['18:00', '24:00']] as Array<[string, string]>, sat: [['00:00', '02:00']] as Array<[string, string]> }, holidays: [] };
    expect(add('2026-11-27T23:00:00Z', 120, 'minutes', night)).toBe('2026-11-28T01:00:00.000Z');
    expect(add('2026-11-27T23:30:00Z', 30, 'minutes', night)).toBe('2026-11-28T00:00:00.000Z');
    expect(between('2026-11-27T23:00:00Z', '2026-11-28T01:00:00Z', night)).toBe(120);
    expect(add('2026-11-28T02:00:00Z', 1, 'minutes', night)).toBe('2026-12-04T18:01:00.000Z');
    expect(isBusinessTime(at('2026-11-28T00:00:00Z'), night)).toBe(true);
  });
});

describe('daylight saving time', () => {
  it('Europe/London spring forward: the Sunday has 23 hours, a missing opening moves forward by the gap', () => {
    // 2026-03-29 01:00 GMT → 02:00 BST.
    const sundays = { timeZone: 'Europe/London', week: { sun: [['00:00', '24:00']] as Array<[string, string]> }, holidays: [] };
    expect(between('2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z', sundays)).toBe(23 * 60);
    const early = { timeZone: 'Europe/London', week: { sun: [['01:30', '03:00']] as Array<[string, string]> }, holidays: [] };
    // 01:30 does not exist: it becomes 02:30 BST (01:30Z); 03:00 BST is 02:00Z.
    expect(iso(nextBusinessTime(at('2026-03-29T00:00:00Z'), early))).toBe('2026-03-29T01:30:00.000Z');
    expect(between('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', early)).toBe(30);
  });

  it('Europe/London fall back: the Sunday has 25 hours, a repeated opening is its first occurrence', () => {
    // 2026-10-25 02:00 BST → 01:00 GMT.
    const sundays = { timeZone: 'Europe/London', week: { sun: [['00:00', '24:00']] as Array<[string, string]> }, holidays: [] };
    expect(between('2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z', sundays)).toBe(25 * 60);
    const repeated = { timeZone: 'Europe/London', week: { sun: [['01:00', '02:00']] as Array<[string, string]> }, holidays: [] };
    // 01:00 BST (00:00Z) to 02:00 GMT (02:00Z): two real hours.
    expect(iso(nextBusinessTime(at('2026-10-24T23:30:00Z'), repeated))).toBe('2026-10-25T00:00:00.000Z');
    expect(between('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', repeated)).toBe(120);
  });

  it('office hours keep their wall-clock times across both London changes', () => {
    const cal = weekdays('Europe/London', [['09:00', '17:00']]);
    expect(add('2026-03-27T16:00:00Z', 2, 'hours', cal)).toBe('2026-03-30T09:00:00.000Z');
    expect(add('2026-03-27T10:00:00Z', 1, 'days', cal)).toBe('2026-03-30T09:00:00.000Z');
    expect(add('2026-10-23T15:00:00Z', 2, 'hours', cal)).toBe('2026-10-26T10:00:00.000Z');
    expect(add('2026-10-23T09:00:00Z', 1, 'days', cal)).toBe('2026-10-26T10:00:00.000Z');
    expect(between('2026-03-23T00:00:00Z', '2026-04-06T00:00:00Z', cal)).toBe(10 * 480);
  });

  it('America/New_York: both changes', () => {
    const ny = weekdays('America/New_York', [['09:00', '17:00']]);
    // Spring: 2026-03-08. Fri 16:00 EST (21:00Z) + 2 h → Mon 10:00 EDT (14:00Z).
    expect(add('2026-03-06T21:00:00Z', 2, 'hours', ny)).toBe('2026-03-09T14:00:00.000Z');
    // Fall: 2026-11-01. Fri 16:00 EDT (20:00Z) + 2 h → Mon 10:00 EST (15:00Z).
    expect(add('2026-10-30T20:00:00Z', 2, 'hours', ny)).toBe('2026-11-02T15:00:00.000Z');
    expect(add('2026-10-30T20:00:00Z', 1, 'days', ny)).toBe('2026-11-02T21:00:00.000Z');
    const always = everyDay('America/New_York', [['00:00', '24:00']]);
    expect(between('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', always)).toBe(1380);
    expect(between('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', always)).toBe(1500);
    // 24 business hours on a round-the-clock desk are 24 real hours, even across the change.
    expect(add('2026-03-07T17:00:00Z', 24, 'hours', always)).toBe('2026-03-08T17:00:00.000Z');
    // Days keep the wall clock: Sat 12:00 EST → Sun 12:00 EDT.
    expect(add('2026-03-07T17:00:00Z', 1, 'days', always)).toBe('2026-03-08T16:00:00.000Z');
    // A night desk opening at 02:30 on the spring-forward Sunday opens at 03:30 EDT.
    const night = { timeZone: 'America/New_York', week: { sun: [['02:30', '04:00']] as Array<[string, string]> }, holidays: [] };
    expect(iso(nextBusinessTime(at('2026-03-08T05:00:00Z'), night))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('Australia/Sydney: both changes and Easter holidays', () => {
    const holidays = holidaysFor('AU', 'NSW', [2026]);
    const syd = weekdays('Australia/Sydney', [['09:00', '17:00']], holidays);
    // Thu 2 Apr 16:00 AEDT (05:00Z) + 2 h: Good Friday and Easter Monday are holidays, and
    // summer time ends on Sunday 5 April → Tue 7 Apr 10:00 AEST (00:00Z).
    expect(add('2026-04-02T05:00:00Z', 2, 'hours', syd)).toBe('2026-04-07T00:00:00.000Z');
    expect(add('2026-04-02T05:00:00Z', 1, 'days', syd)).toBe('2026-04-07T06:00:00.000Z');
    // Summer time starts Sunday 4 Oct 2026; Monday 5 Oct is Labour Day in NSW.
    // Fri 2 Oct 16:00 AEST (06:00Z) + 2 h → Tue 6 Oct 10:00 AEDT (5 Oct 23:00Z).
    expect(add('2026-10-02T06:00:00Z', 2, 'hours', syd)).toBe('2026-10-05T23:00:00.000Z');
    const always = everyDay('Australia/Sydney', [['00:00', '24:00']]);
    expect(between('2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z', always)).toBe(1500);
    expect(between('2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z', always)).toBe(1380);
  });

  it('Asia/Kolkata: a half-hour offset, Saturdays and a lunch hour', () => {
    const cal = weekdays('Asia/Kolkata', [['10:00', '13:00'], ['14:00', '18:00']], [], { sat: [['10:00', '13:00'], ['14:00', '18:00']] });
    // Sat 28 Nov 17:30 IST (12:00Z) + 60 min → Mon 30 Nov 10:30 IST (05:00Z).
    expect(add('2026-11-28T12:00:00Z', 60, 'minutes', cal)).toBe('2026-11-30T05:00:00.000Z');
    expect(isBusinessTime(at('2026-11-30T08:00:00Z'), cal)).toBe(false); // 13:30 IST
    expect(isBusinessTime(at('2026-11-30T08:30:00Z'), cal)).toBe(true); // 14:00 IST
    expect(between('2026-11-30T04:30:00Z', '2026-12-01T04:30:00Z', cal)).toBe(420);
  });
});

describe('holidays', () => {
  const gb = weekdays('Europe/London', [['09:00', '17:00']], holidaysFor('GB', 'ENG', [2026, 2027]));
  it('has no business time on a holiday', () => {
    expect(isBusinessTime(at('2026-12-25T10:00:00Z'), gb)).toBe(false);
    expect(isBusinessTime(at('2026-12-28T10:00:00Z'), gb)).toBe(false); // Boxing Day substitute
    expect(add('2026-12-24T16:00:00Z', 2, 'hours', gb)).toBe('2026-12-29T10:00:00.000Z');
    expect(add('2026-12-29T10:00:00Z', -2, 'hours', gb)).toBe('2026-12-24T16:00:00.000Z');
    expect(between('2026-12-24T00:00:00Z', '2026-12-30T00:00:00Z', gb)).toBe(2 * 480); // Thu 24 and Tue 29
  });

  it('counts the 2026 English working year: 261 weekdays less 8 weekday bank holidays', () => {
    expect(between('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', gb)).toBe(253 * 480);
  });

  it('holidaysFor gives public holidays only, regions included', () => {
    const eng = holidaysFor('GB', 'ENG', [2026]);
    expect(eng).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28']);
    const sct = holidaysFor('GB', 'SCT', [2026]);
    expect(sct).toContain('2026-01-02');
    expect(sct).toContain('2026-11-30');
    expect(sct).not.toContain('2026-04-06');
    expect(holidaysFor('US', undefined, [2026, 2027])).toContain('2027-07-05'); // observed Independence Day
    expect(holidaysFor('XX', undefined, [2026])).toEqual([]);
  });
});

describe('robustness', () => {
  it('rejects an invalid calendar with the field names', () => {
    const bad = { timeZone: 'Nowhere/Land', week: { mon: [['09:00', '17:00']] as Array<[string, string]> }, holidays: [] };
    expect(() => isBusinessTime(at('2026-11-30T10:00:00Z'), bad)).toThrow(/timeZone "Nowhere\/Land"/);
  });

  it('rejects invalid dates and amounts', () => {
    expect(() => addBusinessTime(new Date(Number.NaN), 1, 'hours', london)).toThrow(RangeError);
    expect(() => addBusinessTime(at('2026-11-30T10:00:00Z'), Number.NaN, 'hours', london)).toThrow(RangeError);
  });

  it('gives an invalid Date, not a loop, past the range of Date', () => {
    expect(addBusinessTime(at('2026-11-30T10:00:00Z'), 1e15, 'minutes', london).getTime()).toBeNaN();
    expect(addBusinessTime(at('2026-11-30T10:00:00Z'), -1e15, 'minutes', london).getTime()).toBeNaN();
    expect(addBusinessTime(at('2026-11-30T10:00:00Z'), 1e12, 'days', london).getTime()).toBeNaN();
  });

  it('reaches far dates exactly', () => {
    // 100 years of 40-hour weeks from a Monday opening, checked by measuring back.
    const start = at('2026-11-30T09:00:00Z');
    const far = addBusinessTime(start, 100 * 52 * 40, 'hours', london);
    expect(businessMinutesBetween(start, far, london)).toBe(100 * 52 * 40 * 60);
    const past = addBusinessTime(start, -100 * 52 * 40, 'hours', london);
    expect(businessMinutesBetween(past, start, london)).toBe(100 * 52 * 40 * 60);
  });
});

describe('calendars equal in content', () => {
  it('give the same answers whether or not they are the same object', () => {
    const copy = JSON.parse(JSON.stringify(london)) as BusinessCalendar;
    expect(add('2026-11-27T16:00:00Z', 61, 'minutes', copy)).toBe(add('2026-11-27T16:00:00Z', 61, 'minutes', london));
    const withHoliday = { ...copy, holidays: ['2026-11-30'] };
    expect(add('2026-11-27T16:00:00Z', 61, 'minutes', withHoliday)).toBe('2026-12-01T09:01:00.000Z');
  });
});

describe('identity', () => {
  it('nextBusinessTime and adding zero give back the very Date passed in business time', () => {
    const inside = at('2026-11-30T10:00:00Z');
    expect(nextBusinessTime(inside, london)).toBe(inside);
    expect(addBusinessTime(inside, 0, 'minutes', london)).toBe(inside);
    const outside = at('2026-11-29T10:00:00Z');
    expect(nextBusinessTime(outside, london)).not.toBe(outside);
  });
});
