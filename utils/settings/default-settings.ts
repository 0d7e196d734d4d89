/** Settings for a fresh install: procedure 000's preset, this browser's time zone, valid as they stand. */
import { PRESETS, presetById } from '../sla/presets';
import type { SlaPolicy } from '../sla/types';
import { calendarWithHolidays, holidayYears } from './calendar-holidays';
import type { CaselineSettings } from './settings';
import { isValidTimeZone } from './validate-settings';

export const DEFAULT_PRESET_ID = 'sop-000';

export interface DefaultSettingsOptions {
  /** Makes the agent id reproducible (tests, demo); otherwise it is random. */
  seed?: string;
  /** IANA zone for the calendar; the environment's own zone when absent or unknown. */
  timeZone?: string;
}

/** The preset with this id ('sop-002', or just '002'), or procedure 000's, or the first one. */
export function findPreset(presetId: string | undefined): SlaPolicy {
  const byId = presetId ? (presetById(presetId) ?? presetById(`sop-${presetId}`)) : undefined;
  const found = byId ?? presetById(DEFAULT_PRESET_ID) ?? PRESETS[0];
  if (!found) throw new Error('no SLA presets are defined');
  return found;
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

export function defaultSettings(now: Date, presetId: string = DEFAULT_PRESET_ID, options: DefaultSettingsOptions = {}): CaselineSettings {
  const preset = findPreset(presetId);
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
