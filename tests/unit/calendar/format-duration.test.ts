import { describe, expect, it } from 'vitest';
import { formatBusinessDuration } from '../../../utils/calendar';

describe('formatBusinessDuration', () => {
  it('writes hours and zero-padded minutes, never days', () => {
    expect(formatBusinessDuration(125)).toBe('2 h 05 min');
    expect(formatBusinessDuration(680)).toBe('11 h 20 min');
    expect(formatBusinessDuration(120)).toBe('2 h 00 min');
    expect(formatBusinessDuration(3 * 24 * 60 + 7)).toBe('72 h 07 min');
  });

  it('writes minutes alone under an hour, negatives with a minus', () => {
    expect(formatBusinessDuration(45)).toBe('45 min');
    expect(formatBusinessDuration(0)).toBe('0 min');
    expect(formatBusinessDuration(-35)).toBe('-35 min');
    expect(formatBusinessDuration(-95)).toBe('-1 h 35 min');
  });

  it('rounds to whole minutes without a negative zero', () => {
    expect(formatBusinessDuration(59.6)).toBe('1 h 00 min');
    expect(formatBusinessDuration(-0.2)).toBe('0 min');
    expect(formatBusinessDuration(Number.NaN)).toBe('—');
  });
});
