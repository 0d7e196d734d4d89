import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRetryDelay, RETRY_BASE_MS, RETRY_MAX_MS } from '../../../utils/sync/push';

describe('nextRetryDelay (exponential backoff, full jitter)', () => {
  it('scales the ceiling 30 s, 60 s, 120 s … and caps it at 30 min', () => {
    const top = 1 - Number.EPSILON;
    expect(nextRetryDelay(0, () => top)).toBe(RETRY_BASE_MS - 1);
    expect(nextRetryDelay(1, () => top)).toBe(2 * RETRY_BASE_MS - 1);
    expect(nextRetryDelay(2, () => top)).toBe(4 * RETRY_BASE_MS - 1);
    expect(nextRetryDelay(6, () => top)).toBe(RETRY_MAX_MS - 1); // 30 s · 64 = 32 min > 30 min
    expect(nextRetryDelay(1000, () => top)).toBe(RETRY_MAX_MS - 1);
    expect(nextRetryDelay(3, () => 0.5)).toBe(4 * RETRY_BASE_MS);
    expect(nextRetryDelay(0, () => 0)).toBe(0);
  });

  it('is always within [0, min(max, base·2^attempt)) for any random source, even a broken one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 100 }), fc.double({ min: -2, max: 3, noNaN: true }), (attempt, r) => {
        const d = nextRetryDelay(attempt, () => r);
        const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)));
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
      }),
    );
  });

  it('is jittered: the same attempt spreads over its whole range', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 400 }, () => nextRetryDelay(4, random));
    const ceiling = 16 * RETRY_BASE_MS;
    expect(new Set(delays).size).toBeGreaterThan(390);
    // Each quarter of the range gets a fair share.
    for (let q = 0; q < 4; q++) {
      const inQuarter = delays.filter((d) => d >= (q * ceiling) / 4 && d < ((q + 1) * ceiling) / 4).length;
      expect(inQuarter).toBeGreaterThan(60);
    }
  });
});
