import { describe, expect, it } from 'vitest';
import { validateCalendar } from '../../../utils/calendar';
import type { BusinessCalendar } from '../../../utils/calendar';

const fields = (cal: unknown) => {
  const result = validateCalendar(cal as BusinessCalendar);
  return result.ok ? [] : result.errors;
};

describe('validateCalendar', () => {
  it('accepts good calendars, including touching intervals and 24:00 ends', () => {
    expect(validateCalendar({ timeZone: 'Europe/Madrid', week: { mon: [['09:00', '13:00'], ['13:00', '24:00']] }, holidays: ['2026-12-25'] })).toEqual({ ok: true });
    expect(validateCalendar({ timeZone: 'UTC', week: { sun: [['00:00', '24:00']] }, holidays: [] })).toEqual({ ok: true });
  });

  it('names an unknown or missing time zone', () => {
    expect(fields({ timeZone: 'Mars/Olympus', week: { mon: [['09:00', '17:00']] }, holidays: [] })).toEqual([
      { field: 'timeZone', message: 'timeZone "Mars/Olympus" is not a known IANA time zone' },
    ]);
    expect(fields({ timeZone: '', week: { mon: [['09:00', '17:00']] }, holidays: [] })[0]?.field).toBe('timeZone');
  });

  it('names malformed intervals', () => {
    const errors = fields({
      timeZone: 'UTC',
      week: { mon: [['9:00', '17:00']], tue: [['09:00', '24:01']], wed: [['24:00', '24:00']], thu: [['09:00']], fri: [['12:00', '09:00']], sat: [['10:00', '10:00']] },
      holidays: [],
    });
    expect(errors.map((e) => e.field)).toEqual(['week.mon[0]', 'week.tue[0]', 'week.wed[0]', 'week.thu[0]', 'week.fri[0]', 'week.sat[0]']);
    expect(errors[0]?.message).toBe('week.mon[0] opens at "9:00": expected "HH:MM" from 00:00 to 23:59');
    expect(errors[1]?.message).toBe('week.tue[0] closes at "24:01": expected "HH:MM" from 00:01 to 24:00');
    expect(errors[4]?.message).toBe('week.fri[0] closes (09:00) at or before it opens (12:00)');
  });

  it('names overlapping intervals', () => {
    expect(fields({ timeZone: 'UTC', week: { tue: [['13:00', '17:00'], ['09:00', '13:30']] }, holidays: [] })).toEqual([
      { field: 'week.tue[0]', message: 'week.tue[0] overlaps week.tue[1]' },
    ]);
  });

  it('rejects a week with no hours at all and unknown weekdays', () => {
    expect(fields({ timeZone: 'UTC', week: {}, holidays: [] })).toEqual([
      { field: 'week', message: 'week has no business hours at all: give at least one day an interval' },
    ]);
    expect(fields({ timeZone: 'UTC', week: { mon: [], tue: [] }, holidays: [] }).map((e) => e.field)).toEqual(['week']);
    expect(fields({ timeZone: 'UTC', week: { monday: [['09:00', '17:00']], mon: [['09:00', '17:00']] }, holidays: [] })).toEqual([
      { field: 'week.monday', message: 'week.monday is not a weekday: use mon, tue, wed, thu, fri, sat or sun' },
    ]);
    expect(fields({ timeZone: 'UTC', week: null, holidays: [] })[0]?.field).toBe('week');
    expect(fields({ timeZone: 'UTC', week: { mon: '09:00-17:00' }, holidays: [] })[0]?.field).toBe('week.mon');
  });

  it('names bad holiday dates', () => {
    expect(fields({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-12-25', '2026-02-29', '25/12/2026', 20261225] })).toEqual([
      { field: 'holidays[1]', message: 'holidays[1] "2026-02-29" is not a date "YYYY-MM-DD"' },
      { field: 'holidays[2]', message: 'holidays[2] "25/12/2026" is not a date "YYYY-MM-DD"' },
      { field: 'holidays[3]', message: 'holidays[3] 20261225 is not a date "YYYY-MM-DD"' },
    ]);
    expect(fields({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: ['2028-02-29'] })).toEqual([]);
    expect(fields({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } })[0]?.field).toBe('holidays');
  });

  it('rejects something that is not a calendar', () => {
    expect(fields(null)[0]?.field).toBe('calendar');
  });
});
