/**
 * A fresh install's settings from one SLA preset, this browser's time zone, valid as they stand.
 * Kept apart from the presets themselves (../sla/presets.ts): the background reads the preset it
 * starts with from the extension's package, so its script does not carry every procedure's text.
 */
import type { SlaPolicy } from '../sla/types';
import { calendarWithHolidays, holidayYears } from './calendar-holidays';
import type { CaselineSettings } from './settings';
import { isValidTimeZone } from './validate-settings';

export interface DefaultSettingsOptions {
  /** Makes the agent id reproducible (tests, demo); otherwise it is random. */
  seed?: string;
  /** IANA zone for the calendar; the environment's own zone when absent or unknown. */
  timeZone?: string;
}

/** A short stable id from a seed (FNV-1a, 2 × 32 bits, base 36). */
export function agentIdFromSeed(seed: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (c + i), 0x01000193) >>> 0;
  }
  return `agent-${a.toString(36)}${b.toString(36)}`;
}

export function newAgentId(seed?: string): string {
  if (seed !== undefined) return agentIdFromSeed(seed);
  return `agent-${crypto.randomUUID()}`;
}

function environmentTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A fresh install's settings under this preset (the background gets procedure 000's from the package, see utils/desk/app-settings.ts). */
export function settingsFromPreset(preset: SlaPolicy, now: Date, options: DefaultSettingsOptions = {}): CaselineSettings {
  const policy = structuredClone(preset);
  const zone = [options.timeZone, environmentTimeZone(), preset.calendar.timeZone].find((z) => isValidTimeZone(z));
  policy.calendar.timeZone = zone ?? 'UTC';
  const settings: CaselineSettings = {
    version: 1,
    onboarded: false,
    role: 'agent',
    language: 'en',
    agent: { id: newAgentId(options.seed), name: 'Agent', prefix: 'CS' },
    company: { name: 'Our team' },
    presetId: preset.id,
    policy,
    holidays: { country: '', region: '', extra: [] },
    notifications: { enabled: true, leadMinutes: 60, mentions: true },
    privacy: { retentionDays: 365, syncSubjects: false },
    sync: { enabled: false, url: '', db: '', user: '' },
  };
  return calendarWithHolidays(settings, holidayYears(now));
}
