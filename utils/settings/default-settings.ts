/** Settings for a fresh install: procedure 000's preset, this browser's time zone, valid as they stand. */
import { PRESETS, presetById } from '../sla/presets';
import type { SlaPolicy } from '../sla/types';
import type { CaselineSettings } from './settings';
import { settingsFromPreset, type DefaultSettingsOptions } from './settings-from-preset';

export { agentIdFromSeed, newAgentId, settingsFromPreset, type DefaultSettingsOptions } from './settings-from-preset';

export const DEFAULT_PRESET_ID = 'sop-000';

/** The preset with this id ('sop-002', or just '002'), or procedure 000's, or the first one. */
export function findPreset(presetId: string | undefined): SlaPolicy {
  const byId = presetId ? (presetById(presetId) ?? presetById(`sop-${presetId}`)) : undefined;
  const found = byId ?? presetById(DEFAULT_PRESET_ID) ?? PRESETS[0];
  if (!found) throw new Error('no SLA presets are defined');
  return found;
}

export function defaultSettings(now: Date, presetId: string = DEFAULT_PRESET_ID, options: DefaultSettingsOptions = {}): CaselineSettings {
  return settingsFromPreset(findPreset(presetId), now, options);
}
