import { describe, expect, it } from 'vitest';
import { parseMailDate, wallTimeToInstant } from '../../../utils/mailbox/parse-mail-date';

describe('parseMailDate', () => {
  it.each([
    // Gmail titles, in the viewer's zone
    ['Wed, Aug 20, 2025, 3:14 PM', { timeZone: 'UTC' }, '2025-08-20T15:14:00.000Z'],
    ['Wed, Aug 20, 2025, 3:14\u202fPM', { timeZone: 'America/New_York' }, '2025-08-20T19:14:00.000Z'],
    ['Wed, Aug 20, 2025, 12:05 AM', { timeZone: 'UTC' }, '2025-08-20T00:05:00.000Z'],
    ['20 Aug 2025, 13:19', { timeZone: 'Asia/Kolkata' }, '2025-08-20T07:49:00.000Z'],
    ['20 Aug 2025, 13:19 (2 days ago)', { timeZone: 'Asia/Kolkata' }, '2025-08-20T07:49:00.000Z'],
    ['Sept 3, 2025, 9:00 AM', { timeZone: 'UTC' }, '2025-09-03T09:00:00.000Z'],
    ['mer. 20 août 2025, 15:14', { timeZone: 'Europe/Paris', locale: 'fr' }, '2025-08-20T13:14:00.000Z'],
    ['20. Aug. 2025, 13:19', { timeZone: 'Europe/Berlin', locale: 'de' }, '2025-08-20T11:19:00.000Z'],
    ['mar, 19 ago 2025, 15:14', { timeZone: 'Europe/Madrid', locale: 'es' }, '2025-08-19T13:14:00.000Z'],
    ['2025年8月20日 下午3:30', { timeZone: 'Asia/Shanghai' }, '2025-08-20T07:30:00.000Z'],
    // Outlook
    ['Mi 20.08.2025 15:14', { timeZone: 'Europe/Berlin', locale: 'de' }, '2025-08-20T13:14:00.000Z'],
    ['Wed 8/20/2025 3:14 PM', { timeZone: 'America/Los_Angeles', locale: 'en-US' }, '2025-08-20T22:14:00.000Z'],
    ['Wed 20/08/2025 15:14', { timeZone: 'Europe/London', locale: 'en-GB' }, '2025-08-20T14:14:00.000Z'],
    ['2025-08-20 15:14', { timeZone: 'UTC' }, '2025-08-20T15:14:00.000Z'],
    // Daylight saving: the first 02:30 of the night the clocks go back
    ['So 26.10.2025 02:30', { timeZone: 'Europe/Berlin', locale: 'de' }, '2025-10-26T01:30:00.000Z'],
  ])('%s → %s', (text, options, iso) => {
    expect(parseMailDate(text, options)).toBe(iso);
  });

  it('reads a time alone as today, and a date without a year as the last such day, when told "now"', () => {
    const now = new Date('2025-08-21T10:00:00Z');
    expect(parseMailDate('15:14', { timeZone: 'UTC', now })).toBe('2025-08-21T15:14:00.000Z');
    expect(parseMailDate('Aug 20, 3:14 PM', { timeZone: 'UTC', now })).toBe('2025-08-20T15:14:00.000Z');
    expect(parseMailDate('Dec 24, 3:14 PM', { timeZone: 'UTC', now })).toBe('2024-12-24T15:14:00.000Z');
  });

  it('gives up on texts that are not a full moment', () => {
    expect(parseMailDate('Aug 20', { timeZone: 'UTC', now: new Date() })).toBeUndefined();
    expect(parseMailDate('15:14', { timeZone: 'UTC' })).toBeUndefined();
    expect(parseMailDate('yesterday', { timeZone: 'UTC' })).toBeUndefined();
    expect(parseMailDate('', { timeZone: 'UTC' })).toBeUndefined();
    expect(parseMailDate(null)).toBeUndefined();
    expect(parseMailDate('32.13.2025 25:00', { timeZone: 'UTC' })).toBeUndefined();
  });

  it('without a zone, reads the wall time of the runtime', () => {
    expect(parseMailDate('Wed, Aug 20, 2025, 3:14 PM')).toBe(new Date(2025, 7, 20, 15, 14).toISOString());
  });

  it('wallTimeToInstant handles zones ahead of and behind UTC', () => {
    const parts = { year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    expect(new Date(wallTimeToInstant(parts, 'Asia/Tokyo')).toISOString()).toBe('2024-12-31T15:00:00.000Z');
    expect(new Date(wallTimeToInstant(parts, 'America/Denver')).toISOString()).toBe('2025-01-01T07:00:00.000Z');
  });
});
