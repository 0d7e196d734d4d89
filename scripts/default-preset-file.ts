/**
 * Build step: the SLA preset a fresh install starts with (procedure 000's), as the file the
 * background reads when it finds no settings (`sla/default-preset.json`), so the presets' text
 * stays out of background.js. The options and onboarding pages carry every preset themselves.
 */
import { findPreset } from '../utils/settings/default-settings';

export const DEFAULT_PRESET_PATH = 'sla/default-preset.json';

export function defaultPresetFileText(): string {
  return JSON.stringify(findPreset(undefined));
}
