import { describe, expect, it } from 'vitest';
import { isCalendarDate, RESOLUTION_CODES, validateOutcome } from '../../../utils/cases/outcome';

describe('validateOutcome', () => {
  it('accepts a full form and trims text', () => {
    const result = validateOutcome({ code: 'refunded', summary: '  Refunded in full ', csat: 5, nps: 10, followUpOn: '2026-03-10', feedback: 'Happy' }, { usesNps: true });
    expect(result).toEqual({ ok: true, outcome: { code: 'refunded', summary: 'Refunded in full', csat: 5, nps: 10, followUpOn: '2026-03-10', feedback: 'Happy' } });
  });

  it('knows the nine resolution codes', () => {
    expect(RESOLUTION_CODES).toEqual(['answered', 'fixed', 'refunded', 'replaced', 'credited', 'workaround', 'no_fault_found', 'duplicate', 'other']);
    expect(validateOutcome({ code: 'solved' })).toMatchObject({ ok: false, errors: [{ field: 'code' }] });
  });

  it.each([
    [{ csat: 0 }, 'csat'],
    [{ csat: 3.5 }, 'csat'],
    [{ csat: '4' }, 'csat'],
    [{ nps: 11 }, 'nps'],
    [{ nps: -1 }, 'nps'],
    [{ summary: 'x'.repeat(501) }, 'summary'],
    [{ followUpOn: '2026-02-30' }, 'followUpOn'],
    [{ followUpOn: '10/03/2026' }, 'followUpOn'],
    [{ colour: 'blue' }, 'colour'],
  ])('refuses %j (field %s)', (input, field) => {
    const result = validateOutcome(input, { usesNps: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });

  it('refuses NPS when the policy does not use it, and an empty form', () => {
    expect(validateOutcome({ nps: 8 })).toEqual({ ok: false, errors: [{ field: 'nps', message: 'This policy does not ask for a recommendation score (NPS).' }] });
    expect(validateOutcome({})).toMatchObject({ ok: false, errors: [{ field: 'outcome' }] });
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
  });
});

describe('parseCaseCommand', () => {
  it('accepts well-formed commands and refuses malformed ones', async () => {
    const { parseCaseCommand } = await import('../../../utils/cases/command-schema');
    expect(parseCaseCommand({ type: 'escalate', reason: 'Legal', to: 'Counsel' })).toEqual({ ok: true, command: { type: 'escalate', reason: 'Legal', to: 'Counsel' } });
    expect(parseCaseCommand({ type: 'close', satisfied: false, reason: 'No answer' }).ok).toBe(true);
    expect(parseCaseCommand({ type: 'close', satisfied: true }).ok).toBe(true);
    expect(parseCaseCommand({ type: 'close', satisfied: 'yes' }).ok).toBe(false);
    expect(parseCaseCommand({ type: 'escalate', reason: 'Legal' }).ok).toBe(false);
    expect(parseCaseCommand({ type: 'acknowledge', extra: 1 }).ok).toBe(false);
    expect(parseCaseCommand({ type: 'deleteEverything' }).ok).toBe(false);
    expect(parseCaseCommand('acknowledge').ok).toBe(false);
  });
});
