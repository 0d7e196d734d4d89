import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../utils/sla/presets';
import { defaultSettings } from '../../../utils/settings/default-settings';
import type { CaselineSettings } from '../../../utils/settings/settings';
import { errorsByField, isAllowedSyncUrl, isIsoDate, isValidTimeZone, validateSettings } from '../../../utils/settings/validate-settings';

const NOW = new Date('2026-03-02T10:00:00Z');
function valid(): CaselineSettings {
  const s = defaultSettings(NOW, 'sop-000', { seed: 'test', timeZone: 'Europe/Madrid' });
  s.agent.name = 'Ana Ruiz';
  s.agent.prefix = 'AB';
  s.company.name = 'Acme Ltd';
  return s;
}
function errorsOf(s: unknown): Record<string, string> {
  const r = validateSettings(s);
  if (r.ok) return {};
  return errorsByField(r.errors);
}
function withChange(change: (s: CaselineSettings) => void): CaselineSettings {
  const s = valid();
  change(s);
  return s;
}

describe('validateSettings', () => {
  it('accepts valid settings and returns them cleaned', () => {
    const s = valid();
    s.agent.name = '  Ana Ruiz  ';
    const r = validateSettings(s);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.agent.name).toBe('Ana Ruiz');
      expect(r.value.policy.targets.complaint.resolve).toEqual(s.policy.targets.complaint.resolve);
    }
  });

  it('drops unknown keys and an empty e-mail', () => {
    const s = { ...valid(), extra: 'x' } as CaselineSettings & { extra: string };
    s.agent.email = '';
    const r = validateSettings(s);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect('extra' in r.value).toBe(false);
      expect('email' in r.value.agent).toBe(false);
    }
  });

  it('requires the agent name', () => {
    const e = errorsOf(withChange((s) => (s.agent.name = '   ')));
    expect(e['agent.name']).toBe('Enter your name as customers should see it.');
  });

  it('rejects a malformed e-mail but accepts a good one', () => {
    expect(errorsOf(withChange((s) => (s.agent.email = 'ana@')))['agent.email']).toMatch(/e-mail address/);
    expect(validateSettings(withChange((s) => (s.agent.email = 'ana@example.org'))).ok).toBe(true);
  });

  it.each(['A', 'ab', 'ABCDE', 'A-B', 'ÁB', ''])('rejects the prefix %j', (prefix) => {
    const e = errorsOf(withChange((s) => (s.agent.prefix = prefix)));
    expect(e['agent.prefix']).toBe('The team prefix must be 2 to 4 capital letters or digits, such as AB or EU1.');
  });

  it.each(['AB', 'EU1', '1234', 'ZZZ'])('accepts the prefix %j', (prefix) => {
    expect(validateSettings(withChange((s) => (s.agent.prefix = prefix))).ok).toBe(true);
  });

  it('requires the company name', () => {
    expect(errorsOf(withChange((s) => (s.company.name = '')))['company.name']).toMatch(/company or organisation name/);
  });

  it('rejects an unknown time zone on its field', () => {
    const e = errorsOf(withChange((s) => (s.policy.calendar.timeZone = 'Mars/Olympus')));
    expect(e['policy.calendar.timeZone']).toBe('The time zone "Mars/Olympus" is not known: choose one from the list.');
  });

  it('names a target amount that is zero, negative, not a number or too large by its path', () => {
    expect(errorsOf(withChange((s) => (s.policy.targets.complaint.resolve!.amount = 0)))['policy.targets.complaint.resolve.amount']).toBe(
      'Complaints, resolve: the amount must be greater than 0.',
    );
    expect(errorsOf(withChange((s) => (s.policy.targets.inquiry.acknowledge!.amount = -3)))['policy.targets.inquiry.acknowledge.amount']).toMatch(/greater than 0/);
    expect(errorsOf(withChange((s) => (s.policy.targets.support.resolve!.amount = Number.NaN)))['policy.targets.support.resolve.amount']).toMatch(/must be a number/);
    const tooLarge = errorsOf(
      withChange((s) => {
        s.policy.targets.complaint.resolve!.amount = 400;
        s.policy.targets.complaint.resolve!.unit = 'days';
      }),
    );
    expect(tooLarge['policy.targets.complaint.resolve.amount']).toBe('Complaints, resolve: the amount must be at most 365 days (one year).');
    // The same figure in hours is fine.
    expect(
      validateSettings(
        withChange((s) => {
          s.policy.targets.complaint.resolve!.amount = 400;
          s.policy.targets.complaint.resolve!.unit = 'hours';
        }),
      ).ok,
    ).toBe(true);
  });

  it('checks the unit and clock enums', () => {
    const e = errorsOf(
      withChange((s) => {
        (s.policy.targets.inquiry.acknowledge as { unit: string }).unit = 'weeks';
        (s.policy.targets.inquiry.acknowledge as { clock: string }).clock = 'lunar';
      }),
    );
    expect(e['policy.targets.inquiry.acknowledge.unit']).toBe('Inquiries, acknowledge: choose minutes, hours or days.');
    expect(e['policy.targets.inquiry.acknowledge.clock']).toBe('Inquiries, acknowledge: choose business time or calendar time.');
  });

  it('maps the calendar rules to policy.calendar fields with weekdays named', () => {
    const e = errorsOf(
      withChange((s) => {
        s.policy.calendar.week.mon = [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ];
        s.policy.calendar.week.tue = [['17:00', '09:00']];
        s.policy.calendar.week.wed = [['9am', '17:00']];
      }),
    );
    expect(e['policy.calendar.week.mon.1']).toBe('Monday (period 2) overlaps Monday (period 1).');
    expect(e['policy.calendar.week.tue.0']).toMatch(/^Tuesday \(period 1\) closes \(09:00\) at or before it opens \(17:00\)/);
    expect(e['policy.calendar.week.wed.0']).toMatch(/^Wednesday \(period 1\) opens at "9am": write it as HH:MM/);
  });

  it('rejects a week without business hours', () => {
    const e = errorsOf(withChange((s) => (s.policy.calendar.week = {})));
    expect(e['policy.calendar.week']).toBe('The week has no business hours: give at least one day opening hours.');
  });

  it('checks holidays are real YYYY-MM-DD dates', () => {
    const e = errorsOf(
      withChange((s) => {
        s.holidays.extra = ['2026-12-24', '2026-02-30', '24/12/2026'];
        s.policy.calendar.holidays = ['2026-13-01'];
      }),
    );
    expect(e['holidays.extra.0']).toBeUndefined();
    expect(e['holidays.extra.1']).toBe('"2026-02-30" is not a date written YYYY-MM-DD.');
    expect(e['holidays.extra.2']).toBe('"24/12/2026" is not a date written YYYY-MM-DD.');
    expect(e['policy.calendar.holidays.0']).toBe('"2026-13-01" is not a date written YYYY-MM-DD.');
  });

  it('checks the holiday country and region', () => {
    expect(errorsOf(withChange((s) => (s.holidays.country = 'XX')))['holidays.country']).toMatch(/not a country with known public holidays/);
    expect(
      errorsOf(
        withChange((s) => {
          s.holidays.country = 'ES';
          s.holidays.region = 'ZZ';
        }),
      )['holidays.region'],
    ).toMatch(/not a region of the chosen country/);
    expect(
      validateSettings(
        withChange((s) => {
          s.holidays.country = 'ES';
          s.holidays.region = 'MD';
        }),
      ).ok,
    ).toBe(true);
  });

  it.each([
    [-1, 'The warning time cannot be negative.'],
    [1441, 'The warning time must be at most 1440 minutes (one day).'],
    [2.5, 'The warning time must be a whole number of minutes.'],
  ])('rejects notification lead minutes %d', (minutes, message) => {
    expect(errorsOf(withChange((s) => (s.notifications.leadMinutes = minutes)))['notifications.leadMinutes']).toBe(message);
  });

  it('accepts lead minutes at both ends of the range', () => {
    expect(validateSettings(withChange((s) => (s.notifications.leadMinutes = 0))).ok).toBe(true);
    expect(validateSettings(withChange((s) => (s.notifications.leadMinutes = 1440))).ok).toBe(true);
  });

  it.each([
    [29, 'Keep records for at least 30 days.'],
    [3651, 'Keep records for at most 3650 days (ten years).'],
  ])('rejects retention of %d days', (days, message) => {
    expect(errorsOf(withChange((s) => (s.privacy.retentionDays = days)))['privacy.retentionDays']).toBe(message);
  });

  it('accepts retention at both ends of the range', () => {
    expect(validateSettings(withChange((s) => (s.privacy.retentionDays = 30))).ok).toBe(true);
    expect(validateSettings(withChange((s) => (s.privacy.retentionDays = 3650))).ok).toBe(true);
  });

  it('requires https for sync, or http on loopback, only when sync is enabled', () => {
    const on = (url: string) =>
      withChange((s) => {
        s.sync = { enabled: true, url, db: 'caseline', user: 'ana' };
      });
    expect(errorsOf(on('http://couch.example.org:5984'))['sync.url']).toMatch(/must start with https:\/\//);
    expect(errorsOf(on('ftp://couch.example.org'))['sync.url']).toMatch(/https/);
    expect(errorsOf(on('not a url'))['sync.url']).toMatch(/https/);
    expect(validateSettings(on('https://couch.example.org')).ok).toBe(true);
    expect(validateSettings(on('http://127.0.0.1:5984')).ok).toBe(true);
    expect(validateSettings(on('http://localhost:5984')).ok).toBe(true);
    // Disabled: whatever was typed is kept without complaint.
    expect(validateSettings(withChange((s) => (s.sync = { enabled: false, url: 'http://x', db: '', user: '' }))).ok).toBe(true);
  });

  it('checks the sync database name and user when sync is enabled', () => {
    const e = errorsOf(withChange((s) => (s.sync = { enabled: true, url: 'https://couch.example.org', db: 'Team DB', user: '' })));
    expect(e['sync.db']).toMatch(/lowercase letter/);
    expect(e['sync.user']).toBe('Enter the user name for the team server.');
  });

  it('reports several problems at once, each on its own field', () => {
    const r = validateSettings(
      withChange((s) => {
        s.agent.prefix = 'x';
        s.policy.targets.complaint.resolve!.amount = 0;
        s.policy.calendar.timeZone = 'Nowhere/Town';
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field).sort()).toEqual(['agent.prefix', 'policy.calendar.timeZone', 'policy.targets.complaint.resolve.amount']);
    }
  });

  it('refuses things that are not settings at all', () => {
    for (const input of [null, undefined, 42, 'settings', [], {}]) {
      const r = validateSettings(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('refuses a wrong version', () => {
    expect(errorsOf({ ...valid(), version: 2 })['version']).toMatch(/unknown version/);
  });
});

describe('small checks', () => {
  it('isValidTimeZone', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(3)).toBe(false);
  });
  it('isIsoDate', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
  it('isAllowedSyncUrl refuses credentials in the URL', () => {
    expect(isAllowedSyncUrl('https://ana:secret@couch.example.org')).toBe(false);
    expect(isAllowedSyncUrl('http://[::1]:5984')).toBe(true);
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('preset %s is valid as the policy', (_id, preset) => {
    const s = valid();
    s.policy = structuredClone(preset);
    s.presetId = preset.id;
    const r = validateSettings(s);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.policy.targets).toEqual(preset.targets);
  });
});
