/** Switching a team to another procedure's preset without losing its own calendar facts. */
import type { SlaPolicy } from '../sla/types';
import type { CaselineSettings } from './settings';

/**
 * The settings with `preset` as the policy: its targets, week hours and rules are copied; the
 * team's time zone and holidays (its own facts, not the procedure's) are kept.
 */
export function settingsWithPreset(settings: CaselineSettings, preset: SlaPolicy): CaselineSettings {
  const policy = structuredClone(preset);
  policy.calendar = {
    timeZone: settings.policy.calendar.timeZone,
    week: structuredClone(preset.calendar.week),
    holidays: [...settings.policy.calendar.holidays],
  };
  return { ...settings, presetId: preset.id, policy };
}
