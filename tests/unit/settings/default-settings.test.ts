import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../../utils/sla/presets';
import { holidaysFor } from '../../../utils/calendar/holidays';
import { settingsWithPreset } from '../../../utils/settings/apply-preset';
import { calendarWithHolidays, holidayYears, publicHolidays } from '../../../utils/settings/calendar-holidays';
import { agentIdFromSeed, defaultSettings, findPreset } from '../../../utils/settings/default-settings';
import { holidayCountries, holidayRegions } from '../../../utils/settings/holiday-regions';
import { validateSettings } from '../../../utils/settings/validate-settings';

const NOW = new Date('2026-03-02T10:00:00Z');

describe('defaultSettings', () => {
  it('is valid as it stands, not onboarded, on procedure 000', () => {
    const s = defaultSettings(NOW);
    const r = validateSettings(s);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(s.onboarded).toBe(false);
    expect(s.presetId).toBe('sop-000');
    expect(s.policy.targets).toEqual(presetById('sop-000')!.targets);
    expect(s.sync.enabled).toBe(false);
  });

  it('uses the given time zone, or the environment one when the given zone is unknown', () => {
    expect(defaultSettings(NOW, undefined, { timeZone: 'Asia/Kolkata' }).policy.calendar.timeZone).toBe('Asia/Kolkata');
    expect(defaultSettings(NOW, undefined, { timeZone: 'Bad/Zone' }).policy.calendar.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('starts from the chosen preset, by full or short id', () => {
    expect(defaultSettings(NOW, 'sop-002').policy.targets).toEqual(presetById('sop-002')!.targets);
    expect(findPreset('004').id).toBe('sop-004');
    expect(findPreset('nope').id).toBe('sop-000');
  });

  it('gives a stable agent id from a seed and a fresh one without', () => {
    expect(defaultSettings(NOW, undefined, { seed: 'ana' }).agent.id).toBe(defaultSettings(NOW, undefined, { seed: 'ana' }).agent.id);
    expect(agentIdFromSeed('ana')).not.toBe(agentIdFromSeed('ben'));
    expect(agentIdFromSeed('ana')).toMatch(/^agent-[0-9a-z]+$/);
    expect(defaultSettings(NOW).agent.id).not.toBe(defaultSettings(NOW).agent.id);
  });

  it('does not share objects with the preset', () => {
    const s = defaultSettings(NOW);
    s.policy.targets.complaint.resolve!.amount = 99;
    expect(presetById('sop-000')!.targets.complaint.resolve!.amount).not.toBe(99);
  });
});

describe('settingsWithPreset', () => {
  it('takes targets and hours from the preset and keeps the team zone and holidays', () => {
    const s = defaultSettings(NOW, 'sop-000', { timeZone: 'America/New_York' });
    s.policy.calendar.holidays = ['2026-07-03'];
    for (const preset of PRESETS) {
      const next = settingsWithPreset(s, preset);
      expect(next.presetId).toBe(preset.id);
      expect(next.policy.targets).toEqual(preset.targets);
      expect(next.policy.calendar.week).toEqual(preset.calendar.week);
      expect(next.policy.calendar.timeZone).toBe('America/New_York');
      expect(next.policy.calendar.holidays).toEqual(['2026-07-03']);
      expect(validateSettings(next).ok).toBe(true);
    }
    expect(s.presetId).toBe('sop-000');
  });
});

describe('calendarWithHolidays', () => {
  it('merges public holidays of the country and region with own closure days, sorted and unique', () => {
    const s = defaultSettings(NOW);
    s.holidays = { country: 'ES', region: 'MD', extra: ['2026-12-24', '2026-12-25', '2026-08-14'] };
    const merged = calendarWithHolidays(s, [2026]).policy.calendar.holidays;
    const expected = [...new Set([...holidaysFor('ES', 'MD', [2026]), '2026-12-24', '2026-08-14'])].sort();
    expect(merged).toEqual(expected);
    expect(merged).toContain('2026-01-01'); // New Year, national
    expect(merged).toContain('2026-05-02'); // Community of Madrid day, regional
    expect(merged).toContain('2026-12-24'); // own closure day
    expect(merged.filter((d) => d === '2026-12-25')).toHaveLength(1);
    expect(validateSettings(calendarWithHolidays(s, [2026])).ok).toBe(true);
  });

  it('rebuilds the list: a country no longer chosen leaves none of its holidays', () => {
    const s = defaultSettings(NOW);
    s.holidays = { country: 'GB', region: 'ENG', extra: [] };
    const withGb = calendarWithHolidays(s, [2026]);
    expect(withGb.policy.calendar.holidays).toContain('2026-12-28'); // Boxing Day substitute
    withGb.holidays = { country: '', region: '', extra: ['2026-06-01'] };
    expect(calendarWithHolidays(withGb, [2026]).policy.calendar.holidays).toEqual(['2026-06-01']);
  });

  it('covers the years asked for', () => {
    const s = defaultSettings(NOW);
    s.holidays = { country: 'US', region: '', extra: [] };
    const dates = calendarWithHolidays(s, holidayYears(NOW)).policy.calendar.holidays;
    expect(holidayYears(NOW)).toEqual([2026, 2027]);
    expect(dates).toContain('2026-07-03'); // Independence Day (a Saturday in 2026) observed on Friday 3 July
    expect(dates).toContain('2027-01-01');
    expect(publicHolidays(s, [2026]).every((d) => d.startsWith('2026-'))).toBe(true);
  });
});

describe('holiday places', () => {
  it('lists countries and regions from date-holidays', () => {
    const countries = holidayCountries();
    expect(countries.length).toBeGreaterThan(100);
    expect(countries).toContainEqual({ code: 'GB', name: 'United Kingdom' });
    expect(holidayRegions('GB').map((r) => r.code)).toContain('SCT');
    expect(holidayRegions('XX')).toEqual([]);
  });
});
