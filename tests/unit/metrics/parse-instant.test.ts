import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../utils/metrics/parse-instant';

describe('parseInstant', () => {
  it('agrees with Date.parse on toISOString output and other forms', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(parseInstant(iso)).toBe(date.getTime());
        const noFraction = iso.replace(/\.\d{3}Z$/, 'Z');
        expect(parseInstant(noFraction)).toBe(Date.parse(noFraction));
      }),
    );
    for (const s of ['2026-03-02T09:00:00+01:00', '2026-03-02T09:00Z', '2026-03-02', 'not a date', '2026-13-02T09:00:00Z', '2026-03-02T1/:00:00Z', '2026-03-02T09:00:00.12xZ']) {
      expect(Number.isNaN(parseInstant(s)) ? 'NaN' : parseInstant(s)).toBe(Number.isNaN(Date.parse(s)) ? 'NaN' : Date.parse(s));
    }
  });

  it('refuses a day that does not exist (Date.parse would roll it into March)', () => {
    expect(parseInstant('2026-02-30T09:00:00Z')).toBeNaN();
    expect(parseInstant('2028-02-29T09:00:00.000Z')).toBe(Date.UTC(2028, 1, 29, 9));
  });
});
