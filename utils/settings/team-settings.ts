/**
 * The team's settings, from the publications its leads wrote to the team database (append-only
 * `settings` records): the SLA policy (targets per category and stage, business calendar,
 * due-soon share, follow-ups before closing), the procedure it started from, and the holidays.
 * The publication with the highest version (then the newest, then the highest id) that is valid
 * as settings is in force; an agent's own copies of those fields are kept but not used while it
 * is (withTeamSettings).
 */
import type { SettingsDoc } from '../cases/team-docs';
import type { SlaPolicy } from '../sla/types';
import { sameDocument } from '../sync/push';
import type { CaselineSettings, HolidaySettings } from './settings';
import { validateSettings } from './validate-settings';

export interface TeamSettingsInForce {
  version: number;
  publishedBy: string;
  publishedAt: string;
  presetId?: string;
  policy: SlaPolicy;
  holidays: HolidaySettings;
}

function newer(a: SettingsDoc, b: SettingsDoc): boolean {
  if (a.settings.version !== b.settings.version) return a.settings.version > b.settings.version;
  if (a.settings.at !== b.settings.at) return a.settings.at > b.settings.at;
  return a._id > b._id;
}

/** The own settings with the team's in place of the agent's policy, preset and holidays. */
export function withTeamSettings(own: CaselineSettings, team: TeamSettingsInForce): CaselineSettings {
  return { ...own, ...(team.presetId ? { presetId: team.presetId } : {}), policy: team.policy, holidays: team.holidays };
}

/** The team settings in force (undefined: none published, or none valid), and the publications refused. */
export function teamSettingsInForce(docs: Iterable<SettingsDoc>, own: CaselineSettings): { inForce?: TeamSettingsInForce; invalid: Array<{ id: string; reason: string }>; publications: number } {
  const sorted = [...docs].sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
  const invalid: Array<{ id: string; reason: string }> = [];
  for (const doc of sorted) {
    const p = doc.settings;
    const holidays = { country: p.holidays.country ?? '', region: p.holidays.region ?? '', extra: p.holidays.extra ?? [] };
    const candidate = { ...own, ...(p.presetId ? { presetId: p.presetId } : {}), policy: p.policy, holidays };
    const checked = validateSettings(candidate);
    if (!checked.ok) {
      invalid.push({ id: doc._id, reason: checked.errors.slice(0, 3).map((e) => `${e.field}: ${e.message}`).join('; ') });
      continue;
    }
    const v = checked.value;
    return {
      inForce: { version: p.version, publishedBy: doc.author, publishedAt: p.at, ...(p.presetId ? { presetId: v.presetId } : {}), policy: v.policy, holidays: v.holidays },
      invalid,
      publications: sorted.length,
    };
  }
  return { invalid, publications: sorted.length };
}

/** Whether the own settings already say what the team's do (the lead's "up to date" line). */
export function sameAsTeam(own: CaselineSettings, team: TeamSettingsInForce): boolean {
  return sameDocument({ p: own.policy, h: own.holidays }, { p: team.policy, h: team.holidays });
}
