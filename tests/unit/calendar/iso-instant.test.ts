import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoInstant, parseIsoInstant } from '../../../utils/calendar';

describe('ISO instants', () => {
  it('format exactly like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(0, 0, 1) - 62_000_000_000_000, max: 8.64e15 }), (t) => {
        expect(formatIsoInstant(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 2000 },
    );
    expect(formatIsoInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatIsoInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
  });

  it('read like Date.parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_402_300_799_999 }), (t) => {
        const text = new Date(t).toISOString();
        expect(parseIsoInstant(text)).toBe(t);
      }),
      { numRuns: 2000 },
    );
    expect(parseIsoInstant('2026-11-30T09:00Z')).toBe(Date.UTC(2026, 10, 30, 9));
    expect(parseIsoInstant('2026-11-30T09:00:00.5Z')).toBe(Date.UTC(2026, 10, 30, 9, 0, 0, 500));
    expect(parseIsoInstant('2026-11-30T10:00:00+01:00')).toBe(Date.UTC(2026, 10, 30, 9));
    expect(parseIsoInstant('nonsense')).toBeNaN();
  });
});

describe('ISO instants: odd shapes go to Date.parse', () => {
  it('reads every accepted shape', () => {
    for (const text of ['2026-11-30T09:00Z', '2026-11-30T09:00:07Z', '2026-11-30T09:00:07.1Z', '2026-11-30T09:00:07.12Z', '2026-11-30T09:00:07.123Z', '2026-11-30T09:00:07.1234Z', '2026-02-30T09:00:00Z', '2026-11-30 09:00:00Z', '2026-11-30T24:00:00Z']) {
      expect(parseIsoInstant(text), text).toBe(Date.parse(text));
    }
  });
});
